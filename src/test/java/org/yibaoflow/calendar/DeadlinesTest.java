package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The BPMN functions of the bean {@code deadlines}: what they count from, what they return, what they record. */
class DeadlinesTest {

  /** 2025-09-25 17:30 UTC is already Friday 26 September 01:30 in Shanghai. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-25T17:30:00Z"), java.time.ZoneOffset.UTC);

  private final List<String> recorded = new ArrayList<>();
  private final Deadlines deadlines = new Deadlines(new WorkingDayCalendar(ShippedArrangements.source()), CLOCK,
      (kind, n, d) -> recorded.add(kind + " " + n + " " + d.from() + " " + d.deadline()));

  @Test
  void todayIsTheDateInShanghaiAndTheResultIsTheEndOfTheDeadlineDay() {
    // R-TIME-2: Fri 26 Sep + 7 = 3 Oct (National Day) => Thu 9 Oct, over at 10 Oct 00:00 +08:00
    assertThat(deadlines.days(7)).isEqualTo(Date.from(Instant.parse("2025-10-09T16:00:00Z")));
    // R-TIME-1: Sun 28 Sep works => the first working day after Fri 26 Sep
    assertThat(deadlines.workingDays(1)).isEqualTo(Date.from(Instant.parse("2025-09-28T16:00:00Z")));
    // R-TIME-2: 26 Oct is a Sunday => Mon 27 Oct
    assertThat(deadlines.months(1)).isEqualTo(Date.from(Instant.parse("2025-10-27T16:00:00Z")));
    assertThat(recorded).isEmpty();
  }

  @Test
  void fromAcceptsDatesLocalDatesAndIsoText() {
    Date expected = Date.from(Instant.parse("2025-10-16T16:00:00Z"));
    assertThat(deadlines.workingDays("2025-09-26", 10)).isEqualTo(expected);
    assertThat(deadlines.workingDays(LocalDate.parse("2025-09-26"), 10)).isEqualTo(expected);
    // 23:30 in Shanghai on the 26th is still the 26th there
    assertThat(deadlines.workingDays(Date.from(Instant.parse("2025-09-26T15:30:00Z")), 10)).isEqualTo(expected);
    assertThat(deadlines.workingDays(java.sql.Date.valueOf("2025-09-26"), 10)).isEqualTo(expected);
    assertThat(deadlines.workingDays(OffsetDateTime.parse("2025-09-26T09:00:00+08:00"), 10)).isEqualTo(expected);
  }

  @Test
  void badFromOrNIsRefusedNamingFieldAndRule() {
    assertThatThrownBy(() -> deadlines.days("2025-02-30", 3)).isInstanceOf(CalendarValidationException.class)
        .extracting("field").isEqualTo("from");
    assertThatThrownBy(() -> deadlines.days(null, 3)).isInstanceOf(CalendarValidationException.class)
        .extracting("field").isEqualTo("from");
    assertThatThrownBy(() -> deadlines.days(42L, 3)).isInstanceOf(CalendarValidationException.class)
        .hasMessageContaining("unsupported type");
    assertThatThrownBy(() -> deadlines.workingDays(0)).isInstanceOf(CalendarValidationException.class)
        .extracting("rule").isEqualTo("R-TIME-1");
  }

  @Test
  void onlyProvisionalResultsAreRecorded() {
    deadlines.workingDays("2026-12-31", 1);
    deadlines.days("2027-04-26", 7);
    // R-TIME-3: 2027 is not loaded
    assertThat(recorded).containsExactly("WORKING_DAYS 1 2026-12-31 2027-01-01", "DAYS 7 2027-04-26 2027-05-03");
  }
}
