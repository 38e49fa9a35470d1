package org.yibaoflow.insured;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A suspension of an insured person's direct settlement (暂停医保直接结算, R-VIO-12 [000 §二(四)]): proposed from a
 * violation case that found the person took part in fraud, for the region's range of months, approved, notified,
 * through the objection process; in effect from {@code effectiveOn} to {@code suspendedUntil} (last day), then ended
 * by the process's timer. ENDED keeps its dates: a past day of the period still answers "suspended".
 */
public record InsuredSuspension(Long id, String suspensionNo, String region, Long insuredId, String caseNo,
    Integer months, String reasons, String status, LocalDate noticeServedOn, LocalDate effectiveOn,
    LocalDate suspendedUntil, String objectionNo, String processInstanceId, String createdBy,
    OffsetDateTime createdAt) {

  public static final String PROPOSED = "PROPOSED";
  public static final String REJECTED = "REJECTED";
  public static final String NOTIFIED = "NOTIFIED";
  public static final String REVOKED = "REVOKED";
  public static final String SUSPENDED = "SUSPENDED";
  public static final String ENDED = "ENDED";

  /** Whether the suspension covers a day: direct settlement is refused that day (R-VIO-12). */
  public boolean covers(LocalDate date) {
    return (SUSPENDED.equals(status) || ENDED.equals(status)) && effectiveOn != null && suspendedUntil != null
        && !date.isBefore(effectiveOn) && !date.isAfter(suspendedUntil);
  }
}
