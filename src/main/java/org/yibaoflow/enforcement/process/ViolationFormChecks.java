package org.yibaoflow.enforcement.process;

import java.math.BigDecimal;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationFindingsService;
import org.yibaoflow.enforcement.ViolationIntakeService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/**
 * The violation case's forms checked before the process moves (issue 15): the intake start form as the
 * registration job will check it (R-VIO-1/2), the investigation as the findings job will (R-VIO-2/10/13). A
 * mistake is a message in the form, never an incident of those jobs.
 */
@Component
class ViolationFormChecks implements FormCheck {

  static final String INTAKE = "violation-case-intake";
  static final String INVESTIGATION = "violation-investigation";

  private final ViolationIntakeService intake;
  private final ViolationFindingsService findings;

  ViolationFormChecks(ViolationIntakeService intake, ViolationFindingsService findings) {
    this.intake = intake;
    this.findings = findings;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(INTAKE, INVESTIGATION);
  }

  @Override
  public void check(Submission s) {
    if (INTAKE.equals(s.formId())) {
      String region = s.text("region");
      intake.checkIntake(region != null ? region : s.region(), s.text("source"), s.text("institutionCode"),
          s.value("suspectedViolations"), amount(s, "suspectedAmount", "涉嫌违规金额"), s.text("summary"));
    } else {
      findings.checkFindings(caseNo(s), s.value("findingCodes"), amount(s, "defraudedAmount", "违规（骗取）金额"),
          amount(s, "sampleAmount", "抽查中发现的违规金额"), amount(s, "samplingRatio", "抽查比例"), multiple(s));
    }
  }

  private static String caseNo(Submission s) {
    return s.businessKey() != null ? s.businessKey() : s.text("caseNo");
  }

  private static BigDecimal amount(Submission s, String name, String labelZh) {
    String v = s.text(name);
    try {
      return v == null ? null : new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest(name, "INPUT", labelZh + "须为数字", name + " must be a number");
    }
  }

  private static Integer multiple(Submission s) {
    BigDecimal m = amount(s, "fineMultiple", "罚款建议倍数");
    if (m == null) {
      return null;
    }
    if (m.stripTrailingZeros().scale() > 0) {
      throw DomainRuleException.badRequest("fineMultiple", "R-VIO-10", "罚款建议倍数须为整数（2-5 倍）",
          "fineMultiple must be a whole number");
    }
    return m.intValueExact();
  }
}
