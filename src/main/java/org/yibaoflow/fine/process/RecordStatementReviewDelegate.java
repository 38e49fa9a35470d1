package org.yibaoflow.fine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.fine.FineService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录陈述申辩复核: keep, lower within the range, or no fine (R-VIO-10). */
@Component("recordStatementReviewDelegate")
class RecordStatementReviewDelegate implements JavaDelegate {

  private final FineService service;

  RecordStatementReviewDelegate(FineService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FineDelegates.show(execution, service.reviewStatement(FineDelegates.fineNo(execution),
        ProcessVariables.string(execution, "statementOutcome"), FineDelegates.amount(execution, "fineAmount"),
        ProcessVariables.value(execution, "declineReasons"), execution.getProcessInstanceId()));
  }
}
