package org.yibaoflow.inspection;

import java.time.LocalDate;
import org.yibaoflow.calendar.WorkingDayCalendar;

/**
 * Due dates of the plan's inspections (R-VIO-14, working days from the calendar, R-TIME-1). The n inspections of
 * one institution and kind in a year are spread over it: round r is due on the last working day of the r-th n-th
 * of the year (2 a year: end of June and end of December), never sooner than {@link #LEAD} working days after the
 * plan's start. Product defaults, documented in docs/inspection.md.
 */
public final class PlanSchedule {

  /** Working days an inspection takes at least (the plan's inspection period; PlanProgress's at-risk check). */
  public static final int LEAD = 10;
  /** Working days a flying inspection is due after its draw (unannounced, at once). */
  public static final int FLYING_DAYS = 20;
  /** Working days the material review of a year-end 核查书 takes after its deadline. */
  public static final int REVIEW_DAYS = 5;

  private final WorkingDayCalendar calendar;

  public PlanSchedule(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Round {@code round} (1..n) of {@code n} in {@code year}, the plan starting on {@code start}. */
  public LocalDate spread(int year, int round, int n, LocalDate start) {
    LocalDate end = LocalDate.of(year, 1, 1).plusMonths(12L * round / n).minusDays(1);
    return later(lastWorkingDayOnOrBefore(end), earliest(year, start));
  }

  /** A flying inspection drawn on {@code start}. */
  public LocalDate flying(int year, LocalDate start) {
    return calendar.addWorkingDays(from(year, start), FLYING_DAYS).deadline();
  }

  /** An inspection due {@code days} working days after {@code start}. */
  public LocalDate after(LocalDate start, int days) {
    return calendar.addWorkingDays(start, days).deadline();
  }

  /** Working days from {@code from} (exclusive) to the end of {@code year}. */
  public int workingDaysLeft(int year, LocalDate from) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); d.getYear() <= year; d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  private LocalDate earliest(int year, LocalDate start) {
    return calendar.addWorkingDays(from(year, start), LEAD).deadline();
  }

  private static LocalDate from(int year, LocalDate start) {
    LocalDate jan1 = LocalDate.of(year, 1, 1);
    return start.isBefore(jan1) ? jan1 : start;
  }

  private LocalDate lastWorkingDayOnOrBefore(LocalDate d) {
    LocalDate day = d;
    while (!calendar.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? b : a;
  }
}
