package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibaoflow.support.PostgresAdmin.ADMIN;
import static org.yibaoflow.support.PostgresAdmin.env;
import static org.yibaoflow.support.PostgresAdmin.url;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 20 item 4: two nodes started together on a brand-new PostgreSQL database both come up. Two engines are
 * built at the same instant (a barrier) on a database created for this test, each with its own pool and with the
 * application's {@link SchemaCreationLock}, as two JVMs would; without the lock one of them failed on the
 * concurrent {@code CREATE TABLE}s (docs/operations.md). PostgreSQL only (CI's second step: {@code -Ppostgres-it});
 * the embedded H2 database serves one node.
 */
class FreshDatabaseStartPostgresIT {


  private final String database = "yibaoflow_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final List<ProcessEngine> engines = new ArrayList<>();

  @BeforeEach
  void createDatabase() throws SQLException {
    admin("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    engines.forEach(ProcessEngine::close);
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void twoNodesOnABrandNewDatabaseBothStart() throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<ProcessEngine>> started = new ArrayList<>();
    for (int node = 1; node <= 2; node++) {
      String name = "node" + node + "-" + database;
      started.add(nodes.submit(() -> {
        together.await(30, TimeUnit.SECONDS);
        return engine(name);
      }));
    }
    List<String> failures = new ArrayList<>();
    for (Future<ProcessEngine> f : started) {
      try {
        engines.add(f.get(5, TimeUnit.MINUTES));
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(String.valueOf(e.getCause()));
      }
    }
    nodes.shutdownNow();

    assertThat(failures).as("both nodes start").isEmpty();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ge_property WHERE name_ = 'schema.version'",
        Integer.class)).as("one engine schema").isEqualTo(1);
    assertThat(engines).allSatisfy(e -> assertThat(e.getRepositoryService().createDeploymentQuery().count())
        .as("each node works on the schema").isZero());
  }

  /**
   * The lock itself, deterministically: while one node holds it (configured, engine not yet built) a second
   * node's start waits in PostgreSQL (seen as an ungranted advisory lock), and goes on once the first is built.
   */
  @Test
  void aSecondNodeWaitsUntilTheFirstHasBuiltItsEngine() throws Exception {
    SchemaCreationLock first = new SchemaCreationLock(dataSource());
    SchemaCreationLock second = new SchemaCreationLock(dataSource());
    first.preInit(null);
    ExecutorService node2 = Executors.newSingleThreadExecutor();
    Future<?> secondStart = node2.submit(() -> second.preInit(null));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource());
    String waiting = "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    while (jdbc.queryForObject(waiting, Integer.class) == 0) {
      assertThat(secondStart.isDone()).as("the second node may not pass while the first holds the lock").isFalse();
      Thread.onSpinWait();
    }
    assertThat(secondStart.isDone()).isFalse();

    // the first node's engine has created its schema (a stand-in of the table the application indexes then)
    jdbc.execute("CREATE TABLE ACT_RU_VARIABLE (EXECUTION_ID_ varchar(64), TASK_ID_ varchar(64))");
    first.postProcessEngineBuild(null);
    secondStart.get(1, TimeUnit.MINUTES);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'yibao_idx_var_exe_task'",
        Integer.class)).as("the application's index, created before the lock was released").isEqualTo(1);
    assertThat(second.holding()).isTrue();
    second.destroy();
    assertThat(second.holding()).isFalse();
    node2.shutdownNow();
  }

  private ProcessEngine engine(String name) {
    DriverManagerDataSource dataSource = dataSource();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setMetricsEnabled(false);
    configuration.getProcessEnginePlugins().add(new SchemaCreationLock(dataSource));
    return configuration.buildProcessEngine();
  }

  private DriverManagerDataSource dataSource() {
    return new DriverManagerDataSource(url(database), env("YIBAO_DB_USER", ADMIN), env("YIBAO_DB_PASSWORD", ""));
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), ADMIN, ""); Statement s = c.createStatement()) {
      s.execute(sql);
      if (sql.startsWith("CREATE DATABASE")) {
        s.execute("ALTER DATABASE " + database + " OWNER TO " + env("YIBAO_DB_USER", ADMIN));
      }
    }
  }
}
