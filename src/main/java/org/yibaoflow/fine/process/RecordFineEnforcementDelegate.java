package org.yibaoflow.fine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.fine.FinePayments;
import org.yibaoflow.platform.ProcessVariables;

/** 记录申请强制执行: the unpaid fine is pursued (R-VIO-10). */
@Component("recordFineEnforcementDelegate")
class RecordFineEnforcementDelegate implements JavaDelegate {

  private final FinePayments service;

  RecordFineEnforcementDelegate(FinePayments service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FineDelegates.show(execution, service.recordEnforcement(FineDelegates.fineNo(execution),
        ProcessVariables.string(execution, "enforcementNote"), execution.getProcessInstanceId()));
  }
}
