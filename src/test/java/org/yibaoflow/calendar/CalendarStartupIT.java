package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/**
 * What a restart does with the shipped files (ArrangementLoader.loadShipped, run at every start-up): a
 * missing shipped year is loaded, a year an administrator replaced is kept, a year from an older shipped
 * file is brought up to the file.
 */
@IntegrationTest
class CalendarStartupIT {

  @LocalServerPort
  int port;
  @Autowired
  ArrangementLoader loader;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aRestartKeepsTheAdministratorsYearAndRestoresMissingOrStaleShippedYears() {
    // an administrator replaced the shipped 2026 with a file holding New Year only
    Http.Response put = Http.demo(port, "demo").put("/api/calendar/2026?reason=test",
        "{\"year\":2026,\"holidays\":[{\"name\":\"元旦\",\"days\":[\"2026-01-01\"]}]}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    // 2025 as an older release shipped it: without Dragon Boat Festival
    jdbc.update("DELETE FROM calendar_day WHERE day_date IN (DATE '2025-05-31', DATE '2025-06-01', DATE '2025-06-02')");
    try {
      List<ArrangementLoader.Change> changes = loader.loadShipped();

      assertThat(changes).extracting(c -> c.year() + " " + c.action() + " " + c.origin())
          .containsExactly("2025 REPLACED SHIPPED", "2026 UNCHANGED ADMINISTRATOR");
      assertThat(days(2025)).as("28 days off + 5 working weekend days").isEqualTo(33);
      assertThat(days(2026)).as("the administrator's year is not overwritten").isEqualTo(1);
    } finally {
      CalendarTestYears.forget(jdbc, 2026);
      loader.loadShipped();
    }
    // a shipped year missing from the database comes back
    assertThat(days(2026)).as("33 days off + 6 working weekend days").isEqualTo(39);
    assertThat(jdbc.queryForObject("SELECT origin FROM calendar_year WHERE arrangement_year = 2026", String.class))
        .isEqualTo("SHIPPED");
    assertThat(loader.loadShipped()).extracting(ArrangementLoader.Change::action).containsOnly("UNCHANGED");
  }

  private long days(int year) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day WHERE arrangement_year = ?", Long.class, year);
  }
}
