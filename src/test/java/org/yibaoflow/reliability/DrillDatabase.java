package org.yibaoflow.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The database a drill's nodes share: an H2 file under the drill's folder, or a scratch PostgreSQL database. */
interface DrillDatabase {

  /** Arguments for the application: profiles and data source. */
  List<String> arguments();

  Map<String, String> environment();

  /** A connection of the drill's own, used only while no node runs (an H2 file is the node's while it runs). */
  SingleConnectionDataSource dataSource();

  /** Starts from nothing: a new H2 file (the folder is new) or the PostgreSQL database dropped and created. */
  void recreate();

  static DrillDatabase of(String kind, Path dir) {
    return "postgres".equals(kind) ? new Postgres() : new H2(dir.resolve("yibao-flow"));
  }

  record H2(Path file) implements DrillDatabase {
    String url() {
      // the product's settings (application.yml) on the drill's file
      return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=30000";
    }

    @Override
    public List<String> arguments() {
      return List.of("--spring.profiles.active=demo", "--spring.datasource.url=" + url());
    }

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public SingleConnectionDataSource dataSource() {
      return new SingleConnectionDataSource(url(), "sa", "", true);
    }

    @Override
    public void recreate() {
      // the drill's folder was deleted: the first node creates the file
    }
  }

  final class Postgres implements DrillDatabase {
    private final String host = env("YIBAO_DB_HOST", "127.0.0.1");
    private final String port = env("YIBAO_DB_PORT", "5432");
    private final String name = env("YIBAO_DB_NAME", "yibaoflow_drill");
    private final String user = env("YIBAO_DB_USER", "yibaoflow");
    private final String password = env("YIBAO_DB_PASSWORD", "yibaoflow");

    private static String env(String key, String fallback) {
      String v = System.getenv(key);
      return v == null || v.isBlank() ? fallback : v;
    }

    private String url(String db) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    @Override
    public List<String> arguments() {
      return List.of("--spring.profiles.active=demo,postgres");
    }

    @Override
    public Map<String, String> environment() {
      return Map.of("YIBAO_DB_HOST", host, "YIBAO_DB_PORT", port, "YIBAO_DB_NAME", name, "YIBAO_DB_USER", user,
          "YIBAO_DB_PASSWORD", password);
    }

    @Override
    public SingleConnectionDataSource dataSource() {
      return new SingleConnectionDataSource(url(name), user, password, true);
    }

    @Override
    public void recreate() {
      String admin = env("PGADMIN_USER", "postgres");
      try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url("postgres"), admin, "", true)) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        jdbc.execute("CREATE DATABASE " + name + " OWNER " + user + " ENCODING 'UTF8' TEMPLATE template0");
      }
    }
  }
}
