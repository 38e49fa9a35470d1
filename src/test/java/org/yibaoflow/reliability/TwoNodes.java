package org.yibaoflow.reliability;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** What two nodes started together on a new database must leave: each model deployed once, the demo seeded once. */
final class TwoNodes {

  private TwoNodes() {
  }

  static String startedTogether(DrillDatabase database) {
    try (SingleConnectionDataSource ds = database.dataSource()) {
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      long deployments = CrashDrill.count(jdbc, "select count(*) from ACT_RE_DEPLOYMENT");
      long processes = CrashDrill.count(jdbc, "select count(*) from ACT_RE_PROCDEF");
      long twice = CrashDrill.count(jdbc, "select count(*) from (select KEY_ from ACT_RE_PROCDEF group by KEY_ "
          + "having count(*) > 1) p") + CrashDrill.count(jdbc, "select count(*) from (select KEY_ from "
          + "ACT_RE_DECISION_DEF group by KEY_ having count(*) > 1) d") + CrashDrill.count(jdbc, "select count(*) "
          + "from (select KEY_ from ACT_RE_CAMFORMDEF group by KEY_ having count(*) > 1) f");
      long users = CrashDrill.count(jdbc, "select count(*) from ACT_ID_USER");
      long institutions = CrashDrill.count(jdbc, "select count(*) from institution");
      String line = String.format("two nodes started together on a new database: %d deployment(s), %d process "
          + "definitions, %d models deployed twice, %d users, %d demo institutions", deployments, processes, twice,
          users, institutions);
      if (twice > 0 || deployments != 1) {
        throw new IllegalStateException("WRONG COUNT: " + line);
      }
      return line;
    }
  }
}
