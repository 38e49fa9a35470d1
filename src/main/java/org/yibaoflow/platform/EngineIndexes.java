package org.yibaoflow.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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
}
