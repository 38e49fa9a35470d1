package org.yibaoflow.personnel.process;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/**
 * 确定中止期限 checked against the band the process found (issue 15, R-PERS-6): the months chosen lie between the
 * region's minimum and maximum for the band ({@code monthsMin}, {@code monthsMax}, set by the process), so a
 * number outside it is a message in the form, not a suspension the rule does not allow.
 */
@Component
class PersonnelFormChecks implements FormCheck {

  @Override
  public Set<String> formIds() {
    return Set.of("personnel-suspension-months");
  }

  @Override
  public void check(Submission s) {
    Object months = s.value("suspensionMonths");
    if (!(months instanceof Number chosen) || !(s.value("monthsMin") instanceof Number min)
        || !(s.value("monthsMax") instanceof Number max)) {
      return; // the form's own check (FormSchemaCheck) refuses a missing or non-numeric value
    }
    if (chosen.doubleValue() < min.doubleValue() || chosen.doubleValue() > max.doubleValue()
        || chosen.doubleValue() != Math.floor(chosen.doubleValue())) {
      throw DomainRuleException.badRequest("suspensionMonths", "R-PERS-6", "中止月数须为 " + min.intValue() + " 至 "
          + max.intValue() + " 之间的整月（本档次的地区设置）", "suspensionMonths must be whole months within the band");
    }
  }
}
