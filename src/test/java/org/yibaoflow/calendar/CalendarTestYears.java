package org.yibaoflow.calendar;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test data of the calendar ITs, which share one database: a year a test loaded is removed again. */
final class CalendarTestYears {

  private CalendarTestYears() {
  }

  /** Removes {@code year} and bumps the revision so every cache re-reads (R-TIME-3 again for that year). */
  static void forget(JdbcTemplate jdbc, int year) {
    jdbc.update("DELETE FROM calendar_day WHERE arrangement_year = ?", year);
    jdbc.update("DELETE FROM calendar_year WHERE arrangement_year = ?", year);
    jdbc.update("UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1");
  }

  /** Labour Day 2027 as a test arrangement: 1-5 May off, Saturday 8 May working. */
  static final String LABOUR_DAY_2027 = """
      {"year": 2027, "source": "测试：2027 年劳动节安排",
       "holidays": [{"name": "劳动节", "note": "5月1日至5日放假调休，共5天；5月8日（周六）上班",
         "days": ["2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04", "2027-05-05"],
         "workingWeekendDays": ["2027-05-08"]}]}
      """;

  /** Labour Day 2031 as a test arrangement: Thu 1 - Mon 5 May off, Saturday 26 April working. */
  static final String LABOUR_DAY_2031 = """
      {"year": 2031, "source": "测试：2031 年劳动节安排",
       "holidays": [{"name": "劳动节", "note": "5月1日至5日放假调休，共5天；4月26日（周六）上班",
         "days": ["2031-05-01", "2031-05-02", "2031-05-03", "2031-05-04", "2031-05-05"],
         "workingWeekendDays": ["2031-04-26"]}]}
      """;
}
