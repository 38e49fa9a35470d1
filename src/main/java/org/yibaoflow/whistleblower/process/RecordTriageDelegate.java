package org.yibaoflow.whistleblower.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.ProcessVariables;
import org.yibaoflow.whistleblower.ReportHandling;

/** 记录受理审查 (R-VIO-1): accepted for verification, or closed with the reasons chosen. */
@Component("recordTriageDelegate")
class RecordTriageDelegate implements JavaDelegate {

  private final ReportHandling handling;

  RecordTriageDelegate(ReportHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean accepted = handling.triage(ProcessVariables.caseKey(execution),
        "ACCEPT".equals(ProcessVariables.string(execution, "triageDecision")),
        ProcessVariables.value(execution, "closeReasons"), ProcessVariables.string(execution, "triageNote"),
        execution.getProcessInstanceId());
    execution.setVariable("accepted", accepted);
  }
}
