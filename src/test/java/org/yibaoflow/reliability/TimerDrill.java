package org.yibaoflow.reliability;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.yibaoflow.reliability.CrashDrill.Node;

/**
 * The timer workload of the crash drill (issue 20 items 3 and 4, {@code -Ddrill.workload=timers}): N violation cases
 * of drill institutions (codes T...) opened by the demo caseworker over POST /api/violation-cases, their 调查取证
 * completed over /engine-rest with the finding RECORDS_NOT_PROVIDED, so that each waits in document-production
 * (R-VIO-7: settlement suspended, document request issued, deadline timer TimerEventDefinition_DocumentDeadline
 * running). Then, with no node running, the drill sets those timer jobs' due date to now ("time passing": the
 * 7-day deadline of R-TIME-2 has run out), starts the node(s) and kills one with SIGKILL each time a share of the
 * terminations (解除协议 + R-VIO-9 ban) is recorded. With one node it is restarted each time; with two nodes
 * (PostgreSQL, {@code -Ddrill.nodes=2}) the killed node stays dead and the survivor must finish. The counts are
 * checked by {@link TimerCounts} with SQL after the last node stopped.
 */
final class TimerDrill {

  private static final String REGION = CrashDrill.REGION;
  private static final String CASEWORKER = "zhangjing";
  private static final String FINISHED = "/engine-rest/history/process-instance/count?processDefinitionKey="
      + "document-production&finished=true";
  private static final String OPEN_CASES = "/engine-rest/process-instance/count?processDefinitionKey=violation-case"
      + "&tenantIdIn=" + REGION;

  private TimerDrill() {
  }

  static void run(String db, int n, int kills, int nodes, Path dir, DrillDatabase database) throws Exception {
    List<String> report = new ArrayList<>();
    Node other = null;
    if (nodes == 2) {
      List<Node> both = Node.startTogether(database, dir, 100);
      both.get(0).stop();
      both.get(1).stop();
      report.add(TwoNodes.startedTogether(database));
    } else {
      Node.start(database, dir, 0).stop();
    }
    try (SingleConnectionDataSource ds = database.dataSource()) {
      insertInstitutions(new JdbcTemplate(ds), n, LocalDate.now().getYear());
    }

    // 1. the cases through their real process, to the wait on the document deadline (R-VIO-7)
    Node node = Node.start(database, dir, 1);
    long t0 = System.nanoTime();
    long timersBefore = node.count("/engine-rest/job/count?timers=true&processDefinitionKey=document-production");
    long openBefore = node.count(OPEN_CASES);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> opened = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String code = String.format("T%011d", i);
      Node setup = node;
      opened.add(pool.submit(() -> openAwaitingDocuments(setup, code)));
    }
    for (Future<String> f : opened) {
      f.get();
    }
    pool.shutdown();
    node.waitFor("/engine-rest/job/count?timers=true&processDefinitionKey=document-production", timersBefore + n,
        Duration.ofMinutes(30));
    report.add(String.format("setup: %,d cases opened and investigated over HTTP, each waiting on its document "
        + "deadline, in %.0f s", n, CrashDrill.seconds(t0)));
    // document-production instances finished before the deadlines are due (the demo's): the base of the progress
    long base = node.count(FINISHED);
    node.stop();

    // 2. time passes: the deadlines are due (no node running; with two nodes on PostgreSQL both are started first,
    // so that the timers fire while both run and the kill falls in the middle of the run)
    List<Node> running = new ArrayList<>();
    if (nodes == 2) {
      running.addAll(Node.startTogether(database, dir, 200));
      kills = 1;
    }
    try (SingleConnectionDataSource ds = database.dataSource()) {
      int due = new JdbcTemplate(ds).update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE TYPE_ = 'timer' AND "
          + "PROCESS_DEF_KEY_ = 'document-production' AND PROCESS_INSTANCE_ID_ IN (SELECT e.ID_ "
          + "FROM ACT_RU_EXECUTION e WHERE e.ID_ = e.PROC_INST_ID_ AND e.BUSINESS_KEY_ IN (" + TimerCounts.MY_CASES
          + "))",
          Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
      report.add(String.format("%,d document-deadline timers made due", due));
    }

    // 3. the timers fire; kill -9 at each share of the terminations
    if (nodes != 2) {
      running.add(Node.start(database, dir, 2));
    }
    node = running.get(0);
    long fire0 = System.nanoTime();
    for (int k = 1; k <= kills; k++) {
      long threshold = base + (long) n * k / (kills + 1);
      node.waitFor(FINISHED, threshold, Duration.ofMinutes(30));
      long before = node.count(FINISHED) - base;
      long killedAt = System.nanoTime();
      node.kill();
      running.remove(node);
      report.add(String.format("kill %d at %.0f s with %,d of %,d terminations recorded", k,
          CrashDrill.seconds(fire0), before, n));
      if (running.isEmpty()) {
        long restart = System.nanoTime();
        running.add(Node.start(database, dir, 2 + k));
        report.add(String.format("  node up again %.1f s after the restart", CrashDrill.seconds(restart)));
      } else {
        report.add("  the killed node is not restarted; the other node carries on");
      }
      node = running.get(0);
      if (before >= n) {
        report.add("  (every timer had fired before this kill: use a larger N for a kill mid-run)");
        continue;
      }
      long resumed = node.waitFor(FINISHED, base + before + 1, Duration.ofMinutes(15));
      report.add(String.format("  first new termination %.1f s after the kill", (resumed - killedAt) / 1e9));
    }
    node.waitFor(FINISHED, base + n, Duration.ofMinutes(60));
    double firedAll = CrashDrill.seconds(fire0);
    // the cases close after the terminations (Task_CloseCase, asyncBefore): wait until none of the drill's is open
    long open;
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while ((open = node.count(OPEN_CASES) - openBefore) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    double closedAll = CrashDrill.seconds(fire0);
    String jobs = node.get("/engine-rest/job?maxResults=1", "demo").statusCode() + "";
    for (Node r : running) {
      r.stop();
    }
    report.add(String.format("all %,d timers fired and terminations recorded %.0f s after the first start; cases "
        + "closed after %.0f s (drill cases still open in %s: %d); GET /engine-rest/job %s", n, firedAll,
        closedAll, REGION, open, jobs));

    // 4. the counts, with no node running
    boolean ok;
    try (SingleConnectionDataSource ds = database.dataSource()) {
      ok = TimerCounts.check(new JdbcTemplate(ds), n, report) && "200".equals(jobs);
    }
    System.out.println();
    System.out.println("Timer crash drill, " + OffsetDateTime.now() + ", " + db + ", " + nodes + " node(s), " + n
        + " cases, " + kills + " kill -9, " + Runtime.getRuntime().availableProcessors() + " cores");
    report.forEach(System.out::println);
    System.out.println(ok ? "drill: every count right" : "drill: WRONG COUNT");
    System.exit(ok ? 0 : 1);
  }

  /** The drill's institutions (codes T...), each with an agreement in force, written while no node runs. */
  static void insertInstitutions(JdbcTemplate jdbc, int n, int year) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {REGION, String.format("T%011d", i), "期限演练医院" + i, "HOSPITAL",
          String.format("92%016d", i), now, now});
    }
    jdbc.batchUpdate("INSERT INTO institution (region, code, name, type, credit_code, created_at, updated_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    jdbc.update("INSERT INTO agreement (institution_id, region, period_start, period_end, state, suspension_count, "
        + "state_since, version, created_at) SELECT i.id, i.region, ?, ?, 'ACTIVE', 0, ?, 0, ? FROM institution i "
        + "WHERE i.code LIKE 'T%' AND NOT EXISTS (SELECT 1 FROM agreement a WHERE a.institution_id = i.id)",
        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), now, now);
  }

  /** 立案 then 调查取证 with RECORDS_NOT_PROVIDED, as the caseworker does it; returns the case number. */
  static String openAwaitingDocuments(Node node, String institutionCode) throws Exception {
    HttpResponse<String> r = node.post("/api/violation-cases", CASEWORKER, "{\"source\":\"SMART_MONITORING\","
        + "\"institutionCode\":\"" + institutionCode + "\",\"suspectedViolations\":[\"RECORDS_NOT_PROVIDED\"],"
        + "\"suspectedAmount\":5000,\"summary\":\"定时器演练\"}");
    if (r.statusCode() != 201) {
      throw new IllegalStateException("opening a case for " + institutionCode + ": " + r.statusCode() + " " + r.body());
    }
    String caseNo = field(r.body(), "caseNo");
    String pi = field(r.body(), "processInstanceId");
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    String taskId = null;
    while (taskId == null) {
      HttpResponse<String> t = node.get("/engine-rest/task?processInstanceId=" + pi
          + "&taskDefinitionKey=Task_Investigate", CASEWORKER);
      Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(t.body());
      if (t.statusCode() == 200 && m.find()) {
        taskId = m.group(1);
      } else if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no 调查取证 task for " + caseNo + ": " + t.body());
      } else {
        Thread.sleep(200);
      }
    }
    HttpResponse<String> c = node.post("/engine-rest/task/" + taskId + "/complete", CASEWORKER,
        "{\"variables\":{\"findingCodes\":{\"value\":\"RECORDS_NOT_PROVIDED\",\"type\":\"String\"},"
            + "\"investigationNote\":{\"value\":\"未提供电子病历\",\"type\":\"String\"}}}");
    if (c.statusCode() != 200 && c.statusCode() != 204) {
      throw new IllegalStateException("completing 调查取证 of " + caseNo + ": " + c.statusCode() + " " + c.body());
    }
    return caseNo;
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException(name + " not in " + json);
    }
    return m.group(1);
  }
}
