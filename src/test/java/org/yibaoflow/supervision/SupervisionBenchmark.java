package org.yibaoflow.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yibaoflow.Application;

/**
 * Not a test: how fast the supervision page's API answers with 10,000 and 100,000 open cases on H2 (or PostgreSQL) (a fresh file database under
 * target/benchmark/supervision). Each case is an instance of a minimal process with a caseworker's task with a due
 * date and a process deadline (timer) beside it, due dates spread from 5 days ago to 20 days ahead; a supervisor of
 * the region then asks for the overview, the deadlines and the incidents over HTTP, as the page does. (Real cases are
 * started through their services and processes, which takes minutes for 10,000 on a loaded machine; what the page
 * reads, tasks and timers of the region, is the same.) Run with
 * {@code ./mvnw -B -Pbenchmark -DskipTests test -Dbenchmark.main=org.yibaoflow.supervision.SupervisionBenchmark
 * [-Dbenchmark.cases=10000,100000] [-Dbenchmark.db=postgres]} (docs/supervision.md). For each size it times the
 * overview's engine figures the old way (InMemoryOverviewBaseline: every task and timer loaded) and the new way
 * (grouped SQL) side by side, checks both agree, then times the page's requests over HTTP.
 */
public final class SupervisionBenchmark {

  static final String REGION = "benchsup";
  static final String CASE = "bench-case";
  static final String USER = "benchsupervisor";
  static final String PASSWORD = "benchmark-only-password";

  private SupervisionBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = java.util.Arrays.stream(System.getProperty("benchmark.cases", "10000,100000").split(","))
        .map(String::trim).map(Integer::valueOf).sorted().toList();
    Path dir = Path.of("target", "benchmark", "supervision");
    deleteRecursively(dir);
    List<String> props = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--camunda.bpm.admin-user.password=" + PASSWORD, "--yibao.metrics.refresh-interval=PT1H",
        "--logging.level.root=WARN"));
    String db = System.getProperty("benchmark.db", "h2");
    if (db.equals("h2")) {
      props.add("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("yibao-bench"));
    }
    List<String> report = new ArrayList<>();
    SpringApplicationBuilder app = new SpringApplicationBuilder(Application.class);
    app = db.equals("h2") ? app.profiles("benchmark") : app.profiles("benchmark", "postgres");
    try (ConfigurableApplicationContext ctx = app.run(props.toArray(String[]::new))) {
      int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
      supervisor(ctx.getBean(IdentityService.class));
      ctx.getBean(RepositoryService.class).createDeployment().name(CASE)
          .addModelInstance(CASE + ".bpmn", benchCase()).deploy();
      InMemoryOverviewBaseline before = new InMemoryOverviewBaseline(ctx.getBean(TaskService.class),
          ctx.getBean(RuntimeService.class), ctx.getBean(ManagementService.class), ctx.getBean(RepositoryService.class),
          ctx.getBean(org.camunda.bpm.engine.HistoryService.class), ctx.getBean(EngineNames.class),
          ctx.getBean(java.time.Clock.class));
      OverviewService after = ctx.getBean(OverviewService.class);
      SupervisionMapper mapper = ctx.getBean(SupervisionMapper.class);
      // real cases through the engine, then copies of their rows up to each size (see copyCases)
      int real = Math.min(Integer.getInteger("benchmark.real", 500), sizes.get(0));
      start(ctx, 0, real);
      org.springframework.jdbc.core.JdbcTemplate jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
      int copies = 0;
      for (int size : sizes) {
        long c0 = System.nanoTime();
        while ((copies + 1) * real < size) {
          copyCases(jdbc, ++copies);
        }
        System.out.printf("benchmark: %d real cases, %d copies of them, in %.1f s%n", real, copies, seconds(c0));
        long tasks = ctx.getBean(TaskService.class).createTaskQuery().tenantIdIn(REGION).count();
        long timers = ctx.getBean(ManagementService.class).createJobQuery().timers().tenantIdIn(REGION).count();
        report.add("");
        report.add("Supervision page benchmark, " + OffsetDateTime.now() + ", " + db + ", "
            + Runtime.getRuntime().availableProcessors() + " cores, load average "
            + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ", " + size
            + " open cases (" + tasks + " open tasks, " + timers + " timers)");
        report.add("");
        report.add("| overview's engine figures (open cases, per process and step, per month, workload) "
            + "| first (ms) | median of " + (size > 20_000 ? 1 : 3) + " (ms) | max (ms) |");
        report.add("|---|---|---|---|");
        List<String> regions = List.of(REGION);
        int runs = size > 20_000 ? 1 : 3;
        long[] b = timed(() -> before.figures(regions), runs);
        long[] a = timed(() -> {
          mapper.openRootInstances(regions);
          after.steps(regions);
          after.months(regions, java.time.LocalDate.now(org.yibaoflow.calendar.WorkingDayCalendar.ZONE));
          after.workload(regions);
        }, runs);
        report.add(String.format("| before: every task and timer loaded, grouped in Java | %d | %d | %d |",
            b[0], b[1], b[2]));
        report.add(String.format("| after: grouped counts in SQL | %d | %d | %d |", a[0], a[1], a[2]));
        report.add(String.format("| ratio before / after (median) | | %.1f x | |", (double) b[1] / Math.max(1, a[1])));
        report.add("same figures before and after: " + same(before.figures(regions), after, mapper, regions));
        report.add("");
        report.add("| request (after) | first (ms) | median of 5 (ms) | max of 5 (ms) | bytes |");
        report.add("|---|---|---|---|---|");
        for (String path : List.of("/api/supervision/overview", "/api/supervision/deadlines?withinWorkingDays=5",
            "/api/supervision/deadlines?withinWorkingDays=20", "/api/supervision/incidents")) {
          report.add(time(port, path));
        }
        report.add(timePage(port));
        report.forEach(System.out::println);
      }
    }
    System.out.println();
    System.out.println("===== supervision benchmark report =====");
    report.forEach(System.out::println);
  }

  /** Starts cases up to {@code size}, 250 a transaction. */
  private static int start(ConfigurableApplicationContext ctx, int from, int size) {
    RuntimeService runtime = ctx.getBean(RuntimeService.class);
    TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
    long t0 = System.nanoTime();
    Instant now = Instant.now();
    for (int first = from; first < size; first += 250) {
      int start = first;
      tx.executeWithoutResult(s -> {
        for (int i = start; i < Math.min(size, start + 250); i++) {
          // due dates spread over 25 days from 5 days ago: some overdue, some due soon, most later
          Date due = Date.from(now.plus(Duration.ofHours(24L * ((i % 25) - 5) + 1)));
          runtime.startProcessInstanceByKey(CASE, String.format("BENCH-%06d", i),
              Map.of("region", REGION, "due", due, "deadline", Date.from(due.toInstant().plus(Duration.ofDays(3)))));
        }
      });
    }
    System.out.printf("benchmark: %d more cases started in %.1f s%n", size - from, seconds(t0));
    return size;
  }

  /** The engine's rows the page reads, per table: the id columns a copy gets a suffix on. */
  private static final Map<String, List<String>> COPIED = new java.util.LinkedHashMap<>();

  static {
    COPIED.put("ACT_RU_EXECUTION", List.of("ID_", "PROC_INST_ID_", "PARENT_ID_", "ROOT_PROC_INST_ID_", "BUSINESS_KEY_"));
    COPIED.put("ACT_RU_TASK", List.of("ID_", "EXECUTION_ID_", "PROC_INST_ID_"));
    COPIED.put("ACT_RU_IDENTITYLINK", List.of("ID_", "TASK_ID_"));
    COPIED.put("ACT_RU_JOB", List.of("ID_", "EXECUTION_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_"));
    COPIED.put("ACT_HI_PROCINST", List.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "BUSINESS_KEY_"));
  }

  /**
   * One more copy of the real cases' rows in the tables the supervision page reads (executions, tasks, their
   * candidate groups, timers, the history's process instances), ids suffixed "#n": starting 100,000 instances through
   * the engine takes hours on a loaded 2-core machine, and what the page reads is these rows. Parents before children
   * (the engine's foreign keys).
   */
  static void copyCases(org.springframework.jdbc.core.JdbcTemplate jdbc, int n) {
    for (Map.Entry<String, List<String>> t : COPIED.entrySet()) {
      List<String> columns = jdbc.query("SELECT * FROM " + t.getKey() + " WHERE 1 = 0", rs -> {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          names.add(rs.getMetaData().getColumnName(i).toUpperCase(java.util.Locale.ROOT));
        }
        return names;
      });
      String select = columns.stream().map(c -> t.getValue().contains(c)
          ? "CASE WHEN " + c + " IS NULL THEN NULL ELSE " + c + " || '#" + n + "' END" : c)
          .collect(java.util.stream.Collectors.joining(", "));
      String insert = "INSERT INTO " + t.getKey() + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM "
          + t.getKey() + " WHERE TENANT_ID_ = '" + REGION + "' AND ID_ NOT LIKE '%#%'";
      if (t.getKey().equals("ACT_RU_EXECUTION")) {
        // executions nest (process instance, concurrent child, scope child): copied without their parent first,
        // then given the copy of their parent
        String suffix = "#" + n;
        jdbc.update(insert + " AND PARENT_ID_ IS NULL");
        jdbc.update(insert.replace("CASE WHEN PARENT_ID_ IS NULL THEN NULL ELSE PARENT_ID_ || '" + suffix + "' END",
            "CAST(NULL AS VARCHAR(64))") + " AND PARENT_ID_ IS NOT NULL");
        jdbc.update("UPDATE ACT_RU_EXECUTION c SET PARENT_ID_ = (SELECT o.PARENT_ID_ || '" + suffix + "' FROM "
            + "ACT_RU_EXECUTION o WHERE o.ID_ = LEFT(c.ID_, LENGTH(c.ID_) - " + suffix.length() + ")) WHERE c.ID_ LIKE '%"
            + suffix + "' AND c.TENANT_ID_ = '" + REGION + "'");
      } else {
        jdbc.update(insert);
      }
    }
  }

  /** The SQL figures equal the in-memory ones (the workload compared as counts per assignee). */
  private static boolean same(InMemoryOverviewBaseline.Figures old, OverviewService after, SupervisionMapper mapper,
      List<String> regions) {
    Map<String, List<Long>> oldLoad = new java.util.TreeMap<>();
    old.workload().forEach((k, v) -> oldLoad.put(k, List.of(v[0], v[1])));
    Map<String, List<Long>> newLoad = new java.util.TreeMap<>();
    after.workload(regions).forEach(w -> newLoad.put(w.assignee() == null ? "" : w.assignee(),
        List.of(w.open(), w.overdue())));
    return old.openCases() == mapper.openRootInstances(regions) && old.processes().equals(after.steps(regions))
        && old.months().equals(after.months(regions,
            java.time.LocalDate.now(org.yibaoflow.calendar.WorkingDayCalendar.ZONE))) && oldLoad.equals(newLoad);
  }

  /** First run, then median and max of {@code n} more, in ms. */
  private static long[] timed(Runnable r, int n) {
    long t = System.nanoTime();
    r.run();
    long first = (System.nanoTime() - t) / 1_000_000;
    long[] runs = new long[n];
    for (int i = 0; i < n; i++) {
      t = System.nanoTime();
      r.run();
      runs[i] = (System.nanoTime() - t) / 1_000_000;
    }
    java.util.Arrays.sort(runs);
    return new long[] {first, runs[n / 2], runs[n - 1]};
  }

  /** One case: a caseworker's task with a due date and, beside it, a process deadline (a timer), as most cases have. */
  static BpmnModelInstance benchCase() {
    return Bpmn.createExecutableProcess(CASE).name("压测案件").camundaHistoryTimeToLive(1)
        .startEvent().parallelGateway("fork")
        .userTask("work").name("办理").camundaCandidateGroups("caseworker").camundaDueDate("${due}").endEvent()
        .moveToNode("fork").intermediateCatchEvent("deadline").name("期限届满").timerWithDate("${deadline}").endEvent()
        .done();
  }

  private static void supervisor(IdentityService identity) {
    Tenant tenant = identity.newTenant(REGION);
    tenant.setName("压测地区");
    identity.saveTenant(tenant);
    if (identity.createGroupQuery().groupId("supervisor").count() == 0) {
      Group g = identity.newGroup("supervisor");
      g.setName("科室负责人");
      identity.saveGroup(g);
    }
    User u = identity.newUser(USER);
    u.setFirstName("压测负责人");
    u.setPassword(PASSWORD);
    identity.saveUser(u);
    identity.createMembership(USER, "supervisor");
    identity.createTenantUserMembership(REGION, USER);
  }

  private static String time(int port, String path) throws Exception {
    long first = request(port, path)[0];
    long[] runs = new long[5];
    long bytes = 0;
    for (int i = 0; i < runs.length; i++) {
      long[] r = request(port, path);
      runs[i] = r[0];
      bytes = r[1];
    }
    java.util.Arrays.sort(runs);
    return String.format("| `GET %s` | %d | %d | %d | %,d |", path, first, runs[2], runs[4], bytes);
  }

  /** What the page asks for when it opens: deadlines, overview and incidents, one after the other. */
  private static String timePage(int port) throws Exception {
    long[] runs = new long[5];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = request(port, "/api/supervision/deadlines?withinWorkingDays=5")[0]
          + request(port, "/api/supervision/overview")[0] + request(port, "/api/supervision/incidents")[0];
    }
    java.util.Arrays.sort(runs);
    return String.format("| the page's three calls together | | %d | %d | |", runs[2], runs[4]);
  }

  private static long[] request(int port, String path) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).GET().build();
    long t = System.nanoTime();
    HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    long ms = (System.nanoTime() - t) / 1_000_000;
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return new long[] {ms, r.body().getBytes(StandardCharsets.UTF_8).length};
  }

  static void deleteRecursively(Path dir) throws java.io.IOException {
    if (java.nio.file.Files.exists(dir)) {
      try (var files = java.nio.file.Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
