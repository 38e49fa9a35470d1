package org.yibaoflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.referral.ReferralService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录移送终结: a declined transfer that will not be sent again. */
@Component("closeReferralDelegate")
class CloseReferralDelegate implements JavaDelegate {

  private final ReferralService service;

  CloseReferralDelegate(ReferralService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.close(ProcessVariables.caseKey(execution), ProcessVariables.string(execution, "closeReason"));
  }
}
