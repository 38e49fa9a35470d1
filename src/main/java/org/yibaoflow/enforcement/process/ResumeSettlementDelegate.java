package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationFindingsService;
import org.yibaoflow.platform.ProcessVariables;

/** 恢复结算: sufficient records in time (R-VIO-7). */
@Component("resumeSettlementDelegate")
public class ResumeSettlementDelegate implements JavaDelegate {

  private final ViolationFindingsService service;

  public ResumeSettlementDelegate(ViolationFindingsService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.resumeSettlement(ProcessVariables.caseKey(execution), execution.getProcessInstanceId());
    execution.setVariable("documentsOutcome", "PROVIDED");
  }
}
