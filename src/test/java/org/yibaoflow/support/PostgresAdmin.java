package org.yibaoflow.support;

/**
 * Where the PostgreSQL-only tests reach the server and its administrator (as `.ci/run` does: YIBAO_DB_HOST/PORT,
 * PGADMIN_USER, trust authentication on the CI machines), for creating and dropping databases of their own.
 */
public final class PostgresAdmin {

  public static final String HOST = env("YIBAO_DB_HOST", "127.0.0.1");
  public static final String PORT = env("YIBAO_DB_PORT", "5432");
  public static final String ADMIN = env("PGADMIN_USER", "postgres");

  private PostgresAdmin() {
  }

  public static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  /** An environment variable, else the system property of that name (failsafe passes YIBAO_DB_NAME so), else the fallback. */
  public static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? System.getProperty(name, fallback) : v;
  }
}
