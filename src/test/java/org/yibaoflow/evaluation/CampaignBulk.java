package org.yibaoflow.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk registry data for campaign tests and the benchmark: n institutions of a region of their own, each with
 * one ACTIVE agreement covering the year, inserted with JDBC batches (the registry's services would audit
 * each and take minutes for 100,000).
 */
public final class CampaignBulk {

  private CampaignBulk() {
  }

  public static void insert(JdbcTemplate jdbc, String region, int n, int year) {
    Timestamp now = Timestamp.from(Instant.now());
    int chunk = 2_000;
    for (int from = 0; from < n; from += chunk) {
      List<Object[]> institutions = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + chunk); i++) {
        String code = String.format("B%011d", i);
        institutions.add(new Object[] {region, code, "考核压测机构" + i, i % 3 == 0 ? "PHARMACY" : "HOSPITAL",
            String.format("91%016d", i), now, now});
      }
      jdbc.batchUpdate("INSERT INTO institution (region, code, name, type, credit_code, created_at, updated_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?)", institutions);
    }
    jdbc.update("INSERT INTO agreement (institution_id, region, period_start, period_end, state, suspension_count, "
        + "state_since, version, created_at) SELECT i.id, i.region, ?, ?, 'ACTIVE', 0, ?, 0, ? FROM institution i "
        + "WHERE i.region = ? AND NOT EXISTS (SELECT 1 FROM agreement a WHERE a.institution_id = i.id)",
        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), now, now, region);
  }
}
