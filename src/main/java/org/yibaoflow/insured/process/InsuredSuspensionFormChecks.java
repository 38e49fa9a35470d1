package org.yibaoflow.insured.process;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.insured.InsuredSuspensionService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/** The suspension's forms checked before the task completes (R-VIO-12): a reason for a rejection, months in range. */
@Component
class InsuredSuspensionFormChecks implements FormCheck {

  static final String APPROVAL = "insured-suspension-approval";
  static final String ADJUST = "insured-suspension-adjust";

  private final InsuredSuspensionService service;

  InsuredSuspensionFormChecks(InsuredSuspensionService service) {
    this.service = service;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(APPROVAL, ADJUST);
  }

  @Override
  public void check(Submission s) {
    if (APPROVAL.equals(s.formId())) {
      if ("REJECT".equals(s.text("suspensionApproval"))) {
        DomainRuleException.requireText(s.text("approvalComment"), "approvalComment", "不同意的理由", "approvalComment");
      } else if (!"APPROVE".equals(s.text("suspensionApproval"))) {
        throw DomainRuleException.badRequest("suspensionApproval", "R-VIO-12", "须选择同意或不同意",
            "suspensionApproval must be APPROVE or REJECT");
      }
      return;
    }
    service.checkChangedMonths(s.businessKey(), s.wholeNumber("changedMonths"));
  }
}
