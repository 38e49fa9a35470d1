package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.RenewalControl;
import org.yibaoflow.platform.DomainRuleException;

/**
 * 考核结果审核 completed (candidate group supervisor): when the supervisor sets the data's non-renewal case aside
 * ({@code renewalOverride}), the reason is required and the override is recorded with who and why (R-EVA-5). A
 * missing reason keeps the task open with the message.
 */
@Component("renewalOverrideListener")
class RenewalOverrideListener implements TaskListener {

  private final RenewalControl control;

  RenewalOverrideListener(RenewalControl control) {
    this.control = control;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable("renewalOverride"))) {
      return;
    }
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = auth != null ? auth.getUserId() : task.getAssignee();
    Object reason = task.getVariable("renewalOverrideReason");
    try {
      control.override(task.getExecution().getProcessBusinessKey(), reason == null ? null : reason.toString(),
          user == null ? "unknown" : user);
    } catch (DomainRuleException e) {
      throw new ProcessEngineException(e.messageZh() + "（" + e.field() + "，" + e.rule() + "）" + e.messageEn(), e);
    }
  }
}
