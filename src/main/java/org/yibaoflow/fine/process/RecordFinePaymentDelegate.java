package org.yibaoflow.fine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.fine.FinePayments;
import org.yibaoflow.platform.ProcessVariables;

/** 记录缴款: the payment the API or the unpaid task registered, checked again (R-VIO-10). */
@Component("recordFinePaymentDelegate")
class RecordFinePaymentDelegate implements JavaDelegate {

  private final FinePayments service;

  RecordFinePaymentDelegate(FinePayments service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FineDelegates.show(execution, service.recordPayment(FineDelegates.fineNo(execution),
        FineDelegates.date(execution, "paidOn"), FineDelegates.amount(execution, "paidAmount"),
        ProcessVariables.string(execution, "receiptNo"), execution.getProcessInstanceId()));
  }
}
