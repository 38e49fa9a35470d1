package org.yibaoflow.expensereview.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.expensereview.ClaimBatch;
import org.yibaoflow.expensereview.ExpenseReviewService;

/** 办结: closes the batch; its figures become process variables for Cockpit. */
@Component("closeBatchDelegate")
class CloseBatchDelegate implements JavaDelegate {

  private final ExpenseReviewService service;

  CloseBatchDelegate(ExpenseReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClaimBatch.Figures f = service.close(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariable("refusedClaims", f.refusedClaims());
    execution.setVariable("verifiedCount", f.verified());
  }
}
