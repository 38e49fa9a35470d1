package org.yibaoflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year's holiday arrangement of the State Council (国务院办公厅关于部分节假日安排的通知), R-TIME-1:
 * the days off ({@code holidays}, weekends inside a holiday block included) and the Saturdays/Sundays
 * declared working days (调休上班). Every other day is a working day Monday to Friday and a rest day on
 * weekends.
 *
 * <p>Always valid: the constructor refuses a date outside {@code year}, a date that is both a holiday and a
 * declared working day, and a declared working day that is not a Saturday or Sunday; {@link #of} also
 * refuses a date listed twice in one list. The sets are sorted and unmodifiable.
 *
 * @param year               the calendar year the arrangement is for
 * @param holidays           days off (放假)
 * @param workingWeekendDays Saturdays/Sundays declared working days (调休上班)
 * @param source             the notice the dates come from, or {@code null}
 */
public record HolidayArrangement(int year, Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays,
    String source) {

  static final String RULE = "R-TIME-1";
  static final int MIN_YEAR = 1999;
  static final int MAX_YEAR = 9999;

  public HolidayArrangement {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new CalendarValidationException("year", RULE,
          "年份不合理：" + year + "（应在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间）",
          "implausible year " + year + " (expected " + MIN_YEAR + " to " + MAX_YEAR + ")");
    }
    holidays = sortedCopy(year, holidays, "holidays");
    workingWeekendDays = sortedCopy(year, workingWeekendDays, "workingWeekendDays");
    for (LocalDate day : workingWeekendDays) {
      if (holidays.contains(day)) {
        throw new CalendarValidationException("workingWeekendDays", RULE,
            "日期 " + day + " 同时列为放假日和调休上班日",
            "date " + day + " is listed both as a holiday and as a declared working day");
      }
      if (!isWeekend(day)) {
        throw new CalendarValidationException("workingWeekendDays", RULE,
            "调休上班日 " + day + " 不是周六或周日（" + day.getDayOfWeek() + "）",
            "declared working day " + day + " is not a Saturday or Sunday but a " + day.getDayOfWeek());
      }
    }
    source = source == null || source.isBlank() ? null : source.strip();
  }

  /**
   * Builds an arrangement from lists as a person wrote them: refuses a date listed twice in one list
   * (a list typed twice is a sign of a copying mistake), then everything the constructor refuses.
   */
  public static HolidayArrangement of(int year, Collection<LocalDate> holidays,
      Collection<LocalDate> workingWeekendDays, String source) {
    refuseDuplicates(holidays, "holidays");
    refuseDuplicates(workingWeekendDays, "workingWeekendDays");
    return new HolidayArrangement(year, holidays == null ? Set.of() : new HashSet<>(holidays),
        workingWeekendDays == null ? Set.of() : new HashSet<>(workingWeekendDays), source);
  }

  /** A day off by this arrangement. */
  public boolean isHoliday(LocalDate date) {
    return holidays.contains(date);
  }

  /** A Saturday/Sunday this arrangement declares a working day. */
  public boolean isDeclaredWorkingDay(LocalDate date) {
    return workingWeekendDays.contains(date);
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }

  private static void refuseDuplicates(Collection<LocalDate> days, String field) {
    if (days == null) {
      return;
    }
    Set<LocalDate> seen = new HashSet<>();
    for (LocalDate day : days) {
      if (day != null && !seen.add(day)) {
        throw new CalendarValidationException(field, RULE, "日期 " + day + " 重复列出",
            "date " + day + " is listed twice in " + field);
      }
    }
  }

  private static SortedSet<LocalDate> sortedCopy(int year, Collection<LocalDate> days, String field) {
    TreeSet<LocalDate> copy = new TreeSet<>();
    if (days != null) {
      for (LocalDate day : days) {
        if (day == null) {
          throw new CalendarValidationException(field, RULE, "日期不能为空", "a date in " + field + " is null");
        }
        if (day.getYear() != year) {
          throw new CalendarValidationException(field, RULE,
              "日期 " + day + " 不在 " + year + " 年内",
              "date " + day + " is outside the year " + year);
        }
        copy.add(day);
      }
    }
    return Collections.unmodifiableSortedSet(copy);
  }
}
