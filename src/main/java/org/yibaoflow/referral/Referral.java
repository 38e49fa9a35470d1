package org.yibaoflow.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A transfer (移送) of a case to another authority (R-VIO-11). */
public record Referral(
    Long id,
    String referralNo,
    String region,
    Kind kind,
    String subjectRef,
    String caseSummary,
    Status status,
    String receivingBody,
    LocalDate transferredOn,
    String letterNo,
    int reminderCount,
    String lastReminderKey,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** Where a case goes: suspected crime, public officials, other regulators' remit (R-VIO-11). */
  /** HEALTH: a physician's settlement-qualification stop reported to the health department (R-VIO-12). */
  public enum Kind { JUDICIAL, DISCIPLINE, REGULATOR, HEALTH }

  public enum Status { PREPARING, TRANSFERRED, ACCEPTED, DECLINED, CLOSED }

  /** What the receiving body answers: accepted / case filed, declined, the result. */
  public enum FeedbackType { ACCEPTED, DECLINED, RESULT }
}
