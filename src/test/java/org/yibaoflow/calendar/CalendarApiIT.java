package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/**
 * /api/calendar over HTTP: deadlines across the 2025/2026 holidays (R-TIME-1, R-TIME-2), 2027 provisional
 * (R-TIME-3), problem bodies for bad input, 401 without credentials, loading a year only for
 * administrators and never half-written.
 */
@IntegrationTest
class CalendarApiIT {

  // Users: not zhangjing, whom SecurityIT locks out with wrong passwords in the shared context (Camunda's
  // login lockout), so the result does not depend on the order of the test classes.

  /** A year no other test uses, loaded and replaced here. */
  private static final int SCRATCH_YEAR = 2031;

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void forgetScratchYear() {
    CalendarTestYears.forget(jdbc, SCRATCH_YEAR);
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(textBlock = """
      # R-TIME-1: from Fri 26 Sep 2025: Sun 28 Sep works, 1-8 Oct off, Sat 11 Oct works => Thu 16 Oct
      from=2025-09-26&workingDays=10, 2025-10-16, 2025-10-16T16:00:00Z, false
      # R-TIME-1: the day after Fri 13 Feb 2026 is Saturday 14 Feb, declared working (调休)
      from=2026-02-13&workingDays=1,  2026-02-14, 2026-02-14T16:00:00Z, false
      # R-TIME-1: Spring Festival 2025, 28 Jan - 4 Feb off, Sat 8 Feb works: from Mon 27 Jan, 4 working days
      from=2025-01-27&workingDays=4,  2025-02-08, 2025-02-08T16:00:00Z, false
      # ... and the 5th is Monday 10 Feb (Sun 9 Feb rests)
      from=2025-01-27&workingDays=5,  2025-02-10, 2025-02-10T16:00:00Z, false
      # R-TIME-2: 30 Sep 2026 + 1 day = 1 Oct, National Day (1-7 Oct): ends Thu 8 Oct
      from=2026-09-30&days=1,         2026-10-08, 2026-10-08T16:00:00Z, false
      # R-TIME-2: 3 Oct 2025 + 7 days = Fri 10 Oct, a working day
      from=2025-10-03&days=7,         2025-10-10, 2025-10-10T16:00:00Z, false
      # R-TIME-2: 31 Jan 2025 + 1 month = 28 Feb (the month's last day), a Friday
      from=2025-01-31&months=1,       2025-02-28, 2025-02-28T16:00:00Z, false
      # R-TIME-2: 4 Apr 2026 - 1 month earlier: 4 Mar + 1 month = 4 Apr, Qingming (4-6 Apr): ends Tue 7 Apr
      from=2026-03-04&months=1,       2026-04-07, 2026-04-07T16:00:00Z, false
      # R-TIME-3: 2027 is not loaded: weekends only and provisional
      from=2027-04-26&workingDays=10, 2027-05-10, 2027-05-10T16:00:00Z, true
      # R-TIME-3: a period running from 2026 into 2027 consults 2027 too
      from=2026-12-25&workingDays=10, 2027-01-08, 2027-01-08T16:00:00Z, true
      """)
  void deadlinesAcrossHolidays(String query, String deadline, String expiresAt, boolean provisional) {
    Http.Response r = Http.demo(port, "wangqiang").get("/api/calendar/deadline?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("from").asText()).isEqualTo(query.substring(5, 15));
    assertThat(body.get("deadline").asText()).isEqualTo(deadline);
    assertThat(body.get("expiresAt").asText()).isEqualTo(expiresAt);
    assertThat(body.get("provisional").asBoolean()).isEqualTo(provisional);
  }

  @Test
  void aShippedYearListsItsHolidaysAndWorkingWeekendDays() {
    JsonNode year = Http.demo(port, "wangqiang").get("/api/calendar/2025").json();
    assertThat(year.get("loaded").asBoolean()).isTrue();
    assertThat(year.get("provisional").asBoolean()).isFalse();
    assertThat(year.get("origin").asText()).isEqualTo("SHIPPED");
    // 1 + 8 + 3 + 5 + 3 + 8 days off
    assertThat(year.get("holidays")).hasSize(28);
    assertThat(dates(year.get("holidays"))).contains("2025-01-01", "2025-01-28", "2025-10-08");
    assertThat(dates(year.get("workingWeekendDays")))
        .containsExactly("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
    assertThat(year.get("holidays").get(1).get("festival").asText()).isEqualTo("春节");
    assertThat(year.get("workingWeekendDays").get(0).get("dayOfWeek").asText()).isEqualTo("SUNDAY");
  }

  @Test
  void aYearWithoutArrangementIsProvisional() {
    JsonNode year = Http.demo(port, "wangqiang").get("/api/calendar/2027").json();
    assertThat(year.get("loaded").asBoolean()).isFalse();
    assertThat(year.get("provisional").asBoolean()).as("R-TIME-3").isTrue();
    assertThat(year.get("holidays")).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource(textBlock = """
      from=2025-02-30&workingDays=3,              from,        R-TIME-1
      from=20250203&days=3,                       from,        R-TIME-1
      workingDays=3,                              from,        R-TIME-1
      from=2025-02-03,                            workingDays, R-TIME-1
      from=2025-02-03&workingDays=3&days=3,       days,        R-TIME-2
      from=2025-02-03&days=3&months=1,            months,      R-TIME-2
      from=2025-02-03&workingDays=3&workingDays=4, workingDays, R-TIME-1
      from=2025-02-03&from=2025-02-04&days=1,     from,        R-TIME-1
      from=2025-02-03&workingDays=0,              workingDays, R-TIME-1
      from=2025-02-03&days=-1,                    days,        R-TIME-2
      from=2025-02-03&months=0,                   months,      R-TIME-2
      from=2025-02-03&months=1000,                months,      R-TIME-2
      from=2025-02-03&days=seven,                 days,        R-TIME-2
      """)
  void badDeadlineQuestionsGetAProblemNamingFieldAndRule(String query, String field, String rule) {
    Http.Response r = Http.demo(port, "wangqiang").get("/api/calendar/deadline?" + query);
    assertProblem(r, 400, field, rule);
  }

  @Test
  void aMalformedYearIsAProblem() {
    assertProblem(Http.demo(port, "wangqiang").get("/api/calendar/20x5"), 400, "year", "R-TIME-1");
    assertProblem(Http.demo(port, "wangqiang").get("/api/calendar/1900"), 400, "year", "R-TIME-1");
  }

  @Test
  void closedWithoutCredentials() {
    assertThat(Http.anonymous(port).get("/api/calendar/deadline?from=2025-02-03&days=1").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get("/api/calendar/2025").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).put("/api/calendar/" + SCRATCH_YEAR,
        CalendarTestYears.LABOUR_DAY_2031).status()).isEqualTo(401);
    assertThat(yearRows()).isZero();
  }

  @Test
  void onlyAdministratorsLoadAYear() {
    long revision = revision();
    for (String user : List.of("sunli", "chenmin", "wuhao")) {
      Http.Response r = Http.demo(port, user).put("/api/calendar/" + SCRATCH_YEAR,
          CalendarTestYears.LABOUR_DAY_2031);
      assertProblem(r, 403, null, "SECURITY");
    }
    assertThat(yearRows()).isZero();
    assertThat(revision()).isEqualTo(revision);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a date twice            | {"year":2031,"holidays":[{"name":"劳动节","days":["2031-05-01","2031-05-01"]}]}                                  | holidays                 | R-TIME-1
      a date twice, two lists | {"year":2031,"holidays":[{"name":"劳动节","days":["2031-05-01"]},{"name":"again","days":["2031-05-01"]}]}       | holidays                 | R-TIME-1
      holiday on working day  | {"year":2031,"holidays":[{"name":"劳动节","days":["2031-05-03"],"workingWeekendDays":["2031-05-03"]}]}          | workingWeekendDays       | R-TIME-1
      malformed date          | {"year":2031,"holidays":[{"name":"劳动节","days":["2031-02-30"]}]}                                              | holidays[0].days[0]      | R-TIME-1
      working day on weekday  | {"year":2031,"holidays":[{"name":"劳动节","days":["2031-05-01"],"workingWeekendDays":["2031-05-06"]}]}          | workingWeekendDays       | R-TIME-1
      date of another year    | {"year":2031,"holidays":[{"name":"元旦","days":["2032-01-01"]}]}                                                | holidays                 | R-TIME-1
      unknown field           | {"year":2031,"holidays":[],"extra":1}                                                                          | extra                    | R-TIME-1
      not JSON                | {"year":2031,                                                                                                  | $                        | R-TIME-1
      another year than path  | {"year":2030,"source":"x","holidays":[{"name":"元旦","days":["2030-01-01"]}]}                                   | year                     | R-TIME-1
      no reason, no source    | {"year":2031,"holidays":[{"name":"元旦","days":["2031-01-01"]}]}                                                | reason                   | AUDIT
      """)
  void anInvalidYearIsRefusedAndNothingChanges(String what, String json, String field, String rule) {
    long revision = revision();
    long days = jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day", Long.class);
    long audits = audits();
    long shipped2025 = jdbc.queryForObject("SELECT version FROM calendar_year WHERE arrangement_year = 2025", Long.class);

    Http.Response r = Http.demo(port, "demo").put("/api/calendar/" + SCRATCH_YEAR, json);

    assertProblem(r, 400, field, rule);
    assertThat(yearRows()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day", Long.class)).isEqualTo(days);
    assertThat(revision()).isEqualTo(revision);
    assertThat(audits()).isEqualTo(audits);
    assertThat(jdbc.queryForObject("SELECT version FROM calendar_year WHERE arrangement_year = 2025", Long.class))
        .isEqualTo(shipped2025);
  }

  @Test
  void anAdministratorLoadsThenReplacesAYearAndBothAreAudited() {
    Http admin = Http.demo(port, "demo");
    Http.Response first = admin.put("/api/calendar/" + SCRATCH_YEAR, CalendarTestYears.LABOUR_DAY_2031);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("change").get("action").asText()).isEqualTo("LOADED");
    assertThat(first.json().get("year").get("provisional").asBoolean()).isFalse();

    // now a working day: 2031-05-01 is a Thursday; 30 Apr + 1 working day skips 1-5 May
    JsonNode d = Http.demo(port, "wangqiang").get("/api/calendar/deadline?from=2031-04-30&workingDays=1").json();
    assertThat(d.get("deadline").asText()).isEqualTo("2031-05-06");
    assertThat(d.get("provisional").asBoolean()).isFalse();

    Http.Response second = admin.put("/api/calendar/" + SCRATCH_YEAR + "?reason=" + "更正".replace("更正", "%E6%9B%B4%E6%AD%A3"),
        "{\"year\":" + SCRATCH_YEAR + ",\"holidays\":[{\"name\":\"元旦\",\"days\":[\"" + SCRATCH_YEAR + "-01-01\"]}]}");
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().get("change").get("action").asText()).isEqualTo("REPLACED");
    assertThat(second.json().get("change").get("version").asLong()).isEqualTo(2);
    assertThat(Http.demo(port, "wangqiang").get("/api/calendar/deadline?from=2031-04-30&workingDays=1").json()
        .get("deadline").asText()).isEqualTo("2031-05-01");

    List<Map<String, Object>> audit = jdbc.queryForList(
        "SELECT action, reason, actor, rule_id FROM audit_log WHERE entity_type = 'CALENDAR_YEAR' AND entity_id = ?"
            + " ORDER BY id", String.valueOf(SCRATCH_YEAR));
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0)).containsEntry("ACTION", "CALENDAR_LOADED").containsEntry("ACTOR", "demo")
        .containsEntry("RULE_ID", "R-TIME-1");
    assertThat((String) audit.get(0).get("REASON")).contains("测试：2031 年劳动节安排");
    assertThat(audit.get(1)).containsEntry("ACTION", "CALENDAR_REPLACED").containsEntry("REASON", "更正");
    jdbc.update("DELETE FROM audit_log WHERE entity_type = 'CALENDAR_YEAR' AND entity_id = ?",
        String.valueOf(SCRATCH_YEAR));
  }

  private static void assertProblem(Http.Response r, int status, String field, String rule) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    if (field != null) {
      assertThat(p.get("field").asText()).as(r.body()).isEqualTo(field);
    }
    assertThat(p.get("rule").asText()).as(r.body()).isEqualTo(rule);
    assertThat(p.get("detailZh").asText()).as(r.body()).isNotBlank();
    assertThat(p.get("detail").asText()).as(r.body()).isNotBlank();
  }

  private static List<String> dates(JsonNode days) {
    return java.util.stream.StreamSupport.stream(days.spliterator(), false).map(d -> d.get("date").asText()).toList();
  }

  private long yearRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM calendar_year WHERE arrangement_year = ?", Long.class,
        SCRATCH_YEAR);
  }

  private long revision() {
    return jdbc.queryForObject("SELECT revision FROM calendar_revision WHERE id = 1", Long.class);
  }

  private long audits() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
  }
}
