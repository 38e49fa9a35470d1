package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationFindingsService;
import org.yibaoflow.platform.ProcessVariables;

/** 暂停结算: settlement suspended at once, the document deadline in days (R-VIO-7, R-TIME-2). */
@Component("suspendSettlementForRecordsDelegate")
public class SuspendSettlementForRecordsDelegate implements JavaDelegate {

  private final ViolationFindingsService service;

  public SuspendSettlementForRecordsDelegate(ViolationFindingsService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("documentDeadlineDays",
        service.suspendSettlementForRecords(ProcessVariables.caseKey(execution), execution.getProcessInstanceId()));
  }
}
