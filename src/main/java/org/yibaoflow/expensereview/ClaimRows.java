package org.yibaoflow.expensereview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bulk paths of the expense review as JDBC batches (a settlement batch has up to 100,000 claims; one
 * statement per row through MyBatis would dominate the screening): inserting a batch's claims, reading them for
 * the screening, writing the suspicious ones.
 */
@Component
class ClaimRows {

  static final int CHUNK = 1_000;

  private final JdbcTemplate jdbc;

  ClaimRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(long batchId, List<ClaimInput> claims) {
    for (int from = 0; from < claims.size(); from += CHUNK) {
      List<Object[]> rows = new ArrayList<>();
      for (ClaimInput c : claims.subList(from, Math.min(claims.size(), from + CHUNK))) {
        rows.add(new Object[] {batchId, c.claimId(), c.institutionCode(), c.careType(), c.stayDays(), c.itemCount(),
            c.amount()});
      }
      jdbc.batchUpdate("INSERT INTO claim (batch_id, claim_id, institution_code, care_type, stay_days, item_count, "
          + "amount) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }
  }

  /** What the screening table reads of a claim. */
  record Facts(long id, String careType, int stayDays, int itemCount, BigDecimal amount) {
  }

  List<Facts> facts(long batchId) {
    return jdbc.query("SELECT id, care_type, stay_days, item_count, amount FROM claim WHERE batch_id = ? ORDER BY id",
        (rs, i) -> new Facts(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5)),
        batchId);
  }

  /** Marks the suspicious claims with their reasons (id, reasons). */
  void markSuspicious(List<Object[]> idAndReasons) {
    for (int from = 0; from < idAndReasons.size(); from += CHUNK) {
      List<Object[]> rows = idAndReasons.subList(from, Math.min(idAndReasons.size(), from + CHUNK)).stream()
          .map(r -> new Object[] {r[1], r[0]}).toList();
      jdbc.batchUpdate("UPDATE claim SET suspicious = TRUE, suspicion = ? WHERE id = ?", rows);
    }
  }
}
