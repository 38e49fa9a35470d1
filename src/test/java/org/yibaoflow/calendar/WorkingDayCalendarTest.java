package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calendar against the shipped 2025 and 2026 arrangements; 2024, 2027 and 2028 are not loaded.
 * Expected values were counted by hand on a printed calendar; the reasoning of tricky rows is beside them.
 *
 * <p>2025: off Jan 1; Jan 28-Feb 4; Apr 4-6; May 1-5; May 31-Jun 2; Oct 1-8.
 * Working weekend days Jan 26 (Sun), Feb 8 (Sat), Apr 27 (Sun), Sep 28 (Sun), Oct 11 (Sat).
 * <br>2026: off Jan 1-3; Feb 15-23; Apr 4-6; May 1-5; Jun 19-21; Sep 25-27; Oct 1-7.
 * Working weekend days Jan 4 (Sun), Feb 14 (Sat), Feb 28 (Sat), May 9 (Sat), Sep 20 (Sun), Oct 10 (Sat).
 */
class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = new WorkingDayCalendar(ShippedArrangements.source());

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  // ---------------------------------------------------------------- isWorkingDay (R-TIME-1, R-TIME-3)

  @ParameterizedTest(name = "{0} working={1}")
  @CsvSource(textBlock = """
      # 2025 New Year; 2024 is not loaded: Tue 2024-12-31 is a plain weekday (R-TIME-3)
      2024-12-31, true
      2025-01-01, false
      2025-01-02, true
      # 2025 Spring Festival Jan 28 - Feb 4, make-up Sun Jan 26 and Sat Feb 8
      2025-01-25, false
      2025-01-26, true
      2025-01-27, true
      2025-01-28, false
      2025-02-01, false
      2025-02-03, false
      2025-02-04, false
      2025-02-05, true
      2025-02-07, true
      2025-02-08, true
      2025-02-09, false
      # 2025 Qingming Apr 4-6 (Fri-Sun)
      2025-04-03, true
      2025-04-04, false
      2025-04-06, false
      2025-04-07, true
      # 2025 Labour Day May 1-5, make-up Sun Apr 27
      2025-04-26, false
      2025-04-27, true
      2025-04-30, true
      2025-05-01, false
      2025-05-05, false
      2025-05-06, true
      # 2025 Dragon Boat May 31 - Jun 2 (Sat-Mon)
      2025-05-30, true
      2025-05-31, false
      2025-06-02, false
      2025-06-03, true
      # 2025 National Day / Mid-Autumn Oct 1-8, make-up Sun Sep 28 and Sat Oct 11
      2025-09-27, false
      2025-09-28, true
      2025-09-30, true
      2025-10-01, false
      2025-10-08, false
      2025-10-09, true
      2025-10-10, true
      2025-10-11, true
      2025-10-12, false
      # plain weekend and weekday
      2025-03-08, false
      2025-03-10, true
      # 2026 New Year Jan 1-3, make-up Sun Jan 4
      2025-12-31, true
      2026-01-01, false
      2026-01-03, false
      2026-01-04, true
      2026-01-05, true
      # 2026 Spring Festival Feb 15-23, make-up Sat Feb 14 and Sat Feb 28
      2026-02-13, true
      2026-02-14, true
      2026-02-15, false
      2026-02-23, false
      2026-02-24, true
      2026-02-27, true
      2026-02-28, true
      2026-03-01, false
      # 2026 Qingming Apr 4-6 (Sat-Mon)
      2026-04-03, true
      2026-04-04, false
      2026-04-06, false
      2026-04-07, true
      # 2026 Labour Day May 1-5, make-up Sat May 9
      2026-04-30, true
      2026-05-01, false
      2026-05-05, false
      2026-05-06, true
      2026-05-08, true
      2026-05-09, true
      2026-05-10, false
      # 2026 Dragon Boat Jun 19-21 (Fri-Sun)
      2026-06-18, true
      2026-06-19, false
      2026-06-21, false
      2026-06-22, true
      # 2026 Mid-Autumn Sep 25-27 (Fri-Sun); make-up Sun Sep 20 (for National Day)
      2026-09-19, false
      2026-09-20, true
      2026-09-21, true
      2026-09-24, true
      2026-09-25, false
      2026-09-27, false
      2026-09-28, true
      # 2026 National Day Oct 1-7, make-up Sat Oct 10
      2026-09-30, true
      2026-10-01, false
      2026-10-07, false
      2026-10-08, true
      2026-10-09, true
      2026-10-10, true
      2026-10-11, false
      # 2027 not loaded: weekends only (R-TIME-3), so Fri Jan 1 counts as working until 2027 is loaded
      2026-12-31, true
      2027-01-01, true
      2027-01-02, false
      2027-01-04, true
      # 2028 leap day, a Tuesday, not loaded
      2028-02-29, true
      """)
  void is_working_day(LocalDate date, boolean working) {
    assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  void each_shipped_year_has_248_working_days() {
    // 365 days - 104 weekend days - 13 statutory holidays = 248 in both years; the make-up days give back
    // exactly the weekdays taken by the longer blocks. An independent check of the whole year.
    for (int year : new int[] {2025, 2026}) {
      long working = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
          .filter(calendar::isWorkingDay).count();
      assertThat(working).as("working days in %d", year).isEqualTo(248);
    }
  }

  @Test
  void knows_which_years_are_loaded() {
    assertThat(calendar.hasArrangement(2025)).isTrue();
    assertThat(calendar.hasArrangement(2026)).isTrue();
    assertThat(calendar.hasArrangement(2027)).isFalse();
  }

  // ---------------------------------------------------------------- N working days (R-TIME-1)

  @ParameterizedTest(name = "{0} + {1} working days = {2} provisional={3}")
  @CsvSource(textBlock = """
      # 2024-12-31 is in an unloaded year but is the event day, not counted: Jan 1 off, Jan 2 is day 1
      2024-12-31,  1, 2025-01-02, false
      # counting from Mon 2024-12-30: day 1 is Tue 2024-12-31, in unloaded 2024 (R-TIME-3)
      2024-12-30,  1, 2024-12-31, true
      # Fri Jan 24: Sat 25 rest, Sun 26 make-up = 1; Mon 27 = 2; Jan 28-Feb 4 off, Wed Feb 5 = 3
      2025-01-24,  1, 2025-01-26, false
      2025-01-24,  2, 2025-01-27, false
      2025-01-24,  3, 2025-02-05, false
      2025-01-27,  1, 2025-02-05, false
      # Feb 5, 6, 7, Sat Feb 8 (make-up) = 4; Sun Feb 9 rest, Mon Feb 10 = 5
      2025-01-27,  4, 2025-02-08, false
      2025-01-27,  5, 2025-02-10, false
      # event inside the block: counting waits for the block to end
      2025-01-28,  1, 2025-02-05, false
      # Jan 21-24 = 4, Sun 26 = 5, Mon 27 = 6, Feb 5-7 = 9, Sat Feb 8 = 10
      2025-01-20, 10, 2025-02-08, false
      2025-04-03,  1, 2025-04-07, false
      2025-04-02,  2, 2025-04-07, false
      # Fri Apr 25: Sun Apr 27 make-up = 1, Apr 28-30 = 4, May 1-5 off, May 6 = 5
      2025-04-25,  1, 2025-04-27, false
      2025-04-25,  4, 2025-04-30, false
      2025-04-25,  5, 2025-05-06, false
      2025-04-30,  1, 2025-05-06, false
      2025-05-30,  1, 2025-06-03, false
      # Fri Sep 26: Sun 28 make-up = 1, 29, 30 = 3; Oct 1-8 off; Oct 9 = 4, 10 = 5, Sat 11 make-up = 6, Mon 13 = 7
      2025-09-26,  1, 2025-09-28, false
      2025-09-26,  3, 2025-09-30, false
      2025-09-26,  4, 2025-10-09, false
      2025-09-26,  6, 2025-10-11, false
      2025-09-26,  7, 2025-10-13, false
      2025-09-26, 10, 2025-10-16, false
      # R-PERS-12 objection, notice served Tue Sep 30: Oct 9, 10, 11, 13, 14, 15, 16, 17, 20, 21
      2025-09-30, 10, 2025-10-21, false
      # year end: Jan 1-3 2026 off, Sun Jan 4 make-up is day 1
      2025-12-31,  1, 2026-01-04, false
      2025-12-31,  2, 2026-01-05, false
      2025-12-30,  1, 2025-12-31, false
      2025-12-30,  2, 2026-01-04, false
      # Dec 29, 30, 31 = 3, Sun Jan 4 = 4, Mon Jan 5 = 5
      2025-12-26,  5, 2026-01-05, false
      # Thu Feb 12 2026: Fri 13 = 1, Sat 14 make-up = 2, Feb 15-23 off, Tue 24 = 3
      2026-02-12,  1, 2026-02-13, false
      2026-02-12,  2, 2026-02-14, false
      2026-02-12,  3, 2026-02-24, false
      2026-02-14,  1, 2026-02-24, false
      # Feb 25, 26, 27, Sat 28 make-up = 4; Sun Mar 1 rest; Mon Mar 2 = 5
      2026-02-24,  4, 2026-02-28, false
      2026-02-24,  5, 2026-03-02, false
      # Sat 14 = 1, Feb 24-28 = 6, Mar 2-5 = 10
      2026-02-13, 10, 2026-03-05, false
      2026-04-03,  1, 2026-04-07, false
      # Thu Apr 30: May 1-5 off; May 6, 7, 8, Sat 9 make-up = 4; Sun 10 rest; Mon 11 = 5
      2026-04-30,  1, 2026-05-06, false
      2026-04-30,  4, 2026-05-09, false
      2026-04-30,  5, 2026-05-11, false
      2026-06-18,  1, 2026-06-22, false
      # Fri Sep 18: Sun 20 make-up = 1, 21-24 = 5, Sep 25-27 off, Mon 28 = 6, 29, 30 = 8,
      # Oct 1-7 off, Oct 8 = 9, 9 = 10, Sat 10 make-up = 11, Sun 11 rest, Mon 12 = 12
      2026-09-18,  1, 2026-09-20, false
      2026-09-18,  5, 2026-09-24, false
      2026-09-18,  6, 2026-09-28, false
      2026-09-18,  8, 2026-09-30, false
      2026-09-18,  9, 2026-10-08, false
      2026-09-18, 11, 2026-10-10, false
      2026-09-18, 12, 2026-10-12, false
      # into unloaded 2027 (R-TIME-3): Dec 29-31 = 3, Fri Jan 1 2027 = 4 (weekends only!), Jan 4-8 = 9, Mon 11 = 10
      2026-12-28, 10, 2027-01-11, true
      # staying within 2026 is not provisional
      2026-12-28,  3, 2026-12-31, false
      2026-12-10, 10, 2026-12-24, false
      # wholly in unloaded years
      2027-03-05,  1, 2027-03-08, true
      2028-02-25,  2, 2028-02-29, true
      """)
  void add_working_days(LocalDate from, int n, LocalDate expected, boolean provisional) {
    Deadline deadline = calendar.addWorkingDays(from, n);

    assertThat(deadline.from()).isEqualTo(from);
    assertThat(deadline.deadline()).isEqualTo(expected);
    assertThat(deadline.provisional()).isEqualTo(provisional);
    assertThat(deadline.expiresAt()).isEqualTo(WorkingDayCalendar.expiresAt(expected));
  }

  @Test
  void working_days_count_only_working_days_after_the_event() {
    // cross-check of the table's definition over two whole years: n working days after `from` leave
    // exactly n working days in (from, deadline] and the deadline itself is a working day
    for (LocalDate from = d("2025-01-01"); from.isBefore(d("2026-12-01")); from = from.plusDays(1)) {
      LocalDate start = from;
      Deadline deadline = calendar.addWorkingDays(from, 10);
      long counted = start.plusDays(1).datesUntil(deadline.deadline().plusDays(1))
          .filter(calendar::isWorkingDay).count();
      assertThat(counted).as("from %s", start).isEqualTo(10);
      assertThat(calendar.isWorkingDay(deadline.deadline())).isTrue();
    }
  }

  // ---------------------------------------------------------------- N days (R-TIME-2)

  @ParameterizedTest(name = "{0} + {1} days = {2} provisional={3}")
  @CsvSource(textBlock = """
      # Dec 25 2024 + 7 = Jan 1 2025, off: rolls to Thu Jan 2. Only 2025 was consulted (the end day and the
      # roll), the calendar-day count does not depend on unloaded 2024, so not provisional
      2024-12-25, 7, 2025-01-02, false
      # lands inside the 2025 Spring block (Jan 28 - Feb 4): rolls to Wed Feb 5
      2025-01-21, 7, 2025-02-05, false
      2025-01-22, 7, 2025-02-05, false
      2025-01-28, 7, 2025-02-05, false
      # lands on a make-up weekend day, which IS a working day: no roll
      2025-01-19, 7, 2025-01-26, false
      2025-02-01, 7, 2025-02-08, false
      # Qingming Apr 4-6: rolls to Mon Apr 7
      2025-03-28, 7, 2025-04-07, false
      2025-03-29, 7, 2025-04-07, false
      # Labour Day: Sun Apr 27 make-up, no roll; May 3 off, rolls to Tue May 6
      2025-04-20, 7, 2025-04-27, false
      2025-04-26, 7, 2025-05-06, false
      # Dragon Boat May 31 - Jun 2: rolls to Tue Jun 3
      2025-05-24, 7, 2025-06-03, false
      2025-05-25, 7, 2025-06-03, false
      # National Day: Sun Sep 28 make-up; Oct 1 and Oct 8 off -> Thu Oct 9; Sat Oct 11 make-up
      2025-09-21, 7, 2025-09-28, false
      2025-09-24, 7, 2025-10-09, false
      2025-10-01, 7, 2025-10-09, false
      2025-10-04, 7, 2025-10-11, false
      # plain weekend: Sat Mar 8 rolls over Sun Mar 9 to Mon Mar 10
      2025-03-01, 7, 2025-03-10, false
      # year end: Dec 31 2025 a Wednesday, no roll; Jan 1-3 2026 off -> Sun Jan 4 make-up
      2025-12-24, 7, 2025-12-31, false
      2025-12-25, 7, 2026-01-04, false
      2025-12-27, 7, 2026-01-04, false
      2025-12-28, 7, 2026-01-04, false
      # 2026 Spring: Sat Feb 14 make-up; Feb 15 / Feb 23 off -> Tue Feb 24; Sat Feb 28 make-up; Sun Mar 1 -> Mon Mar 2
      2026-02-07, 7, 2026-02-14, false
      2026-02-08, 7, 2026-02-24, false
      2026-02-16, 7, 2026-02-24, false
      2026-02-21, 7, 2026-02-28, false
      2026-02-22, 7, 2026-03-02, false
      # 2026 Qingming Apr 4-6 (Sat-Mon) -> Tue Apr 7
      2026-03-28, 7, 2026-04-07, false
      2026-03-30, 7, 2026-04-07, false
      # 2026 Labour Day May 1-5 -> Wed May 6; Sat May 9 make-up
      2026-04-24, 7, 2026-05-06, false
      2026-05-02, 7, 2026-05-09, false
      # 2026 Dragon Boat Jun 19-21 -> Mon Jun 22
      2026-06-12, 7, 2026-06-22, false
      # 2026 Mid-Autumn: Sun Sep 20 make-up; Sep 25-27 -> Mon Sep 28
      2026-09-13, 7, 2026-09-20, false
      2026-09-18, 7, 2026-09-28, false
      # 2026 National Day Oct 1-7 -> Thu Oct 8; Sat Oct 10 make-up
      2026-09-24, 7, 2026-10-08, false
      2026-09-30, 7, 2026-10-08, false
      2026-10-03, 7, 2026-10-10, false
      # 2026 year end: Sat Dec 26 -> Mon Dec 28, within 2026
      2026-12-19, 7, 2026-12-28, false
      # into unloaded 2027 (R-TIME-3): Fri Jan 1 2027 counts as working (weekends only); Sat Jan 2 -> Mon Jan 4
      2026-12-25, 7, 2027-01-01, true
      2026-12-26, 7, 2027-01-04, true
      # leap year 2028, not loaded: Feb 29 is a Tuesday
      2028-02-28, 1, 2028-02-29, true
      2028-01-30, 30, 2028-02-29, true
      2028-02-28, 2, 2028-03-01, true
      # a long period: 365 + 365 + 366 (Feb 29 2028) = 1096 days -> Fri 2028-03-03, unloaded
      2025-03-03, 1096, 2028-03-03, true
      """)
  void add_days(LocalDate from, int n, LocalDate expected, boolean provisional) {
    Deadline deadline = calendar.addDays(from, n);

    assertThat(deadline.from()).isEqualTo(from);
    assertThat(deadline.deadline()).isEqualTo(expected);
    assertThat(deadline.provisional()).isEqualTo(provisional);
    assertThat(deadline.expiresAt()).isEqualTo(WorkingDayCalendar.expiresAt(expected));
  }

  // ---------------------------------------------------------------- N months (R-TIME-2)

  @ParameterizedTest(name = "{0} + {1} months = {2} provisional={3}")
  @CsvSource(textBlock = """
      # no Feb 31: the last day of February. 2025-02-28 is a Friday
      2025-01-31,   1, 2025-02-28, false
      # 2026-02-28 is a Saturday declared working (Spring Festival make-up): no roll
      2026-01-31,   1, 2026-02-28, false
      2025-10-31,   4, 2026-02-28, false
      2025-12-31,   2, 2026-02-28, false
      # 2028 is a leap year (not loaded): Feb 29, a Tuesday
      2028-01-31,   1, 2028-02-29, true
      # 2027-02-28 is a Sunday in unloaded 2027: rolls to Mon Mar 1
      2027-01-31,   1, 2027-03-01, true
      2026-11-30,   3, 2027-03-01, true
      2025-08-31,   1, 2025-09-30, false
      2025-03-31,   1, 2025-04-30, false
      # lands on a holiday: Oct 1 2025 -> Thu Oct 9; Feb 15 2026 -> Tue Feb 24; Jan 1 2026 -> Sun Jan 4 make-up
      2025-09-01,   1, 2025-10-09, false
      2026-01-15,   1, 2026-02-24, false
      2025-11-01,   2, 2026-01-04, false
      # from a leap day: 2024-02-29 + 12 months = Fri 2025-02-28; only 2025 consulted
      2024-02-29,  12, 2025-02-28, false
      2024-03-31,  12, 2025-03-31, false
      # 2028-02-29 + 12 months = 2029-02-28, a Wednesday, unloaded
      2028-02-29,  12, 2029-02-28, true
      """)
  void add_months(LocalDate from, int n, LocalDate expected, boolean provisional) {
    Deadline deadline = calendar.addMonths(from, n);

    assertThat(deadline.from()).isEqualTo(from);
    assertThat(deadline.deadline()).isEqualTo(expected);
    assertThat(deadline.provisional()).isEqualTo(provisional);
    assertThat(deadline.expiresAt()).isEqualTo(WorkingDayCalendar.expiresAt(expected));
  }

  // ---------------------------------------------------------------- provisional (R-TIME-3)

  @Test
  void without_any_arrangement_everything_is_weekends_only_and_provisional() {
    WorkingDayCalendar bare = new WorkingDayCalendar(ArrangementSource.none());

    // 2025-10-01 is a holiday by the notice, but without it a plain Wednesday
    assertThat(bare.isWorkingDay(d("2025-10-01"))).isTrue();
    assertThat(bare.addWorkingDays(d("2025-09-30"), 1)).isEqualTo(Deadline.of(d("2025-09-30"), d("2025-10-01"), true));
    // Sat Oct 11 is a make-up day by the notice, without it a rest day: rolls to Mon Oct 13
    assertThat(bare.addDays(d("2025-10-04"), 7)).isEqualTo(Deadline.of(d("2025-10-04"), d("2025-10-13"), true));
  }

  @Test
  void roll_forward_into_an_unloaded_year_is_provisional() {
    // test-only 2029 with Mon Dec 31 off; 2030 not loaded. Dec 24 + 7 = Dec 31, off -> Tue Jan 1 2030,
    // whose status was taken from weekends only
    WorkingDayCalendar cal = new WorkingDayCalendar(ArrangementSource.of(List.of(
        HolidayArrangement.of(2029, List.of(d("2029-12-31")), List.of(), "test"))));

    Deadline deadline = cal.addDays(d("2029-12-24"), 7);

    assertThat(deadline.deadline()).isEqualTo(d("2030-01-01"));
    assertThat(deadline.provisional()).isTrue();
  }

  @Test
  void calendar_days_over_an_unloaded_year_ending_in_a_loaded_one_are_not_provisional() {
    // interpretation of R-TIME-3: a calendar-day count does not depend on the arrangement of the days
    // it passes, only on the end day (and the days rolled over). 2027 unloaded, 2028 loaded (test-only).
    List<HolidayArrangement> years = new ArrayList<>(ShippedArrangements.load());
    years.add(HolidayArrangement.of(2028, List.of(d("2028-01-01")), List.of(), "test"));
    WorkingDayCalendar cal = new WorkingDayCalendar(ArrangementSource.of(years));

    // 2026-12-01 + 365 = 2027-12-01, + 35 = Wed 2028-01-05
    assertThat(cal.addDays(d("2026-12-01"), 400)).isEqualTo(Deadline.of(d("2026-12-01"), d("2028-01-05"), false));
    // but counting working days through 2027 consults it
    assertThat(cal.addWorkingDays(d("2026-12-01"), 300).provisional()).isTrue();
  }

  @Test
  void asks_the_source_once_per_year_and_computation() {
    List<Integer> asked = new ArrayList<>();
    ArrangementSource shipped = ShippedArrangements.source();
    WorkingDayCalendar cal = new WorkingDayCalendar(year -> {
      asked.add(year);
      return shipped.forYear(year);
    });

    cal.addWorkingDays(d("2025-01-01"), 400);

    assertThat(asked).containsExactly(2025, 2026);
  }

  @Test
  void refuses_a_source_answering_for_the_wrong_year() {
    HolidayArrangement y2025 = HolidayArrangement.of(2025, List.of(), List.of(), null);
    WorkingDayCalendar cal = new WorkingDayCalendar(year -> java.util.Optional.of(y2025));

    assertThatThrownBy(() -> cal.isWorkingDay(d("2026-03-02"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refuses_two_arrangements_for_one_year() {
    HolidayArrangement a = HolidayArrangement.of(2030, List.of(), List.of(), null);
    assertThatThrownBy(() -> ArrangementSource.of(List.of(a, a))).isInstanceOf(CalendarValidationException.class);
  }

  // ---------------------------------------------------------------- expiry instant

  @ParameterizedTest(name = "{0} expires at {1}")
  @CsvSource(textBlock = """
      2025-10-09, 2025-10-10T00:00+08:00
      2025-12-31, 2026-01-01T00:00+08:00
      2028-02-28, 2028-02-29T00:00+08:00
      2028-02-29, 2028-03-01T00:00+08:00
      """)
  void expires_at_the_start_of_the_next_day_in_shanghai(LocalDate deadline, String nextMidnight) {
    Instant expected = OffsetDateTime.parse(nextMidnight).toInstant();

    assertThat(WorkingDayCalendar.expiresAt(deadline)).isEqualTo(expected);
  }

  @Test
  void expiry_does_not_depend_on_the_default_time_zone() {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      // the end of 2025-10-09 in Shanghai is 16:00 UTC that day
      assertThat(calendar.addWorkingDays(d("2025-09-30"), 1).expiresAt())
          .isEqualTo(OffsetDateTime.of(2025, 10, 9, 16, 0, 0, 0, ZoneOffset.UTC).toInstant());
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void deadline_refuses_an_inconsistent_expiry() {
    assertThatThrownBy(() -> new Deadline(d("2025-01-01"), d("2025-01-02"),
        OffsetDateTime.parse("2025-01-03T00:00+00:00").toInstant(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- bad input

  @ParameterizedTest(name = "{0}({1}) refused")
  @CsvSource(textBlock = """
      workingDays,    0, R-TIME-1
      workingDays,   -1, R-TIME-1
      workingDays, 1001, R-TIME-1
      days,           0, R-TIME-2
      days,        3651, R-TIME-2
      months,         0, R-TIME-2
      months,       121, R-TIME-2
      """)
  void refuses_a_period_out_of_range(String kind, int n, String rule) {
    assertThatThrownBy(() -> compute(kind, d("2025-06-16"), n))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("n");
          assertThat(e.rule()).isEqualTo(rule);
          assertThat(e.messageZh()).contains(String.valueOf(n));
          assertThat(e.messageEn()).contains(String.valueOf(n));
        });
  }

  @ParameterizedTest(name = "{0}({1}) accepted")
  @CsvSource(textBlock = """
      workingDays, 1000
      days,        3650
      months,       120
      """)
  void accepts_the_largest_period(String kind, int n) {
    assertThat(compute(kind, d("2025-06-16"), n).provisional()).isTrue(); // reaches years not loaded
  }

  @Test
  void refuses_a_missing_date() {
    assertThatThrownBy(() -> calendar.addDays(null, 7))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> assertThat(e.field()).isEqualTo("from"));
    assertThatThrownBy(() -> calendar.isWorkingDay(null)).isInstanceOf(CalendarValidationException.class);
  }

  private Deadline compute(String kind, LocalDate from, int n) {
    return switch (kind) {
      case "workingDays" -> calendar.addWorkingDays(from, n);
      case "days" -> calendar.addDays(from, n);
      case "months" -> calendar.addMonths(from, n);
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
