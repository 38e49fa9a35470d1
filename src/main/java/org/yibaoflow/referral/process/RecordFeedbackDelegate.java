package org.yibaoflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.referral.Referral;
import org.yibaoflow.referral.ReferralService;

/** 记录反馈: what the receiving body answered (message ReferralFeedback: feedbackType, feedbackContent). */
@Component("recordFeedbackDelegate")
class RecordFeedbackDelegate implements JavaDelegate {

  private final ReferralService service;

  RecordFeedbackDelegate(ReferralService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer previous = (Integer) execution.getVariable("feedbackCount");
    int count = (previous == null ? 0 : previous) + 1;
    String type = (String) execution.getVariable("feedbackType");
    service.recordFeedback((String) execution.getVariable("referralNo"),
        type == null ? null : Referral.FeedbackType.valueOf(type), (String) execution.getVariable("feedbackContent"),
        "feedback-" + count);
    execution.setVariable("feedbackCount", count);
  }
}
