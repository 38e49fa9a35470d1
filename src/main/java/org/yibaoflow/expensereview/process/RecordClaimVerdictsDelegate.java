package org.yibaoflow.expensereview.process;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.expensereview.ClaimVerdicts;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * 记录核实结果 / 记录复审结果: the verdicts of one institution's task (R-VIO-13). Input the check refuses is the
 * BPMN error INVALID_VERDICT: the process returns the task with the message (verdictError), nothing written,
 * no incident. The batch is the business key; the claims are those of the institution and stage.
 */
@Component("recordClaimVerdictsDelegate")
class RecordClaimVerdictsDelegate implements JavaDelegate {

  static final String INVALID = "INVALID_VERDICT";

  private final ClaimVerdicts verdicts;

  RecordClaimVerdictsDelegate(ClaimVerdicts verdicts) {
    this.verdicts = verdicts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClaimVerdicts.Checked checked;
    try {
      checked = verdicts.check(execution.getProcessBusinessKey(), (String) execution.getVariable("institutionCode"),
          Stages.of(execution.getCurrentActivityId()), text(execution, "confirmedClaims"),
          text(execution, "violationCodes"));
    } catch (DomainRuleException e) {
      throw new BpmnError(INVALID, e.messageZh() + "（" + e.field() + "，" + e.rule() + "）");
    }
    Object by = execution.getVariable("verifiedBy");
    verdicts.record(checked, by == null ? AuditService.SYSTEM : by.toString(), text(execution, "verificationMethod"),
        text(execution, "verificationNote"), execution.getProcessInstanceId());
    execution.setVariableLocal("verdictError", null);
  }

  private static String text(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null ? null : v.toString();
  }
}
