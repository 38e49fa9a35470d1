package org.yibaoflow.designation.process;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/**
 * 定点申请 start form checked before the process starts (issue 15): what registration requires (R-DES-1), among
 * it the credit code's check character (GB 32100), so a typo is a message in the form, not an incident; and
 * a licence valid until a day before it is valid from.
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
    String from = s.text("licenceValidFrom");
    String until = s.text("licenceValidUntil");
    // ISO dates compare as text; the form's own check has refused anything that is not a date
    if (from != null && until != null && until.compareTo(from) < 0) {
      throw DomainRuleException.badRequest("licenceValidUntil", "R-DES-1", "证照有效期至不能早于有效期起",
          "licenceValidUntil cannot be before licenceValidFrom");
    }
  }
}
