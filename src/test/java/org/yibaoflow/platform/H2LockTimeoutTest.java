package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded H2 database's row-lock wait (issue 20 timer drill): with H2's default of 2 s (1 s on a connection
 * EngineLock had used), document-number jobs (document_number_counter is held until the job commits) that waited
 * longer under load failed three times and became incidents, without any crash. The product's URL (application.yml)
 * waits 30 s, and {@link EngineLock} gives the session its own value back after its longer wait.
 */
class H2LockTimeoutTest {

  /** The product's H2 URL with its settings, on an in-memory database of the test's own. */
  static String productUrl() throws Exception {
    String yml = Files.readString(Path.of("src/main/resources/application.yml"));
    Matcher m = Pattern.compile("url: jdbc:h2:file:\\./data/yibao-flow(;\\S*)").matcher(yml);
    assertThat(m.find()).as("the H2 URL of application.yml").isTrue();
    return "jdbc:h2:mem:lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
        + m.group(1).replace(";AUTO_SERVER=TRUE", "");
  }

  @Test
  void aSecondWriterOfTheCounterWaitsLongerThanH2sDefaultTwoSeconds() throws Exception {
    assertThat(secondWriter(productUrl())).isEqualTo(2);
  }

  @Test
  void withH2sDefaultTheSecondWriterGivesUpAfterTwoSeconds() {
    // what the drill met: the same two writers on H2's default settings
    assertThatThrownBy(() -> secondWriter("jdbc:h2:mem:lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))
        .hasStackTraceContaining("Timeout trying to lock table");
  }

  /** One transaction holds the counter row for 3 s; returns the counter after the second has also counted. */
  private static long secondWriter(String url) throws Exception {
    try (Connection a = DriverManager.getConnection(url, "sa", "");
        Connection b = DriverManager.getConnection(url, "sa", "")) {
      try (Statement s = a.createStatement()) {
        s.execute("CREATE TABLE counter (id INT PRIMARY KEY, last_value BIGINT NOT NULL)");
        s.execute("INSERT INTO counter VALUES (1, 0)");
      }
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      try (Statement s = a.createStatement()) {
        s.executeUpdate("UPDATE counter SET last_value = last_value + 1 WHERE id = 1");
      }
      CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
        try (Statement s = b.createStatement()) {
          s.executeUpdate("UPDATE counter SET last_value = last_value + 1 WHERE id = 1");
          b.commit();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(3000);
      a.commit();
      second.get(30, TimeUnit.SECONDS);
      try (Statement s = a.createStatement(); var rs = s.executeQuery("SELECT last_value FROM counter")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void engineLockGivesTheSessionItsOwnLockTimeoutBack() throws Exception {
    try (SingleConnectionDataSource ds = new SingleConnectionDataSource(productUrl(), "sa", "", true)) {
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      jdbc.execute("CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300), REV_ INT)");
      jdbc.update("INSERT INTO ACT_GE_PROPERTY VALUES ('deployment.lock', '0', 1)");
      assertThat(jdbc.queryForObject("SELECT LOCK_TIMEOUT()", Integer.class)).isEqualTo(30_000);

      new EngineLock(ds, new DataSourceTransactionManager(ds)).exclusively(() -> { });

      assertThat(jdbc.queryForObject("SELECT LOCK_TIMEOUT()", Integer.class)).isEqualTo(30_000);
    }
  }
}
