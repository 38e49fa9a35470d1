package org.yibaoflow.platform;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cluster-wide start-up lock: the row {@code deployment.lock} of Camunda's {@code ACT_GE_PROPERTY}, locked
 * with {@code SELECT ... FOR UPDATE} in the caller's transaction. Work given to {@link #exclusively} runs in one
 * transaction that holds the row until it commits, so two nodes starting together compare-and-deploy and seed
 * one after the other, and the second sees what the first committed.
 * <p>
 * On PostgreSQL this is the very lock the engine takes for every deployment (so a Modeler deployment waits
 * too). The engine's own {@code PropertyManager.acquireExclusiveLock()} does nothing on H2 (Camunda skips
 * pessimistic locks there), which is why this class locks the row itself: the same statement works on both.
 */
@Component
public class EngineLock {

  /** How long a node waits on H2 for another node's start-up (PostgreSQL waits without limit). */
  static final int H2_WAIT_MILLIS = 300_000;
  private static final String LOCK_ROW = "SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'deployment.lock' FOR UPDATE";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final boolean h2;

  EngineLock(DataSource dataSource, PlatformTransactionManager transactionManager) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(transactionManager);
    this.h2 = isH2(dataSource);
  }

  /**
   * Runs {@code work} in one transaction (joining one that is open) after locking the engine's deployment lock
   * row; another node's (or thread's) call waits until this one has committed or rolled back.
   */
  public <T> T exclusively(Supplier<T> work) {
    return transaction.execute(status -> {
      lockRow();
      return work.get();
    });
  }

  public void exclusively(Runnable work) {
    exclusively(() -> {
      work.run();
      return null;
    });
  }

  private void lockRow() {
    if (!h2) {
      jdbc.queryForList(LOCK_ROW);
      return;
    }
    // H2 gives up on a row lock after its session LOCK_TIMEOUT (2 s by default, 30 s in the product's URL); a
    // start-up may hold it longer (a session setting: back to the session's own value afterwards, the connection
    // returns to the pool)
    Integer before = jdbc.queryForObject("SELECT LOCK_TIMEOUT()", Integer.class);
    jdbc.execute("SET LOCK_TIMEOUT " + H2_WAIT_MILLIS);
    try {
      jdbc.queryForList(LOCK_ROW);
    } finally {
      jdbc.execute("SET LOCK_TIMEOUT " + before);
    }
  }

  static boolean isH2(DataSource dataSource) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
      return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("h2");
    } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}
