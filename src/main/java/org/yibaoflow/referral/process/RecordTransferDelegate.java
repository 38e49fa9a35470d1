package org.yibaoflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.referral.ReferralService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录移送: the receiving body, the date and the number of the transfer letter (移送函). */
@Component("recordTransferDelegate")
class RecordTransferDelegate implements JavaDelegate {

  private final ReferralService service;

  RecordTransferDelegate(ReferralService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordTransfer(ProcessVariables.caseKey(execution),
        ProcessVariables.string(execution, "receivingBody"), Deadlines.toDate(ProcessVariables.value(execution, "transferredOn")),
        ProcessVariables.string(execution, "letterNo"));
  }
}
