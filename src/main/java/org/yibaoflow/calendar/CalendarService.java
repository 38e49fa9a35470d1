package org.yibaoflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** Answers questions about the calendar: a deadline, a year's arrangement (R-TIME-1..3). */
@Service
class CalendarService {

  record Day(LocalDate date, DayOfWeek dayOfWeek, String festival) {
  }

  /**
   * A year as loaded: {@code loaded == false} means weekends only and every deadline touching it is
   * provisional (R-TIME-3).
   */
  record Year(int year, boolean loaded, boolean provisional, String origin, String source, Long version,
      String loadedBy, String loadedAt, List<Day> holidays, List<Day> workingWeekendDays) {
  }

  private final WorkingDayCalendar calendar;
  private final CalendarStore store;
  private final CalendarMapper mapper;

  CalendarService(WorkingDayCalendar calendar, CalendarStore store, CalendarMapper mapper) {
    this.calendar = calendar;
    this.store = store;
    this.mapper = mapper;
  }

  Deadline deadline(PeriodKind kind, LocalDate from, int n) {
    return kind.apply(calendar, from, n);
  }

  Year year(int year) {
    requireYear(year);
    CalendarMapper.YearRow row = mapper.findYear(year);
    return store.forYear(year)
        .map(a -> new Year(year, true, false, row == null ? null : row.origin(), a.source(),
            row == null ? null : row.version(), row == null ? null : row.loadedBy(),
            row == null ? null : row.loadedAt().toInstant().toString(), days(a.holidays()),
            days(a.workingWeekendDays())))
        .orElseGet(() -> new Year(year, false, true, null, null, null, null, null, List.of(), List.of()));
  }

  private List<Day> days(java.util.Set<LocalDate> dates) {
    return dates.stream().map(d -> new Day(d, d.getDayOfWeek(), store.festival(d).orElse(null))).toList();
  }

  static void requireYear(int year) {
    if (year < HolidayArrangement.MIN_YEAR || year > HolidayArrangement.MAX_YEAR) {
      throw new CalendarValidationException("year", HolidayArrangement.RULE,
          "年份不合理：" + year + "（应在 " + HolidayArrangement.MIN_YEAR + " 至 " + HolidayArrangement.MAX_YEAR
              + " 之间）",
          "implausible year " + year + " (expected " + HolidayArrangement.MIN_YEAR + " to "
              + HolidayArrangement.MAX_YEAR + ")");
    }
  }
}
