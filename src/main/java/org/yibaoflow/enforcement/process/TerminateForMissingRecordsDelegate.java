package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationFindingsService;
import org.yibaoflow.platform.ProcessVariables;

/** 解除协议: the document deadline passed (R-VIO-7), with the ban (R-VIO-9). */
@Component("terminateForMissingRecordsDelegate")
public class TerminateForMissingRecordsDelegate implements JavaDelegate {

  private final ViolationFindingsService service;

  public TerminateForMissingRecordsDelegate(ViolationFindingsService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.terminateForMissingRecords(ProcessVariables.caseKey(execution), execution.getProcessInstanceId());
    execution.setVariable("documentsOutcome", "TERMINATED");
  }
}
