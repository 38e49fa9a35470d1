package org.yibaoflow.platform;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For benchmarks only (TasklistBenchmark): copies the runtime rows the engine wrote for one process instance waiting
 * in a user task (execution, task, its identity links, variables, the task's authorizations) many times with new
 * ids, so 100,000 open tasks exist in minutes instead of the hours 100,000 starts take on a loaded 2-core machine.
 * Every id of a row of the template instance is replaced by id + "-" + copy wherever it appears in those rows;
 * shared references (process definition, tenant, group) stay. Each copy's task is created one second earlier than
 * the previous, so sorting by creation date has work to do.
 */
final class TaskRowCloner {

  private final JdbcTemplate jdbc;
  private final String processInstanceId;
  private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
  private final Set<String> ids = new HashSet<>();

  TaskRowCloner(JdbcTemplate jdbc, String processInstanceId) {
    this.jdbc = jdbc;
    this.processInstanceId = processInstanceId;
    String tasks = "(select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)";
    rows.put("ACT_RU_EXECUTION", jdbc.queryForList("select * from ACT_RU_EXECUTION where PROC_INST_ID_ = ?",
        processInstanceId));
    rows.put("ACT_RU_TASK", jdbc.queryForList("select * from ACT_RU_TASK where PROC_INST_ID_ = ?", processInstanceId));
    rows.put("ACT_RU_IDENTITYLINK", jdbc.queryForList("select * from ACT_RU_IDENTITYLINK where TASK_ID_ in " + tasks,
        processInstanceId));
    rows.put("ACT_RU_VARIABLE", jdbc.queryForList("select * from ACT_RU_VARIABLE where PROC_INST_ID_ = ?",
        processInstanceId));
    rows.put("ACT_RU_AUTHORIZATION", jdbc.queryForList(
        "select * from ACT_RU_AUTHORIZATION where RESOURCE_ID_ in " + tasks, processInstanceId));
    rows.values().forEach(list -> list.forEach(r -> ids.add((String) r.get("ID_"))));
  }

  String processInstanceId() {
    return processInstanceId;
  }

  /** Copies the template instance {@code count} times, numbering the copies from {@code first}. */
  void copy(int first, int count) {
    for (var table : rows.entrySet()) {
      if (table.getValue().isEmpty()) {
        continue;
      }
      List<String> columns = new ArrayList<>(table.getValue().get(0).keySet());
      String sql = "insert into " + table.getKey() + " (" + String.join(", ", columns) + ") values ("
          + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
      List<Object[]> args = new ArrayList<>();
      for (int k = first; k < first + count; k++) {
        for (Map<String, Object> row : table.getValue()) {
          Object[] values = new Object[columns.size()];
          for (int c = 0; c < values.length; c++) {
            Object v = row.get(columns.get(c));
            if (v instanceof String s && ids.contains(s) || processInstanceId.equals(v)) {
              v = v + "-" + k;
            } else if ("CREATE_TIME_".equalsIgnoreCase(columns.get(c)) && v instanceof Timestamp t) {
              v = new Timestamp(t.getTime() - 1000L * k);
            }
            values[c] = v;
          }
          args.add(values);
        }
      }
      jdbc.batchUpdate(sql, args);
    }
  }
}
