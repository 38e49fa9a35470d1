package org.yibaoflow.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Two nodes started together on a brand-new PostgreSQL database (issue 20 item 4): Camunda creates its
 * {@code ACT_*} tables ({@code schema-update: true}) without any lock, and one of two nodes creating them at once
 * failed with {@code ENGINE-03017 ... duplicate key value violates unique constraint "pg_type_typname_nsp_index"}.
 * This plugin holds a PostgreSQL session advisory lock from before the engine is configured until it is built
 * (schema created or checked), so the second node waits, then finds the schema and starts normally. The lock
 * lives on one connection of its own and ends with it, also when a node dies while holding it.
 * <p>
 * On H2 it takes no lock: the embedded database serves one node (docs/operations.md). On both, once the engine is
 * built, it adds this application's indexes to the engine's tables ({@link EngineIndexes}).
 */
@Component
class SchemaCreationLock extends AbstractProcessEnginePlugin implements DisposableBean {

  /** The advisory lock key: any constant no other code of the application uses. */
  static final long LOCK_KEY = 0x7969_6261_6f5f_7363L;
  private static final Logger log = LoggerFactory.getLogger(SchemaCreationLock.class);

  private final DataSource dataSource;
  private Connection held;

  SchemaCreationLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!isPostgres(connection)) {
        connection.close();
        return;
      }
      long started = System.nanoTime();
      try (Statement s = connection.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      }
      held = connection;
      long waited = (System.nanoTime() - started) / 1_000_000;
      if (waited > 1000) {
        log.info("Waited {} ms for another node to create or check the engine schema", waited);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the schema creation lock", e);
    }
  }

  /** The engine's schema is there: this application's indexes on it (EngineIndexes), then the lock is released. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try {
      synchronized (this) {
        if (held != null) {
          EngineIndexes.ensure(held);
          EngineIndexes.statisticsWarning(held).ifPresent(log::warn);
        } else {
          try (Connection c = dataSource.getConnection()) {
            EngineIndexes.ensure(c);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the application's indexes on the engine's tables", e);
    } finally {
      release();
    }
  }

  /** The engine failed to build: the lock must not outlive this node's attempt. */
  @Override
  public void destroy() {
    release();
  }

  synchronized boolean holding() {
    return held != null;
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection c = held; Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
    } catch (SQLException e) {
      // closing the connection ends the session and with it the lock
      log.warn("Releasing the schema creation lock: {}", e.getMessage());
    } finally {
      held = null;
    }
  }

  private static boolean isPostgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
  }
}
