package org.yibaoflow.fine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.fine.FinePayments;

/** 记录逾期未缴: the payment period ended; the fine shows as unpaid (R-VIO-10). */
@Component("recordFineUnpaidDelegate")
class RecordFineUnpaidDelegate implements JavaDelegate {

  private final FinePayments service;

  RecordFineUnpaidDelegate(FinePayments service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FineDelegates.show(execution, service.recordUnpaid(FineDelegates.fineNo(execution), execution.getProcessInstanceId()));
  }
}
