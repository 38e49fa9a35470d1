package org.yibaoflow.fine.process;

import java.math.BigDecimal;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.fine.FinePayments;
import org.yibaoflow.fine.FineService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/**
 * The administrative department's forms checked before the task completes (R-VIO-10): an amount outside the range,
 * no reason for not fining, a payment that does not match: a Chinese message in the form, the task stays open.
 */
@Component
class FineFormChecks implements FormCheck {

  static final String DECISION = "fine-decision";
  static final String STATEMENT_REVIEW = "fine-statement-review";
  static final String ADJUST = "fine-adjust-amount";
  static final String UNPAID = "fine-unpaid";

  private final FineService service;
  private final FinePayments payments;

  FineFormChecks(FineService service, FinePayments payments) {
    this.service = service;
    this.payments = payments;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(DECISION, STATEMENT_REVIEW, ADJUST, UNPAID);
  }

  @Override
  public void check(Submission s) {
    String fineNo = s.businessKey();
    switch (s.formId()) {
      case DECISION -> service.checkDecision(fineNo, s.text("fineDecision"), amount(s, "fineAmount", "罚款金额"),
          s.value("declineReasons"));
      case STATEMENT_REVIEW -> service.checkReview(fineNo, s.text("statementOutcome"),
          amount(s, "fineAmount", "罚款金额"), s.value("declineReasons"));
      case ADJUST -> service.checkChangedAmount(fineNo, amount(s, "changedAmount", "变更后的罚款金额"));
      default -> {
        String outcome = s.text("unpaidOutcome");
        if ("PAID_LATE".equals(outcome)) {
          payments.checkLatePayment(fineNo, s.text("paidOn"), amount(s, "paidAmount", "缴款金额"), s.text("receiptNo"));
        } else if ("ENFORCEMENT".equals(outcome)) {
          DomainRuleException.requireText(s.text("enforcementNote"), "enforcementNote", "强制执行情况", "enforcementNote");
        } else {
          throw DomainRuleException.badRequest("unpaidOutcome", "R-VIO-10", "须选择已补缴或申请强制执行",
              "unpaidOutcome must be PAID_LATE or ENFORCEMENT");
        }
      }
    }
  }

  private static BigDecimal amount(Submission s, String name, String labelZh) {
    String v = s.text(name);
    try {
      return v == null ? null : new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest(name, "INPUT", labelZh + "须为数字", name + " must be a number");
    }
  }
}
