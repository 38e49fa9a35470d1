package org.yibaoflow.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Indexes this application adds to the engine's tables, created once the engine has created or checked its schema
 * ({@code CREATE INDEX IF NOT EXISTS}, on H2 and PostgreSQL alike; on PostgreSQL under {@link SchemaCreationLock}'s
 * advisory lock, so two nodes starting together do not race).
 * <p>
 * {@code ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)}: the engine reads an execution's variables with
 * {@code WHERE EXECUTION_ID_ = ? AND TASK_ID_ is null}. During a campaign the table grows by hundreds of thousands of
 * rows faster than PostgreSQL's statistics follow; the planner then also used {@code ACT_IDX_VARIABLE_TASK_ID} for
 * {@code TASK_ID_ is null} (estimated 133 rows, actually 275,697), so every read of an execution's variables visited
 * every process variable: 36 ms each at 20,000 evaluations, and the campaign fell to 16 scoring tasks a second. With
 * this index the same read took 0.13 ms and the running campaign went on at 130 a second (issue 20 item 1,
 * docs/operations.md).
 * <p>
 * An index does not help a plan made before the table grew: PostgreSQL keeps a prepared statement's plan (pgjdbc
 * prepares the engine's statements on every pooled connection) until the table's statistics change, which only
 * autovacuum's ANALYZE does while the application runs. On a server with {@code autovacuum = off} the campaign of
 * 100,000 ran at 21 scoring tasks a second on plans made on empty tables, and at about 100 a second from a manual
 * {@code ANALYZE} on (2026-12-07, docs/operations.md): start-up warns when it is off.
 */
final class EngineIndexes {

  static final List<String> STATEMENTS = List.of(
      "CREATE INDEX IF NOT EXISTS YIBAO_IDX_VAR_EXE_TASK ON ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)");

  private EngineIndexes() {
  }

  static void ensure(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql : STATEMENTS) {
        s.execute(sql);
      }
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  /** PostgreSQL only: the warning for a server whose autovacuum is off, none when it runs (its default). */
  static Optional<String> statisticsWarning(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SHOW autovacuum")) {
      return r.next() ? autovacuumWarning(r.getString(1)) : Optional.empty();
    }
  }

  static Optional<String> autovacuumWarning(String autovacuum) {
    if (!"off".equalsIgnoreCase(autovacuum)) {
      return Optional.empty();
    }
    return Optional.of("PostgreSQL runs with autovacuum = off: the engine's tables get no fresh statistics while "
        + "they grow, and plans made on small tables stay in use (a campaign of 100,000 ran at a fifth of its "
        + "rate). Turn autovacuum on, or ANALYZE the database after large campaigns (docs/operations.md).");
  }
}
