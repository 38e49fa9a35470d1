package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The person's own agreement at one practice site (a multi-site physician signs one per site,
 * [004 §三(二)]). SUSPENDED may carry an end date, TERMINATED a re-sign bar (R-PERS-8); both may be null
 * when the state follows the institution's agreement ({@code followsInstitution}, R-PERS-11).
 */
public record PersonAgreement(Long id, Long personId, Long institutionId, String institutionName, String region,
    String state, LocalDate validFrom, LocalDate validUntil, LocalDate suspendedUntil, LocalDate barUntil,
    Boolean followsInstitution, OffsetDateTime stateSince, Long version, LocalDate cancelledOn) {

  public static final String ACTIVE = "ACTIVE";
  public static final String SUSPENDED = "SUSPENDED";
  public static final String TERMINATED = "TERMINATED";

  /**
   * R-PERS-1: the agreement renews by itself at the end of each term unless a cancellation is recorded or it is
   * terminated (the person's own termination, or following the institution's, R-PERS-11).
   */
  public boolean renews() {
    return cancelledOn == null && !TERMINATED.equals(state);
  }

  /** Whether a date falls in the agreement's term or in a term it renews into by itself (R-PERS-1). */
  public boolean covers(LocalDate date) {
    return !date.isBefore(validFrom) && (!date.isAfter(validUntil) || renews());
  }

  /**
   * The end of the term a renewal starting after {@code validUntil} reaches so that {@code today} is covered:
   * whole terms of {@code years}, each ending the day before the next starts (R-PERS-1).
   */
  public static LocalDate renewedUntil(LocalDate validUntil, int years, LocalDate today) {
    LocalDate until = validUntil;
    while (until.isBefore(today)) {
      until = until.plusDays(1).plusYears(years).minusDays(1);
    }
    return until;
  }

  /** The last day of a term of {@code years} starting on {@code from}: 2026-01-01 + 2 years = 2027-12-31. */
  public static LocalDate termEnd(LocalDate from, int years) {
    return from.plusYears(years).minusDays(1);
  }
}
