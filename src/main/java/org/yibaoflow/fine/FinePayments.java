package org.yibaoflow.fine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;

/**
 * Payment of a fine in effect (R-VIO-10): the payment registered through the API goes to the waiting process,
 * which records it; when the period ends unpaid the fine shows as unpaid and the department pursues it
 * (申请强制执行) or records a late payment. Each step records once.
 */
@Service
public class FinePayments {

  static final String ENTITY = FineService.ENTITY;
  static final String RULE = FineService.RULE;
  static final String MESSAGE_PAID = "FinePaid";

  private final FineService fines;
  private final FineMapper mapper;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;

  FinePayments(FineService fines, FineMapper mapper, AuditService audit, RuntimeService runtimeService,
      EngineAsApplication engine) {
    this.fines = fines;
    this.mapper = mapper;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.engine = engine;
  }

  /** A payment registered through the API: checked, then handed to the waiting process (409 when none waits). */
  @Transactional
  public void receivePayment(String fineNo, LocalDate paidOn, BigDecimal amount, String receiptNo) {
    Fine f = fines.visible(fineNo);
    if (!Fine.EFFECTIVE.equals(f.status())) {
      throw DomainRuleException.conflict("status", RULE, "该罚款当前不在缴款期内（" + f.status() + "）",
          "The fine is not waiting for payment (" + f.status() + ")");
    }
    checkPayment(f, paidOn, amount, receiptNo);
    engine.run(() -> runtimeService.createMessageCorrelation(MESSAGE_PAID).processInstanceId(f.processInstanceId())
        .setVariable("paidOn", paidOn.toString()).setVariable("paidAmount", amount.toPlainString())
        .setVariable("receiptNo", receiptNo.trim()).correlateWithResult());
  }

  void checkPayment(Fine f, LocalDate paidOn, BigDecimal amount, String receiptNo) {
    if (paidOn == null || paidOn.isAfter(fines.today()) || f.effectiveOn() != null && paidOn.isBefore(f.effectiveOn())) {
      throw DomainRuleException.badRequest("paidOn", RULE, "缴款日期须在决定生效之后、不晚于今天",
          "paidOn must be between the decision's effect and today");
    }
    if (amount == null || f.amount() == null || amount.compareTo(f.amount()) != 0) {
      throw DomainRuleException.badRequest("paidAmount", RULE, "缴款金额须与罚款金额 "
          + (f.amount() == null ? "" : f.amount().toPlainString()) + " 元一致", "paidAmount must equal the fine");
    }
    DomainRuleException.requireText(receiptNo, "receiptNo", "缴款凭证号", "receiptNo");
  }

  /** Records the payment (the message's or the unpaid task's); once. */
  @Transactional
  public Fine recordPayment(String fineNo, LocalDate paidOn, BigDecimal amount, String receiptNo, String pi) {
    Fine f = fines.find(fineNo);
    if (f.paidOn() != null) {
      return f;
    }
    checkPayment(f, paidOn, amount, receiptNo);
    mapper.paid(fineNo, paidOn, amount, receiptNo.trim(), fines.now());
    audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "PAID", f.status(), Fine.PAID, RULE,
        "罚款 " + amount.toPlainString() + " 元已缴纳（凭证 " + receiptNo.trim() + "）", pi, "paidOn=" + paidOn));
    return mapper.find(fineNo);
  }

  /** The payment period ended without payment: the fine is unpaid (shown on the supervisor's figures). */
  @Transactional
  public Fine recordUnpaid(String fineNo, String pi) {
    Fine f = fines.find(fineNo);
    if (Fine.EFFECTIVE.equals(f.status())) {
      mapper.status(fineNo, Fine.UNPAID, fines.now());
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "UNPAID", f.status(), Fine.UNPAID, RULE,
          "缴款期限（" + f.paymentDue() + "）届满未缴纳罚款", pi, null));
    }
    return mapper.find(fineNo);
  }

  /** Unpaid after the period: the department applies for enforcement (申请强制执行), with its note. */
  @Transactional
  public Fine recordEnforcement(String fineNo, String note, String pi) {
    Fine f = fines.find(fineNo);
    DomainRuleException.requireText(note, "enforcementNote", "强制执行情况", "enforcementNote");
    if (Fine.UNPAID.equals(f.status())) {
      mapper.enforcement(fineNo, note.trim(), fines.now());
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "ENFORCEMENT", f.status(), Fine.ENFORCEMENT, RULE,
          "逾期未缴纳罚款，申请强制执行：" + note.trim(), pi, null));
    }
    return mapper.find(fineNo);
  }

  /** The unpaid task's late payment as the form submits it. */
  public void checkLatePayment(String fineNo, String paidOn, BigDecimal amount, String receiptNo) {
    LocalDate date;
    try {
      date = paidOn == null ? null : LocalDate.parse(paidOn.length() > 10 ? paidOn.substring(0, 10) : paidOn);
    } catch (DateTimeParseException e) {
      date = null;
    }
    checkPayment(fines.find(fineNo), date, amount, receiptNo);
  }
}
