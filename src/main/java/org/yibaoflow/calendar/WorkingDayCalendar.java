package org.yibaoflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Chinese official working-day calendar and the legal periods built on it. Pure and thread-safe; the
 * arrangements come from an {@link ArrangementSource}.
 *
 * <ul>
 *   <li>R-TIME-1: a working day is Monday to Friday unless the year's arrangement makes it a holiday, or a
 *       Saturday/Sunday the arrangement declares working (调休). "N working days" is the N-th working day
 *       strictly after the event day.</li>
 *   <li>R-TIME-2: "N days" / "N months" end on the event day plus N days / months (months: the same
 *       day of the month, or the month's last day when it has no such day); when that day is not a
 *       working day the period ends on the first working day after it.</li>
 *   <li>R-TIME-3: a year without an arrangement counts Monday to Friday as working days; a result that
 *       consulted such a year is {@link Deadline#provisional() provisional}.</li>
 * </ul>
 *
 * A year counts as consulted when the working-day status of one of its dates was needed: every day
 * from the day after the event up to the result for working days; the end day and the days rolled over
 * for days and months (a calendar-day count does not depend on the arrangement of the days in between).
 */
public final class WorkingDayCalendar {

  /** The zone all policy dates are in. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static final int MAX_WORKING_DAYS = 1000;
  static final int MAX_DAYS = 3650;
  static final int MAX_MONTHS = 120;
  /** More consecutive days without a working day means the arrangement source is broken. */
  private static final int MAX_NON_WORKING_RUN = 366;

  private final ArrangementSource arrangements;

  public WorkingDayCalendar(ArrangementSource arrangements) {
    this.arrangements = Objects.requireNonNull(arrangements, "arrangements");
  }

  /** Whether {@code date} is a working day (R-TIME-1; weekends only when its year is not loaded, R-TIME-3). */
  public boolean isWorkingDay(LocalDate date) {
    requireDate(date, "date", "R-TIME-1");
    return new Lookup().isWorkingDay(date);
  }

  /** Whether an arrangement is loaded for {@code year}; results touching a year without one are provisional. */
  public boolean hasArrangement(int year) {
    return arrangementFor(year).isPresent();
  }

  /** R-TIME-1: the {@code n}-th working day strictly after {@code from}. */
  public Deadline addWorkingDays(LocalDate from, int n) {
    requireDate(from, "from", "R-TIME-1");
    requireRange(n, MAX_WORKING_DAYS, "R-TIME-1", "工作日", "working days");
    Lookup lookup = new Lookup();
    LocalDate day = from;
    int counted = 0;
    int run = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (lookup.isWorkingDay(day)) {
        counted++;
        run = 0;
      } else {
        checkRun(++run, day);
      }
    }
    return Deadline.of(from, day, lookup.provisional);
  }

  /** R-TIME-2: {@code from} plus {@code n} calendar days, rolled forward to a working day. */
  public Deadline addDays(LocalDate from, int n) {
    requireDate(from, "from", "R-TIME-2");
    requireRange(n, MAX_DAYS, "R-TIME-2", "天", "days");
    return rolledForward(from, from.plusDays(n));
  }

  /**
   * R-TIME-2: {@code from} plus {@code n} months (the same day of the month, or the last day of the month
   * when it has no such day: 01-31 + 1 month = 02-28/29), rolled forward to a working day.
   */
  public Deadline addMonths(LocalDate from, int n) {
    requireDate(from, "from", "R-TIME-2");
    requireRange(n, MAX_MONTHS, "R-TIME-2", "个月", "months");
    return rolledForward(from, from.plusMonths(n));
  }

  /**
   * The moment a period ending on {@code deadline} is over: the end of that day in Asia/Shanghai, i.e. the
   * start (00:00) of the next day. The one definition used for every deadline.
   */
  public static Instant expiresAt(LocalDate deadline) {
    Objects.requireNonNull(deadline, "deadline");
    return deadline.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  private Deadline rolledForward(LocalDate from, LocalDate end) {
    Lookup lookup = new Lookup();
    LocalDate day = end;
    int run = 0;
    while (!lookup.isWorkingDay(day)) {
      checkRun(++run, day);
      day = day.plusDays(1);
    }
    return Deadline.of(from, day, lookup.provisional);
  }

  private Optional<HolidayArrangement> arrangementFor(int year) {
    Optional<HolidayArrangement> found = arrangements.forYear(year);
    if (found == null) {
      return Optional.empty();
    }
    found.ifPresent(a -> {
      if (a.year() != year) {
        throw new IllegalStateException("arrangement source returned the year " + a.year() + " for " + year);
      }
    });
    return found;
  }

  private static void checkRun(int run, LocalDate day) {
    if (run > MAX_NON_WORKING_RUN) {
      throw new IllegalStateException("no working day in the " + MAX_NON_WORKING_RUN + " days up to " + day
          + ": the holiday arrangements are wrong");
    }
  }

  private static void requireDate(LocalDate date, String field, String rule) {
    if (date == null) {
      throw new CalendarValidationException(field, rule, "日期不能为空", field + " is required");
    }
  }

  private static void requireRange(int n, int max, String rule, String unitZh, String unitEn) {
    if (n < 1 || n > max) {
      throw new CalendarValidationException("n", rule,
          "期限必须在 1 至 " + max + " " + unitZh + "之间，实际为 " + n,
          "the period must be 1 to " + max + " " + unitEn + ", got " + n);
    }
  }

  /** One computation: caches each year's arrangement and remembers whether a consulted year was missing. */
  private final class Lookup {

    private final Map<Integer, Optional<HolidayArrangement>> byYear = new HashMap<>();
    private boolean provisional;

    boolean isWorkingDay(LocalDate date) {
      Optional<HolidayArrangement> arrangement = byYear.computeIfAbsent(date.getYear(),
          WorkingDayCalendar.this::arrangementFor);
      if (arrangement.isEmpty()) {
        provisional = true; // R-TIME-3
        return !HolidayArrangement.isWeekend(date);
      }
      HolidayArrangement a = arrangement.get();
      if (a.isHoliday(date)) {
        return false;
      }
      return a.isDeclaredWorkingDay(date) || !HolidayArrangement.isWeekend(date);
    }
  }
}
