package org.yibaoflow.objection;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One filing of an objection, accepted or refused as late. {@code receivedOn}: the day a paper objection was
 * received (登记异议 in Tasklist, judged by it, R-PERS-12); null for filings through /api, received when filed.
 */
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
    String refusalReason,
    LocalDate receivedOn) {
}
