package org.yibaoflow.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a request could have written: every domain table (the schema's tables other than the engine's
 * ACT_* and Flyway's history), as row count and an order-independent hash of all its values, so an update
 * in place counts too; and the engine's process and activity instances. Database-neutral (H2, PostgreSQL).
 */
final class DatabaseFingerprint {

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;

  DatabaseFingerprint(JdbcTemplate jdbc, HistoryService history, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
  }

  /** The domain tables of the current schema. */
  List<String> domainTables() {
    return allTables(jdbc).stream()
        .filter(t -> !t.toUpperCase(Locale.ROOT).startsWith("ACT_"))
        .filter(t -> !t.equalsIgnoreCase("yibao_schema_history"))
        .sorted().toList();
  }

  Snapshot take() {
    Map<String, String> tables = tables(jdbc, domainTables());
    tables.put("engine: historic process instances",
        String.valueOf(history.createHistoricProcessInstanceQuery().count()));
    tables.put("engine: running process instances", String.valueOf(runtime.createProcessInstanceQuery().count()));
    tables.put("engine: historic activity instances",
        String.valueOf(history.createHistoricActivityInstanceQuery().count()));
    return new Snapshot(tables);
  }

  /** Every base table of the current schema, engine tables included. */
  static List<String> allTables(JdbcTemplate jdbc) {
    return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA"
        + " AND table_type = 'BASE TABLE'", String.class).stream().sorted().toList();
  }

  /** Per table (lower-case name): row count and an order-independent hash of all values. */
  static Map<String, String> tables(JdbcTemplate jdbc, List<String> names) {
    Map<String, String> tables = new TreeMap<>();
    for (String table : names) {
      long[] rows = {0};
      long[] hash = {0};
      jdbc.query("SELECT * FROM \"" + table + "\"", rs -> {
        int columns = rs.getMetaData().getColumnCount();
        Object[] values = new Object[columns];
        for (int i = 0; i < columns; i++) {
          values[i] = value(rs.getObject(i + 1));
        }
        rows[0]++;
        hash[0] += Arrays.hashCode(values);
      });
      tables.put(table.toLowerCase(Locale.ROOT), rows[0] + " rows #" + Long.toHexString(hash[0]));
    }
    return tables;
  }

  /** A column's value by content (LOBs read, not their handles' names). */
  private static Object value(Object v) throws java.sql.SQLException {
    if (v instanceof byte[] bytes) {
      return Arrays.hashCode(bytes);
    }
    if (v instanceof java.sql.Blob blob) {
      return Arrays.hashCode(blob.getBytes(1, (int) blob.length()));
    }
    if (v instanceof java.sql.Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return Objects.toString(v, null);
  }

  record Snapshot(Map<String, String> tables) {

    /** The tables whose rows differ from {@code before}, with both fingerprints. */
    List<String> differences(Snapshot before) {
      List<String> changed = new ArrayList<>();
      tables.forEach((table, now) -> {
        String then = before.tables().get(table);
        if (!now.equals(then)) {
          changed.add(table + ": " + then + " -> " + now);
        }
      });
      return changed;
    }
  }
}
