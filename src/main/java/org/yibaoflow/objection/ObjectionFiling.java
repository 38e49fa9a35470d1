package org.yibaoflow.objection;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One filing of an objection, accepted or refused as late. */
public record ObjectionFiling(
    Long id,
    String objectionNo,
    Objection.Level level,
    String reasons,
    String evidence,
    String filedBy,
    OffsetDateTime filedAt,
    boolean accepted,
    LocalDate windowEndsOn,
    String refusalReason) {
}
