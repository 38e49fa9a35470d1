package org.yibaoflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A computed deadline (R-TIME-1/2/3).
 *
 * @param from        the day of the triggering event (counting starts the day after)
 * @param deadline    the last day of the period, a date in Asia/Shanghai
 * @param expiresAt   the moment the period is over: the end of {@code deadline}, i.e. the next day
 *                    00:00 Asia/Shanghai ({@link WorkingDayCalendar#expiresAt(LocalDate)})
 * @param provisional a year consulted for the result has no holiday arrangement loaded, so it was
 *                    computed with weekends only and must be recomputed once that year is loaded (R-TIME-3)
 */
public record Deadline(LocalDate from, LocalDate deadline, Instant expiresAt, boolean provisional) {

  public Deadline {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.equals(WorkingDayCalendar.expiresAt(deadline))) {
      throw new IllegalArgumentException("expiresAt " + expiresAt + " is not the end of " + deadline
          + " in " + WorkingDayCalendar.ZONE + " (" + WorkingDayCalendar.expiresAt(deadline) + ")");
    }
  }

  /** The deadline for {@code deadline}, expiring at its end. */
  public static Deadline of(LocalDate from, LocalDate deadline, boolean provisional) {
    return new Deadline(from, deadline, WorkingDayCalendar.expiresAt(deadline), provisional);
  }
}
