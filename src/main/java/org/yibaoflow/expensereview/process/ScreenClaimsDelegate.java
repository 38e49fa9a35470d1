package org.yibaoflow.expensereview.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.yibaoflow.expensereview.ExpenseReviewService;

/** 初审（100% 筛查）: the batch of the business key against the claim-screening table (R-VIO-13). */
@Component("screenClaimsDelegate")
class ScreenClaimsDelegate implements JavaDelegate {

  private final ExpenseReviewService service;

  ScreenClaimsDelegate(ExpenseReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ExpenseReviewService.Screened s = service.screen(execution.getProcessBusinessKey(),
        execution.getProcessInstanceId());
    execution.setVariable("suspiciousCount", s.suspicious());
    execution.setVariable("verificationDays", s.verificationDays());
    execution.setVariable("verificationInstitutions", Variables.objectValue(new ArrayList<>(s.institutions()))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
