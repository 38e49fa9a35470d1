package org.yibaoflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Objects;

/**
 * The calendar functions BPMN timers and user-task due dates call, as the Spring bean {@code deadlines}
 * (the only method calls the house rules allow in expressions):
 *
 * <pre>
 * ${deadlines.workingDays(10)}                  10 working days from today (R-TIME-1)
 * ${deadlines.days(7)}                          7 days from today (R-TIME-2)
 * ${deadlines.months(3)}                        3 months from today (R-TIME-2)
 * ${deadlines.workingDays(noticeServedOn, 10)}  from the date in a variable (Date, LocalDate or "yyyy-MM-dd")
 * </pre>
 *
 * Counting starts the day after the event ("today" = the date in Asia/Shanghai). Each returns the moment
 * the period is over as a {@link Date}: the end of the deadline day, i.e. the next day 00:00 Asia/Shanghai,
 * which a timer's {@code timeDate} and a user task's {@code dueDate} both accept. A result computed with a
 * year whose arrangement is not loaded is handed to the {@link ProvisionalRecorder} (R-TIME-3), which
 * remembers it so it can be recomputed and the timer or task moved once the year is loaded.
 *
 * <p>Thin: the rules are in {@link WorkingDayCalendar}. Process tests register it with
 * {@code Mocks.register("deadlines", Deadlines.withShippedArrangements(clock))}.
 */
public class Deadlines {

  /** What happens to a deadline computed provisionally for a process (R-TIME-3). */
  @FunctionalInterface
  public interface ProvisionalRecorder {

    void record(PeriodKind kind, int n, Deadline deadline);

    ProvisionalRecorder NONE = (kind, n, deadline) -> { };
  }

  private final WorkingDayCalendar calendar;
  private final Clock clock;
  private final ProvisionalRecorder recorder;

  /** A bean that only computes: for process tests on the plain engine. */
  public Deadlines(WorkingDayCalendar calendar, Clock clock) {
    this(calendar, clock, ProvisionalRecorder.NONE);
  }

  public Deadlines(WorkingDayCalendar calendar, Clock clock, ProvisionalRecorder recorder) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
  }

  /** The bean on the shipped arrangements (2025, 2026, ...), recording nothing: for process tests. */
  public static Deadlines withShippedArrangements(Clock clock) {
    return new Deadlines(new WorkingDayCalendar(ShippedArrangements.source()), clock);
  }

  /** R-TIME-1: the end of the {@code n}-th working day after today. */
  public Date workingDays(int n) {
    return compute(PeriodKind.WORKING_DAYS, today(), n);
  }

  /** R-TIME-1: the end of the {@code n}-th working day after {@code from}. */
  public Date workingDays(Object from, int n) {
    return compute(PeriodKind.WORKING_DAYS, toDate(from), n);
  }

  /** R-TIME-2: the end of today plus {@code n} days, rolled forward to a working day. */
  public Date days(int n) {
    return compute(PeriodKind.DAYS, today(), n);
  }

  /** R-TIME-2: the end of {@code from} plus {@code n} days, rolled forward to a working day. */
  public Date days(Object from, int n) {
    return compute(PeriodKind.DAYS, toDate(from), n);
  }

  /** R-TIME-2: the end of today plus {@code n} months, rolled forward to a working day. */
  public Date months(int n) {
    return compute(PeriodKind.MONTHS, today(), n);
  }

  /** R-TIME-2: the end of {@code from} plus {@code n} months, rolled forward to a working day. */
  public Date months(Object from, int n) {
    return compute(PeriodKind.MONTHS, toDate(from), n);
  }

  /**
   * A deadline as users read it (issue 15): its last day in Beijing time with "24:00", e.g. "2026-10-08 24:00",
   * marked provisional when that year's holiday arrangement is not loaded yet (R-TIME-3). Takes what the other
   * functions return (the next day 00:00 Asia/Shanghai), a {@link LocalDate} last day, or an ISO date string.
   */
  public String label(Object deadline) {
    if (deadline == null) {
      return null;
    }
    LocalDate lastDay;
    if (deadline instanceof Date d && !(deadline instanceof java.sql.Date)) {
      ZonedDateTime end = d.toInstant().atZone(WorkingDayCalendar.ZONE);
      lastDay = end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1)
          : end.toLocalDate();
    } else {
      lastDay = toDate(deadline);
    }
    String text = lastDay + " 24:00（北京时间）";
    return calendar.hasArrangement(lastDay.getYear()) ? text
        : text + "（暂定：该年度节假日安排尚未公布，公布后按规定调整，R-TIME-3）";
  }

  private Date compute(PeriodKind kind, LocalDate from, int n) {
    Deadline deadline = kind.apply(calendar, from, n);
    if (deadline.provisional()) {
      recorder.record(kind, n, deadline);
    }
    return Date.from(deadline.expiresAt());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }

  /**
   * The event day of a process variable: a {@link Date} or {@link Instant} (its date in Asia/Shanghai), a
   * {@link LocalDate}, a zoned date-time, or an ISO {@code yyyy-MM-dd} string.
   */
  public static LocalDate toDate(Object value) {
    if (value == null) {
      throw new CalendarValidationException("from", "R-TIME-1", "期限起算日期为空（流程变量未设置？）",
          "the date the period starts from is null (process variable not set?)");
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }
    if (value instanceof Instant i) {
      return i.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }
    if (value instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
    }
    if (value instanceof OffsetDateTime o) {
      return o.atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
    }
    if (value instanceof CharSequence s) {
      try {
        return LocalDate.parse(s.toString().strip());
      } catch (DateTimeParseException e) {
        throw new CalendarValidationException("from", "R-TIME-1",
            "期限起算日期格式错误：\"" + s + "\"（应为 yyyy-MM-dd 格式的有效日期）",
            "malformed start date \"" + s + "\" (expected a valid yyyy-MM-dd date)", e);
      }
    }
    throw new CalendarValidationException("from", "R-TIME-1",
        "期限起算日期的类型不支持：" + value.getClass().getSimpleName() + "（应为日期或 yyyy-MM-dd 文本）",
        "unsupported type of start date: " + value.getClass().getName() + " (expected a date or yyyy-MM-dd)");
  }
}
