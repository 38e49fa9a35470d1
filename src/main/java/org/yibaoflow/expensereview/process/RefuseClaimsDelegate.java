package org.yibaoflow.expensereview.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.expensereview.ExpenseReviewService;

/** 计算拒付: screening violations as found, sample violations scaled by the ratio (R-VIO-13). */
@Component("refuseClaimsDelegate")
class RefuseClaimsDelegate implements JavaDelegate {

  private final ExpenseReviewService service;

  RefuseClaimsDelegate(ExpenseReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ExpenseReviewService.Refused r = service.refuse(execution.getProcessBusinessKey(),
        execution.getProcessInstanceId());
    execution.setVariable("refusedInstitutions", r.institutions());
    execution.setVariable("refusedAmount", r.amount().toPlainString());
  }
}
