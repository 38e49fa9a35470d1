package org.yibaoflow.designation.process;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.FormCheck;

/**
 * 定点申请 start form checked before the process starts (issue 15): what registration requires (R-DES-1), among
 * it the credit code's check character (GB 32100), so a typo is a message in the form, not an incident.
 */
@Component
class DesignationFormChecks implements FormCheck {

  @Override
  public Set<String> formIds() {
    return Set.of("designation-application");
  }

  @Override
  public void check(Submission s) {
    DesignationService.validate(s.region(), s.text("institutionName"), s.text("institutionType"),
        s.text("creditCode"));
  }
}
