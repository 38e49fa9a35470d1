package org.yibaoflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.ProcessVariables;
import org.yibaoflow.referral.CloseReasons;
import org.yibaoflow.referral.ReferralService;

/**
 * 记录移送终结: a declined transfer that will not be sent again, with the reasons chosen from the list and the
 * explanation (R-VIO-11).
 */
@Component("closeReferralDelegate")
class CloseReferralDelegate implements JavaDelegate {

  private final ReferralService service;
  private final CloseReasons reasons;

  CloseReferralDelegate(ReferralService service, CloseReasons reasons) {
    this.service = service;
    this.reasons = reasons;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.close(ProcessVariables.caseKey(execution), reasons.text(ProcessVariables.value(execution, "closeReasons"),
        ProcessVariables.string(execution, "closeReason")));
  }
}
