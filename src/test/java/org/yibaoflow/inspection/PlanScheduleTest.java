package org.yibaoflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yibaoflow.calendar.ArrangementSource;
import org.yibaoflow.calendar.WorkingDayCalendar;

/** Due dates of the plan's inspections (R-VIO-14, R-TIME-1), on a weekends-only calendar. */
class PlanScheduleTest {

  private final PlanSchedule schedule = new PlanSchedule(new WorkingDayCalendar(ArrangementSource.none()));

  @Test
  void twoInspectionsAYearAreDueAtTheEndOfEachHalf() {
    LocalDate start = LocalDate.of(2026, 1, 5);
    // 2026-06-30 is a Tuesday, 2026-12-31 a Thursday
    assertThat(schedule.spread(2026, 1, 2, start)).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(schedule.spread(2026, 2, 2, start)).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void aPortionEndingOnAWeekendIsDueOnTheFridayBefore() {
    // the 5th of 12: 2026-05-31 is a Sunday
    assertThat(schedule.spread(2026, 5, 12, LocalDate.of(2026, 1, 5))).isEqualTo(LocalDate.of(2026, 5, 29));
  }

  @Test
  void aPlanOpenedLateGivesEveryInspectionAtLeastTenWorkingDays() {
    // opened Tuesday 2026-12-01: the 10th working day after it is Tuesday 2026-12-15
    assertThat(schedule.spread(2026, 1, 2, LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2026, 12, 15));
    // a plan for next year opened in December counts from 1 January (Friday): the 20th working day is 29 January
    assertThat(schedule.flying(2027, LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2027, 1, 29));
  }

  @Test
  void workingDaysLeftCountsTheRestOfTheYear() {
    // after Friday 2026-12-18: 21, 22, 23, 24, 25, 28, 29, 30, 31
    assertThat(schedule.workingDaysLeft(2026, LocalDate.of(2026, 12, 18))).isEqualTo(9);
  }
}
