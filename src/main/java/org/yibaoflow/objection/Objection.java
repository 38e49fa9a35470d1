package org.yibaoflow.objection;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An objection case (异议) against one notified decision. */
public record Objection(
    Long id,
    String objectionNo,
    String region,
    String subjectRef,
    String decisionType,
    String decision,
    String party,
    LocalDate noticeServedOn,
    int windowWorkingDays,
    LocalDate reviewServedOn,
    Status status,
    Outcome outcome,
    String effectiveDecision,
    String outcomeReasons,
    Level decidedLevel,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** Where the case stands; a filing is accepted only while a window is open. */
  public enum Status { WINDOW_OPEN, AGENCY_REVIEW, SECOND_WINDOW_OPEN, ADMIN_REVIEW, FINAL }

  /** What became of the decision. */
  public enum Outcome { NO_OBJECTION, UPHELD, CHANGED, REVOKED }

  /** Who decides an objection: the agency first, then the administrative department (R-PERS-12). */
  public enum Level { AGENCY, ADMIN }

  /** The level a filing made now goes to, or null when no window is open. */
  public Level openLevel() {
    return switch (status) {
      case WINDOW_OPEN -> Level.AGENCY;
      case SECOND_WINDOW_OPEN -> Level.ADMIN;
      default -> null;
    };
  }

  /** The date the open window counts from: the notice of the decision, then that of the agency's review. */
  public LocalDate windowStartsAfter() {
    return status == Status.SECOND_WINDOW_OPEN ? reviewServedOn : noticeServedOn;
  }
}
