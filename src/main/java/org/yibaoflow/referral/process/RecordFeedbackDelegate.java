package org.yibaoflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.referral.Referral;
import org.yibaoflow.referral.ReferralService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录反馈: what the receiving body answered (message ReferralFeedback: feedbackType, feedbackContent). */
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
    service.recordFeedback(ProcessVariables.caseKey(execution),
        type == null ? null : Referral.FeedbackType.valueOf(type), ProcessVariables.string(execution, "feedbackContent"),
        "feedback-" + count);
    execution.setVariable("feedbackCount", count);
  }
}
