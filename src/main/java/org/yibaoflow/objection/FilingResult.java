package org.yibaoflow.objection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The answer to a filing: accepted, or refused; {@code late} when it arrived after the window's end (the filing
 * time against the end, Asia/Shanghai), otherwise a refusal means no window was open (the objection under review).
 */
public record FilingResult(String objectionNo, boolean accepted, boolean late, Objection.Level level, LocalDate windowEndsOn,
    Instant windowExpiresAt, ObjectionFiling filing) {
}
