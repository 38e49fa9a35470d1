package org.yibaoflow.personnel.process;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.QualificationStopService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/** The stop's forms checked before the task completes (R-VIO-12): a reason for a rejection, years within the range. */
@Component
class QualificationStopFormChecks implements FormCheck {

  static final String APPROVAL = "qualification-stop-approval";
  static final String ADJUST = "qualification-stop-adjust";

  private final QualificationStopService service;

  QualificationStopFormChecks(QualificationStopService service) {
    this.service = service;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(APPROVAL, ADJUST);
  }

  @Override
  public void check(Submission s) {
    if (APPROVAL.equals(s.formId())) {
      if ("REJECT".equals(s.text("stopApproval"))) {
        DomainRuleException.requireText(s.text("approvalComment"), "approvalComment", "不同意的理由", "approvalComment");
      } else if (!"APPROVE".equals(s.text("stopApproval"))) {
        throw DomainRuleException.badRequest("stopApproval", "R-VIO-12", "须选择同意或不同意", "stopApproval must be APPROVE or REJECT");
      }
      return;
    }
    service.checkChangedYears(s.businessKey(), s.wholeNumber("changedYears"));
  }
}
