package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 15: deadlines as users read them, the Beijing last day with 24:00, provisional ones marked (R-TIME-3). */
class DeadlineLabelTest {

  /** Monday 2026-12-07, 10:00 Asia/Shanghai. */
  private final Deadlines deadlines = Deadlines.withShippedArrangements(
      Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), WorkingDayCalendar.ZONE));

  @Test
  void theLastDayInBeijingWith2400() {
    // R-TIME-1: 10 working days after Monday Dec 7 end on Monday Dec 21 (no holiday in between)
    assertThat(deadlines.label(deadlines.workingDays(10))).isEqualTo("2026-12-21 24:00（北京时间）");
    assertThat(deadlines.label(LocalDate.of(2026, 12, 21))).isEqualTo("2026-12-21 24:00（北京时间）");
    assertThat(deadlines.label(null)).isNull();
  }

  @Test
  void aDeadlineInAYearWithoutItsArrangementIsMarkedProvisional() {
    // 30 days from Dec 7 end in January 2027, whose holiday arrangement is not shipped
    assertThat(deadlines.label(deadlines.days(30))).startsWith("2027-01-06 24:00（北京时间）").contains("暂定", "R-TIME-3");
  }
}
