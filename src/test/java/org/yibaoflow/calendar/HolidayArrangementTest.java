package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R-TIME-1: an arrangement that cannot be right is refused, naming the problem in Chinese and English. */
class HolidayArrangementTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void valid_arrangement_is_sorted_and_unmodifiable() {
    HolidayArrangement a = HolidayArrangement.of(2025, List.of(d("2025-01-29"), d("2025-01-28")),
        List.of(d("2025-02-08"), d("2025-01-26")), "  通知  ");

    assertThat(a.holidays()).containsExactly(d("2025-01-28"), d("2025-01-29"));
    assertThat(a.workingWeekendDays()).containsExactly(d("2025-01-26"), d("2025-02-08"));
    assertThat(a.source()).isEqualTo("通知");
    assertThat(a.isHoliday(d("2025-01-28"))).isTrue();
    assertThat(a.isDeclaredWorkingDay(d("2025-01-26"))).isTrue();
    assertThatThrownBy(() -> a.holidays().add(d("2025-03-03"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void blank_source_and_missing_lists_are_allowed() {
    HolidayArrangement a = HolidayArrangement.of(2030, null, null, " ");

    assertThat(a.holidays()).isEmpty();
    assertThat(a.workingWeekendDays()).isEmpty();
    assertThat(a.source()).isNull();
  }

  @Test
  void refuses_holiday_outside_the_year() {
    assertThatThrownBy(() -> HolidayArrangement.of(2025, List.of(d("2026-01-01")), List.of(), null))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("holidays");
          assertThat(e.rule()).isEqualTo("R-TIME-1");
          assertThat(e.messageZh()).contains("2026-01-01", "不在 2025 年内");
          assertThat(e.messageEn()).contains("2026-01-01", "outside the year 2025");
        });
  }

  @Test
  void refuses_working_day_outside_the_year() {
    assertThatThrownBy(() -> HolidayArrangement.of(2026, List.of(), List.of(d("2025-12-27")), null))
        .isInstanceOfSatisfying(CalendarValidationException.class,
            e -> assertThat(e.field()).isEqualTo("workingWeekendDays"));
  }

  @Test
  void refuses_holiday_listed_twice() {
    assertThatThrownBy(() -> HolidayArrangement.of(2025, List.of(d("2025-05-01"), d("2025-05-01")), List.of(), null))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("holidays");
          assertThat(e.messageZh()).contains("2025-05-01", "重复");
          assertThat(e.messageEn()).contains("2025-05-01", "twice");
        });
  }

  @Test
  void refuses_working_day_listed_twice() {
    assertThatThrownBy(() -> HolidayArrangement.of(2025, List.of(), List.of(d("2025-04-27"), d("2025-04-27")), null))
        .isInstanceOfSatisfying(CalendarValidationException.class,
            e -> assertThat(e.field()).isEqualTo("workingWeekendDays"));
  }

  @Test
  void refuses_holiday_that_is_also_a_declared_working_day() {
    // the same date in both lists = listed twice across the lists
    assertThatThrownBy(() -> HolidayArrangement.of(2025, List.of(d("2025-01-26")), List.of(d("2025-01-26")), null))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("workingWeekendDays");
          assertThat(e.messageZh()).contains("2025-01-26", "同时列为放假日和调休上班日");
          assertThat(e.messageEn()).contains("both as a holiday and as a declared working day");
        });
  }

  @Test
  void refuses_declared_working_day_on_a_weekday() {
    // 2025-01-27 is a Monday: it is a working day anyway, declaring it is a copying mistake
    assertThatThrownBy(() -> new HolidayArrangement(2025, Set.of(), Set.of(d("2025-01-27")), null))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("workingWeekendDays");
          assertThat(e.messageZh()).contains("2025-01-27", "不是周六或周日");
          assertThat(e.messageEn()).contains("not a Saturday or Sunday", "MONDAY");
        });
  }

  @Test
  void refuses_null_date_and_implausible_year() {
    assertThatThrownBy(() -> HolidayArrangement.of(2025, java.util.Arrays.asList(d("2025-01-01"), null), List.of(), null))
        .isInstanceOf(CalendarValidationException.class);
    assertThatThrownBy(() -> HolidayArrangement.of(225, List.of(), List.of(), null))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> assertThat(e.field()).isEqualTo("year"));
  }
}
