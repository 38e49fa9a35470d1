package org.yibaoflow.inspection.process;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.inspection.InspectionPlanService;
import org.yibaoflow.inspection.InspectionWork;
import org.yibaoflow.inspection.YearEndScreening;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.ProcessVariables;

/**
 * The inspection plan's forms checked before the start or completion commits (issue 15; R-VIO-14): the plan year,
 * the findings (catalogue codes for the institution's type, the person and deduction cases, the note) and the
 * material review. Bad input: the Chinese message in the form, nothing started, the task still open.
 */
@Component
class InspectionFormChecks implements FormCheck {

  private final InspectionPlanService plans;
  private final InspectionWork work;

  InspectionFormChecks(InspectionPlanService plans, InspectionWork work) {
    this.plans = plans;
    this.work = work;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(FindingsForm.START_FORM, FindingsForm.FORM, FindingsForm.REVIEW_FORM);
  }

  @Override
  public void check(Submission s) {
    switch (s.formId()) {
      case FindingsForm.START_FORM -> {
        Object year = s.value("planYear");
        if (year != null && !(year instanceof Number)) {
          throw DomainRuleException.badRequest("planYear", "R-VIO-14", "计划年度须为年份数字", "planYear must be a year");
        }
        try {
          plans.validYear(year == null ? null : ((Number) year).intValue());
        } catch (DomainRuleException e) {
          throw DomainRuleException.badRequest("planYear", e.rule(), e.messageZh(), e.messageEn());
        }
      }
      case FindingsForm.FORM -> work.check(FindingsForm.inspectionId(s.variables()), FindingsForm.of(s.variables()));
      default -> {
        Object passed = s.value("materialsPassed");
        YearEndScreening.check(passed == null ? null : ProcessVariables.flag(s.variables(), "materialsPassed"),
            s.text("reviewNote"));
      }
    }
  }
}
