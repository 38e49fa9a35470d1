package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A stop of a person's settlement qualification (停止医保结算资格, R-VIO-12 [000 §二(四)]): proposed from a violation
 * case that found the person took part in fraud, for 1 to the region's maximum years, approved, notified, through the
 * objection process; in effect from {@code effectiveOn} to {@code stoppedUntil} (last day), the fund does not pay.
 */
public record QualificationStop(Long id, String stopNo, String region, Long personId, String caseNo, Integer years,
    String reasons, String status, LocalDate noticeServedOn, LocalDate effectiveOn, LocalDate stoppedUntil,
    String objectionNo, String processInstanceId, String createdBy, OffsetDateTime createdAt) {

  public static final String PROPOSED = "PROPOSED";
  public static final String REJECTED = "REJECTED";
  public static final String NOTIFIED = "NOTIFIED";
  public static final String REVOKED = "REVOKED";
  public static final String STOPPED = "STOPPED";

  /** Whether the stop covers a day (R-VIO-12: the fund pays nothing of the person's services that day). */
  public boolean covers(LocalDate date) {
    return STOPPED.equals(status) && effectiveOn != null && stoppedUntil != null && !date.isBefore(effectiveOn)
        && !date.isAfter(stoppedUntil);
  }
}
