package org.yibaoflow.fine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An administrative fine (行政罚款, R-VIO-10): opened from a violation case whose decision took effect with a fine
 * proposal, decided by the administrative department within [minAmount, maxAmount] (2 to 5 times the defrauded
 * amount, 三假 fraud the maximum), notified (告知, statement and hearing), decided and served (行政处罚决定书),
 * reviewed through the objection process, then paid or not.
 */
public record Fine(Long id, String fineNo, String caseNo, String region, Long institutionId,
    BigDecimal defraudedAmount, BigDecimal proposedAmount, BigDecimal minAmount, BigDecimal maxAmount,
    Boolean sanJia, String status, BigDecimal amount, String declineReasons, LocalDate noticeServedOn,
    String statement, LocalDate decisionServedOn, LocalDate effectiveOn, LocalDate paymentDue, LocalDate paidOn,
    BigDecimal paidAmount, String receiptNo, String enforcementNote, String processInstanceId,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  public static final String DECIDING = "DECIDING";
  public static final String DECLINED = "DECLINED";
  public static final String NOTIFIED = "NOTIFIED";
  public static final String DECIDED = "DECIDED";
  public static final String REVOKED = "REVOKED";
  public static final String EFFECTIVE = "EFFECTIVE";
  public static final String PAID = "PAID";
  public static final String UNPAID = "UNPAID";
  public static final String ENFORCEMENT = "ENFORCEMENT";

  /** A fine of the list: with its institution's name. */
  public record Row(String fineNo, String caseNo, String region, String institutionName, String status,
      BigDecimal minAmount, BigDecimal maxAmount, BigDecimal amount, LocalDate paymentDue, LocalDate paidOn) {
  }
}
