package org.yibaoflow.fine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.fine.FineService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录罚款决定: the amount within the range or no fine with reasons from the list (R-VIO-10). */
@Component("recordFineDecisionDelegate")
class RecordFineDecisionDelegate implements JavaDelegate {

  private final FineService service;

  RecordFineDecisionDelegate(FineService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FineDelegates.show(execution, service.decide(FineDelegates.fineNo(execution),
        ProcessVariables.string(execution, "fineDecision"), FineDelegates.amount(execution, "fineAmount"),
        ProcessVariables.value(execution, "declineReasons"), execution.getProcessInstanceId()));
  }
}
