package org.yibaoflow.referral.process;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.FormFacts;
import org.yibaoflow.referral.CloseReasons;

/**
 * 处理退回的移送 (issue 15, R-VIO-11): the close reasons as the checklist's choices (Chinese labels), and, before the
 * task completes with 终结移送, the same check the closing step applies: at least one reason from the list, an
 * explanation for 其他. A broken rule is a Chinese message in the form; the task stays open.
 */
@Component
class ReferralDeclineForm implements FormFacts, FormCheck {

  static final String FORM = "referral-declined";

  private final CloseReasons reasons;

  ReferralDeclineForm(CloseReasons reasons) {
    this.reasons = reasons;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(FORM);
  }

  @Override
  public Map<String, Object> facts(Submission task) {
    return Map.of("closeReasonOptions", FormFacts.options(reasons.all()));
  }

  @Override
  public void check(Submission s) {
    if ("CLOSE".equals(s.text("declineDecision"))) {
      reasons.text(s.value("closeReasons"), s.text("closeReason"));
    }
  }
}
