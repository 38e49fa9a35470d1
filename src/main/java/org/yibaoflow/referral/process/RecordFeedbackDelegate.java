package org.yibaoflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.ProcessVariables;
import org.yibaoflow.referral.Referral;
import org.yibaoflow.referral.ReferralService;

/**
 * 记录反馈: what the receiving body answered (message ReferralFeedback: feedbackType, feedbackContent; or the
 * caseworker's 登记移送反馈 with the paper's received date and document number, issue 15 item 6). The paper's
 * variables are removed once recorded, so a later answer through /api does not carry them.
 */
@Component("recordFeedbackDelegate")
class RecordFeedbackDelegate implements JavaDelegate {

  private final ReferralService service;

  RecordFeedbackDelegate(ReferralService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer previous = ProcessVariables.integer(execution, "feedbackCount");
    int count = (previous == null ? 0 : previous) + 1;
    String type = ProcessVariables.string(execution, "feedbackType");
    String receivedOn = ProcessVariables.string(execution, ReferralFeedbackForm.RECEIVED_ON);
    service.recordFeedback(ProcessVariables.caseKey(execution),
        type == null ? null : Referral.FeedbackType.valueOf(type), ProcessVariables.string(execution, "feedbackContent"),
        "feedback-" + count, FormCheck.receivedDate(receivedOn),
        ProcessVariables.string(execution, ReferralFeedbackForm.DOCUMENT_NO),
        receivedOn == null ? null : ProcessVariables.lastTaskCompletedBy(execution));
    execution.setVariable("feedbackCount", count);
    execution.removeVariable(ReferralFeedbackForm.RECEIVED_ON);
    execution.removeVariable(ReferralFeedbackForm.DOCUMENT_NO);
  }
}
