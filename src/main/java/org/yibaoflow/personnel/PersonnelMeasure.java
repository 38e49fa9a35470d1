package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One measure case of the personnel-scoring process (R-PERS-6..8): the band a deduction reached, its
 * measure, and what became of it. {@code suspendedUntil} is the last day of a suspension; {@code endedOn}
 * the day a suspension ended early (replaced by a higher band, R-PERS-7).
 */
public record PersonnelMeasure(Long id, String caseNo, String region, Long personId, Long inspectionId,
    String ruleSet, Integer pointsYear, Integer total, String band, String measure, Boolean singleIncident,
    String status, Integer months, LocalDate noticeServedOn, LocalDate effectiveOn, LocalDate suspendedUntil,
    LocalDate endedOn, LocalDate barUntil, String replacedBy, String objectionNo, String interviewNote,
    String processInstanceId, OffsetDateTime createdAt) {

  public static final String DECIDED = "DECIDED";
  public static final String NOTIFIED = "NOTIFIED";
  public static final String INTERVIEWED = "INTERVIEWED";
  public static final String REVOKED = "REVOKED";
  public static final String NO_MEASURE = "NO_MEASURE";
  public static final String SUSPENDED = "SUSPENDED";
  public static final String RESTORED = "RESTORED";
  public static final String REPLACED = "REPLACED";
  public static final String TERMINATED = "TERMINATED";

  /** The measure of a failed yearly test (R-PERS-2); not a band of the points. */
  public static final String FAILED_TEST = "FAILED_TEST";

  public boolean isSuspension() {
    return measure != null && measure.startsWith("SUSPEND");
  }
}
