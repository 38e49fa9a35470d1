package org.yibaoflow.calendar;

import java.time.LocalDate;

/** The three kinds of legal period a deadline can be, each with the rule that defines it. */
public enum PeriodKind {

  /** R-TIME-1: the N-th working day after the event day. */
  WORKING_DAYS("workingDays", "R-TIME-1"),
  /** R-TIME-2: N calendar days after the event day, rolled forward to a working day. */
  DAYS("days", "R-TIME-2"),
  /** R-TIME-2: N months after the event day, rolled forward to a working day. */
  MONTHS("months", "R-TIME-2");

  private final String parameter;
  private final String rule;

  PeriodKind(String parameter, String rule) {
    this.parameter = parameter;
    this.rule = rule;
  }

  /** The name of the query parameter and of the BPMN function: {@code workingDays}, {@code days}, {@code months}. */
  public String parameter() {
    return parameter;
  }

  public String rule() {
    return rule;
  }

  public Deadline apply(WorkingDayCalendar calendar, LocalDate from, int n) {
    return switch (this) {
      case WORKING_DAYS -> calendar.addWorkingDays(from, n);
      case DAYS -> calendar.addDays(from, n);
      case MONTHS -> calendar.addMonths(from, n);
    };
  }
}
