package org.yibaoflow.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A deadline the {@code deadlines} bean computed for a process while a year it consulted had no
 * arrangement (R-TIME-3), and what became of it.
 *
 * @param activityId the activity the execution was at when the expression was evaluated: the user task
 *                   (due date), the intermediate timer event, or the activity a boundary timer is attached to
 * @param jobId      the timer job carrying {@code expiresAt}, once matched
 * @param taskId     the user task whose due date is {@code expiresAt}, once matched
 * @param deadline   the date the job or task carries: computed provisionally (moved along while the
 *                   result stays provisional because another year is still missing)
 * @param outcome    {@code MOVED}, {@code CONFIRMED} or {@code GONE} once resolved, else null
 * @param resolvedDeadline the deadline recomputed with the loaded arrangement
 */
record ProvisionalDeadline(Long id, String kind, LocalDate fromDate, Integer n, LocalDate deadline,
    OffsetDateTime expiresAt, String region, String processInstanceId, String activityId, String jobId,
    String taskId, OffsetDateTime computedAt, OffsetDateTime resolvedAt, String outcome,
    LocalDate resolvedDeadline) {

  static final String MOVED = "MOVED";
  static final String CONFIRMED = "CONFIRMED";
  static final String GONE = "GONE";

  PeriodKind periodKind() {
    return PeriodKind.valueOf(kind);
  }
}
