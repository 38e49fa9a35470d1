package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibaoflow.support.IntegrationTest;

/**
 * The application's index on the engine's variables is there after start-up, on H2 and (CI's second step)
 * PostgreSQL, with its columns in the order the engine's read of an execution's variables needs (issue 20 item 1):
 * without it a campaign on PostgreSQL fell to 16 scoring tasks a second (docs/operations.md).
 */
@IntegrationTest
class EngineIndexesIT {

  @Autowired
  DataSource dataSource;

  @Test
  void theVariablesOfAnExecutionAreFoundByOneIndexOnExecutionThenTask() throws Exception {
    Map<String, List<String>> columnsByIndex = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      String table = c.getMetaData().storesLowerCaseIdentifiers() ? "act_ru_variable" : "ACT_RU_VARIABLE";
      try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
        while (rs.next()) {
          if (rs.getString("INDEX_NAME") != null && rs.getString("COLUMN_NAME") != null) {
            columnsByIndex.computeIfAbsent(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                .add(rs.getShort("ORDINAL_POSITION") - 1, rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    assertThat(columnsByIndex).containsEntry("YIBAO_IDX_VAR_EXE_TASK", List.of("EXECUTION_ID_", "TASK_ID_"));
  }
}
