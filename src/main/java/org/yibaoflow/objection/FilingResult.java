package org.yibaoflow.objection;

import java.time.Instant;
import java.time.LocalDate;

/** The answer to a filing: accepted, or refused because no window was open at the moment it arrived. */
public record FilingResult(String objectionNo, boolean accepted, Objection.Level level, LocalDate windowEndsOn,
    Instant windowExpiresAt, ObjectionFiling filing) {
}
