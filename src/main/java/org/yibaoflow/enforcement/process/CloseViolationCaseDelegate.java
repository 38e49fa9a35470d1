package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationRectificationService;
import org.yibaoflow.platform.ProcessVariables;

/** 结案: amounts, measures and dates in the registry and the audit trail. */
@Component("closeViolationCaseDelegate")
public class CloseViolationCaseDelegate implements JavaDelegate {

  private final ViolationRectificationService service;

  public CloseViolationCaseDelegate(ViolationRectificationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("caseOutcome",
        service.close(ProcessVariables.caseKey(execution), execution.getProcessInstanceId()).outcome());
  }
}
