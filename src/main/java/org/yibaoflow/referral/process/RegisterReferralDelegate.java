package org.yibaoflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.yibaoflow.referral.DossierChecklists;
import org.yibaoflow.referral.Referral;
import org.yibaoflow.referral.ReferralService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 登记移送: registers the transfer (its number becomes the business key) and hands the dossier checklist of
 * its kind to the form as JSON, so Tasklist lists the items to prepare.
 */
@Component("registerReferralDelegate")
class RegisterReferralDelegate implements JavaDelegate {

  private final ReferralService service;
  private final DossierChecklists checklists;

  RegisterReferralDelegate(ReferralService service, DossierChecklists checklists) {
    this.service = service;
    this.checklists = checklists;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kind = ProcessVariables.string(execution, "referralKind");
    Referral r = service.register(execution.getProcessInstanceId(), execution.getTenantId(),
        kind == null ? null : Referral.Kind.valueOf(kind), ProcessVariables.string(execution, "subjectRef"),
        ProcessVariables.string(execution, "caseSummary"));
    execution.setVariable("referralNo", r.referralNo());
    execution.setVariable("referralReminderDays", service.reminderIntervalDays(r.region()));
    // a Json variable: Camunda Forms' checklist reads its options ({label, value}) from it (valuesKey)
    execution.setVariable("dossierChecklist", SpinValues.jsonValue(Spin.JSON(checklists.items(r.kind()))).create());
    execution.setProcessBusinessKey(r.referralNo());
  }
}
