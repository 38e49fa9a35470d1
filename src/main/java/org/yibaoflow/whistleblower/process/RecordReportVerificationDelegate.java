package org.yibaoflow.whistleblower.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.ProcessVariables;
import org.yibaoflow.whistleblower.ReportHandling;

/**
 * 记录核查结论 (R-VIO-1): a founded report opens (or joins) a violation case with source REPORT, whose number the
 * process waits on for the reward (R-VIO-15); an unfounded one is closed with reasons.
 */
@Component("recordReportVerificationDelegate")
class RecordReportVerificationDelegate implements JavaDelegate {

  private final ReportHandling handling;

  RecordReportVerificationDelegate(ReportHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean founded = "FOUNDED".equals(ProcessVariables.string(execution, "verificationOutcome"));
    String caseNo = handling.verify(ProcessVariables.caseKey(execution), founded,
        ProcessVariables.string(execution, "joinCaseNo"), ProcessVariables.string(execution, "institutionCode"),
        ProcessVariables.value(execution, "suspectedViolations"), ProcessVariables.amount(execution, "suspectedAmount"),
        ProcessVariables.value(execution, "closeReasons"), ProcessVariables.string(execution, "verificationNote"),
        execution.getProcessInstanceId());
    execution.setVariable("founded", caseNo != null);
    if (caseNo != null) {
      execution.setVariable("violationCaseNo", caseNo);
    }
  }
}
