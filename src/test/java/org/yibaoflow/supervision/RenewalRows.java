package org.yibaoflow.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Renewals already signed this year, as the annual evaluation leaves them (evaluation_item.signing_channel), for the
 * signing-rate figure (R-DES-4). Their agreements are expired, so no campaign of the suite picks them up; the
 * campaign year is far in the past, so it never is a region's latest campaign.
 */
final class RenewalRows {

  private RenewalRows() {
  }

  static long insert(JdbcTemplate jdbc, String region, Clock clock, int online, int offline) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int year = 1900 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 90);
    jdbc.update("INSERT INTO evaluation_campaign (region, eval_year, status, total_agreements, opened_by, opened_at) "
        + "VALUES (?, ?, 'ALL_STARTED', ?, 'it', ?)", region, year, online + offline, Timestamp.from(now.toInstant()));
    long campaign = jdbc.queryForObject("SELECT id FROM evaluation_campaign WHERE region = ? AND eval_year = ?",
        Long.class, region, year);
    for (int i = 0; i < online + offline; i++) {
      String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
      jdbc.update("INSERT INTO institution (region, code, name, type, credit_code, created_at, updated_at) "
          + "VALUES (?, ?, ?, 'PHARMACY', ?, ?, ?)", region, "R" + suffix, "网签测试药店" + suffix,
          ("91" + suffix + "XXXX").substring(0, 18), Timestamp.from(now.toInstant()), Timestamp.from(now.toInstant()));
      long institution = jdbc.queryForObject("SELECT id FROM institution WHERE region = ? AND code = ?", Long.class,
          region, "R" + suffix);
      LocalDate start = LocalDate.of(year, 1, 1);
      jdbc.update("INSERT INTO agreement (institution_id, region, period_start, period_end, state, state_since, "
          + "created_at) VALUES (?, ?, ?, ?, 'EXPIRED', ?, ?)", institution, region, Date.valueOf(start),
          Date.valueOf(start.plusYears(1).minusDays(1)), Timestamp.from(now.toInstant()), Timestamp.from(now.toInstant()));
      long agreement = jdbc.queryForObject("SELECT id FROM agreement WHERE institution_id = ?", Long.class, institution);
      jdbc.update("INSERT INTO evaluation_item (campaign_id, agreement_id, institution_id, region, eval_year, "
          + "business_key, process_instance_id, status, outcome, applied_outcome, signing_channel, applied_at, "
          + "started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'DONE', 'RENEW', 'RENEWED', ?, ?, ?, ?)",
          campaign, agreement, institution, region, year, region + "-" + year + "-" + institution, "it-" + suffix,
          i < online ? "ONLINE" : "OFFLINE", Timestamp.from(now.toInstant()), Timestamp.from(now.toInstant()),
          Timestamp.from(now.toInstant()));
    }
    return campaign;
  }

  static void delete(JdbcTemplate jdbc, long campaign) {
    jdbc.update("DELETE FROM evaluation_item WHERE campaign_id = ?", campaign);
    jdbc.update("DELETE FROM evaluation_campaign WHERE id = ?", campaign);
  }
}
