package org.yibaoflow.reliability;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.yibaoflow.evaluation.CampaignBulk;

/**
 * Not a test (issue 20 item 3): kill -9 of the application in the middle of a running evaluation campaign
 * (R-EVA-1), restarted each time, on the H2 file database or PostgreSQL. The application runs as a child JVM
 * (demo profile, the demo supervisor opens the campaign over HTTP as a person would); the drill kills it with
 * SIGKILL when a given share of the scoring tasks is open, starts it again, and at the end checks that every
 * agreement in force has exactly one evaluation, one process instance and one 考核评分 task, that no job has run
 * out of retries, no incident is open, and that the engine's job list still answers. Prints the figures, among them
 * how long after each restart the first new task appeared, and exits non-zero when a count is wrong.
 * <pre>
 * reliability/crash-drill.sh [h2|postgres] [agreements] [kills]
 * </pre>
 * With {@code postgres} the database {@code YIBAO_DB_NAME} (default yibaoflow_drill) is dropped and created anew.
 */
public final class CrashDrill {

  static final String REGION = "huaibei";

  private CrashDrill() {
  }

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("drill.db", "h2");
    int n = Integer.getInteger("drill.agreements", 3_000);
    int kills = Integer.getInteger("drill.kills", 3);
    Path dir = Path.of("target", "drill", db).toAbsolutePath();
    Node.deleteRecursively(dir);
    Files.createDirectories(dir);
    DrillDatabase database = DrillDatabase.of(db, dir);
    database.recreate();
    if ("timers".equals(System.getProperty("drill.workload"))) {
      TimerDrill.run(db, n, kills, Integer.getInteger("drill.nodes", 1), dir, database);
      return;
    }
    int year = LocalDate.now().getYear();
    List<String> report = new ArrayList<>();

    // 1. the schema and the demo data, then the drill's agreements while no node runs; with two nodes (PostgreSQL),
    // both start together on the new database and must deploy and seed once (issue 20 item 4)
    Node other = null;
    if (Integer.getInteger("drill.nodes", 1) == 2) {
      List<Node> both = Node.startTogether(database, dir);
      other = both.get(1);
      both.get(0).stop();
      report.add(TwoNodes.startedTogether(database));
    } else {
      Node.start(database, dir, 0).stop();
    }
    try (SingleConnectionDataSource ds = database.dataSource()) {
      CampaignBulk.insert(new JdbcTemplate(ds), REGION, n, year);
    }

    // 2. the demo supervisor opens the campaign; kill -9 at each share of the scoring tasks (with two nodes the
    // second runs throughout and is never killed)
    Node node = Node.start(database, dir, 1);
    HttpResponse<String> opened = node.post("/api/evaluation-campaigns", "chenmin",
        "{\"region\":\"" + REGION + "\",\"year\":" + year + "}");
    if (opened.statusCode() != 201) {
      throw new IllegalStateException("opening the campaign: " + opened.statusCode() + " " + opened.body());
    }
    int total = intField(opened.body(), "totalAgreements");
    long t0 = System.nanoTime();
    for (int k = 1; k <= kills; k++) {
      long threshold = (long) total * k / (kills + 1);
      node.waitForScoringTasks(threshold, Duration.ofMinutes(30));
      long before = node.scoringTasks();
      long killedAt = System.nanoTime();
      node.kill();
      report.add(String.format("kill %d at %.0f s with %,d of %,d scoring tasks open", k, seconds(t0), before,
          total));
      if (other != null) {
        // two nodes: the killed one stays dead, the survivor carries on alone (its own jobs at once, the dead
        // node's when their locks expire)
        node = other;
        other = null;
        long resumedAfter = node.waitForScoringTasks(before + 1, Duration.ofMinutes(15));
        report.add(String.format("  the other node goes on alone; first new scoring task %.1f s after the kill",
            (resumedAfter - killedAt) / 1e9));
        continue;
      }
      long restart = System.nanoTime();
      node = Node.start(database, dir, k + 1);
      double up = seconds(restart);
      long resumedAfter = node.waitForScoringTasks(before + 1, Duration.ofMinutes(15));
      report.add(String.format("  node up again %.1f s after the restart; first new scoring task %.1f s after the "
          + "kill", up, (resumedAfter - killedAt) / 1e9));
    }
    node.waitForScoringTasks(total, Duration.ofMinutes(60));
    double all = seconds(t0);
    String jobs = node.get("/engine-rest/job?maxResults=1", "demo").statusCode() + "";
    node.stop();
    if (other != null) {
      other.stop();
    }

    // 3. the counts, with no node running
    boolean ok;
    try (SingleConnectionDataSource ds = database.dataSource()) {
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      long items = count(jdbc, "select count(*) from evaluation_item where region = ?", REGION);
      long distinct = count(jdbc, "select count(distinct agreement_id) from evaluation_item where region = ?",
          REGION);
      long instances = count(jdbc, "select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on "
          + "d.ID_ = e.PROC_DEF_ID_ where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'annual-evaluation' and e.TENANT_ID_ = ?",
          REGION);
      long keys = count(jdbc, "select count(distinct e.BUSINESS_KEY_) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d "
          + "on d.ID_ = e.PROC_DEF_ID_ where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'annual-evaluation' "
          + "and e.TENANT_ID_ = ?", REGION);
      long tasks = count(jdbc, "select count(*) from ACT_RU_TASK where TENANT_ID_ = ? and TASK_DEF_KEY_ = 'Task_Score'",
          REGION);
      long notGathered = count(jdbc, "select count(*) from evaluation_item where region = ? and status = 'STARTED'",
          REGION);
      long deadJobs = count(jdbc, "select count(*) from ACT_RU_JOB where RETRIES_ = 0");
      long incidents = count(jdbc, "select count(*) from ACT_RU_INCIDENT");
      report.add(String.format("agreements in force %,d | evaluations %,d (distinct agreements %,d) | process "
          + "instances %,d (distinct keys %,d) | scoring tasks %,d | still STARTED %,d | jobs without retries %d "
          + "| incidents %d | GET /engine-rest/job %s | all tasks open after %.0f s", total, items, distinct,
          instances, keys, tasks, notGathered, deadJobs, incidents, jobs, all));
      ok = items == total && distinct == total && instances == total && keys == total && tasks == total
          && notGathered == 0 && deadJobs == 0 && incidents == 0 && "200".equals(jobs);
    }
    System.out.println();
    System.out.println("Crash drill, " + OffsetDateTime.now() + ", " + db + ", " + n + " agreements added, " + kills
        + " kill -9, " + Runtime.getRuntime().availableProcessors() + " cores");
    report.forEach(System.out::println);
    System.out.println(ok ? "drill: every count right" : "drill: WRONG COUNT");
    System.exit(ok ? 0 : 1);
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static long count(JdbcTemplate jdbc, String sql, Object... args) {
    Long c = jdbc.queryForObject(sql, Long.class, args);
    return c == null ? 0 : c;
  }

  static int intField(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException(name + " not in " + json);
    }
    return Integer.parseInt(m.group(1));
  }

  /** The application as a child JVM of the drill, on a port of its own, its output in a log file. */
  static final class Node {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final int port;

    private Node(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    /** Two nodes launched at the same instant; returns when both answer. */
    static List<Node> startTogether(DrillDatabase database, Path dir) throws Exception {
      return startTogether(database, dir, 100);
    }

    /** Two nodes launched at the same instant, runs {@code run} and {@code run + 1}; returns when both answer. */
    static List<Node> startTogether(DrillDatabase database, Path dir, int run) throws Exception {
      Node a = launch(database, dir, run);
      Node b = launch(database, dir, run + 1);
      a.awaitUp(run, dir);
      b.awaitUp(run + 1, dir);
      return new ArrayList<>(List.of(a, b));
    }

    static Node start(DrillDatabase database, Path dir, int run) throws Exception {
      Node node = launch(database, dir, run);
      node.awaitUp(run, dir);
      return node;
    }

    private static Node launch(DrillDatabase database, Path dir, int run) throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-Duser.timezone=Asia/Shanghai", "-cp", System.getProperty("java.class.path"),
          "org.yibaoflow.Application", "--server.port=" + port, "--logging.level.root=WARN"));
      cmd.addAll(database.arguments());
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(dir.resolve("node-" + run + ".log").toFile());
      pb.environment().putAll(database.environment());
      return new Node(pb.start(), port);
    }

    private void awaitUp(int run, Path dir) throws Exception {
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("node " + run + " died at start, see " + dir.resolve("node-" + run + ".log"));
        }
        try {
          if (get("/actuator/health", null).statusCode() == 200) {
            return;
          }
        } catch (java.io.IOException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      throw new IllegalStateException("node " + run + " did not start within 5 minutes");
    }

    /** SIGKILL: no shutdown hook, no commit of what is in flight. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }

    long scoringTasks() throws Exception {
      HttpResponse<String> r = get("/engine-rest/task/count?taskDefinitionKey=Task_Score&tenantIdIn=" + REGION, "demo");
      return r.statusCode() == 200 ? intField(r.body(), "count") : -1;
    }

    /** Waits until at least {@code n} scoring tasks are open; returns System.nanoTime() then. */
    long waitForScoringTasks(long n, Duration max) throws Exception {
      long deadline = System.nanoTime() + max.toNanos();
      while (scoringTasks() < n) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("fewer than " + n + " scoring tasks after " + max);
        }
        Thread.sleep(250);
      }
      return System.nanoTime();
    }

    /** A count of /engine-rest as the demo administrator; -1 when it does not answer 200. */
    long count(String path) throws Exception {
      HttpResponse<String> r = get(path, "demo");
      return r.statusCode() == 200 ? intField(r.body(), "count") : -1;
    }

    /** Waits until the count of {@code path} is at least {@code n}; returns System.nanoTime() then. */
    long waitFor(String path, long n, Duration max) throws Exception {
      long deadline = System.nanoTime() + max.toNanos();
      while (count(path) < n) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("fewer than " + n + " of " + path + " after " + max);
        }
        Thread.sleep(250);
      }
      return System.nanoTime();
    }

    HttpResponse<String> get(String path, String user) throws Exception {
      return HTTP.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String user, String json) throws Exception {
      return HTTP.send(request(path, user).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60));
      if (user != null) {
        b.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
      }
      return b;
    }

    static void deleteRecursively(Path dir) {
      File f = dir.toFile();
      if (f.isDirectory()) {
        for (File c : f.listFiles()) {
          deleteRecursively(c.toPath());
        }
      }
      f.delete();
    }
  }
}
