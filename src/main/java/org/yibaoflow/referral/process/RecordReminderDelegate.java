package org.yibaoflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.referral.Referral;
import org.yibaoflow.referral.ReferralService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录催办: no feedback within the region's interval; counted and audited once per firing. */
@Component("recordReminderDelegate")
class RecordReminderDelegate implements JavaDelegate {

  private final ReferralService service;

  RecordReminderDelegate(ReferralService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer previous = ProcessVariables.integer(execution, "reminderCount");
    Referral r = service.recordReminder(ProcessVariables.caseKey(execution),
        "reminder-" + ((previous == null ? 0 : previous) + 1));
    execution.setVariable("reminderCount", r.reminderCount());
  }
}
