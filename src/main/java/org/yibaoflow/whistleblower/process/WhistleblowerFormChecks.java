package org.yibaoflow.whistleblower.process;

import java.math.BigDecimal;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.whistleblower.ReportHandling;
import org.yibaoflow.whistleblower.ReportIntake;

/**
 * The report's forms checked before the process moves (issue 15): the intake start form, triage and verification
 * (R-VIO-1: reasons from the list, the case to open or join), the supervisor's approval and the payment (R-VIO-15).
 * A mistake is a message in the form, never an incident.
 */
@Component
class WhistleblowerFormChecks implements FormCheck {

  static final String INTAKE = "whistleblower-intake";
  static final String TRIAGE = "whistleblower-triage";
  static final String VERIFICATION = "whistleblower-verification";
  static final String APPROVAL = "whistleblower-reward-approval";
  static final String PAYMENT = "whistleblower-reward-payment";

  private final ReportIntake intake;
  private final ReportHandling handling;

  WhistleblowerFormChecks(ReportIntake intake, ReportHandling handling) {
    this.intake = intake;
    this.handling = handling;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(INTAKE, TRIAGE, VERIFICATION, APPROVAL, PAYMENT);
  }

  @Override
  public void check(Submission s) {
    switch (s.formId()) {
      case INTAKE -> intake.checkStart(s.text("reportChannel"), s.text("institutionName"), s.text("reportContent"));
      case TRIAGE -> {
        String d = choice(s, "triageDecision", Set.of("ACCEPT", "REJECT"), "请选择受理审查结论");
        if ("REJECT".equals(d)) {
          handling.checkReasons(s.value("closeReasons"), "closeReasons");
        }
      }
      case VERIFICATION -> {
        String o = choice(s, "verificationOutcome", Set.of("FOUNDED", "UNFOUNDED"), "请选择核查结论");
        handling.checkVerification(s.businessKey(), "FOUNDED".equals(o), s.text("joinCaseNo"),
            s.text("institutionCode"), s.value("suspectedViolations"), amount(s), s.value("closeReasons"),
            s.text("verificationNote"));
      }
      case APPROVAL -> {
        String d = choice(s, "rewardApproval", Set.of("APPROVE", "REJECT"), "请选择审批意见");
        if ("REJECT".equals(d)) {
          ReportIntake.text(s.text("approvalComment"), "approvalComment", "不予奖励的理由", 2000);
        }
      }
      default -> handling.checkPayment(s.businessKey(), s.value("paidOn"), s.text("paymentRef"));
    }
  }

  private static String choice(Submission s, String field, Set<String> allowed, String zh) {
    String v = s.text(field);
    if (v == null || !allowed.contains(v)) {
      throw DomainRuleException.badRequest(field, "INPUT", zh, field + " must be one of " + allowed);
    }
    return v;
  }

  private static BigDecimal amount(Submission s) {
    String v = s.text("suspectedAmount");
    try {
      return v == null ? null : new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest("suspectedAmount", "INPUT", "涉嫌违规金额须为数字",
          "suspectedAmount must be a number");
    }
  }
}
