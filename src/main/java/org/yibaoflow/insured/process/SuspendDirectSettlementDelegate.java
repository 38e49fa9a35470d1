package org.yibaoflow.insured.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.insured.InsuredSuspension;
import org.yibaoflow.insured.InsuredSuspensionService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 暂停医保直接结算 (as the objection left it) and 恢复直接结算 (the period's timer), by the element (R-VIO-12). The
 * timer's date is the day after the recorded last day, read from the row, not from a form.
 */
@Component("suspendDirectSettlementDelegate")
class SuspendDirectSettlementDelegate implements JavaDelegate {

  private final InsuredSuspensionService service;

  SuspendDirectSettlementDelegate(InsuredSuspensionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String no = ProcessVariables.caseKey(execution);
    String pi = execution.getProcessInstanceId();
    if ("Task_EndSuspension".equals(execution.getCurrentActivityId())) {
      execution.setVariable("suspensionStatus", service.end(no, pi).status());
      return;
    }
    InsuredSuspension s = service.takeEffect(no, ProcessVariables.string(execution, "objectionOutcome"),
        ProcessVariables.integer(execution, "changedMonths"), ProcessVariables.string(execution, "objectionNo"), pi);
    execution.setVariable("suspensionStatus", s.status());
    if (InsuredSuspension.SUSPENDED.equals(s.status())) {
      execution.setVariable("suspendedFrom", s.effectiveOn().toString());
      execution.setVariable("suspendedUntil", s.suspendedUntil().toString());
      execution.setVariable("suspensionEndsAt", InsuredSuspensionService.endsAt(s));
    }
  }
}
