package org.yibaoflow.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.Application;

/**
 * Not a test (issue 20 item 2): the caseworker's Tasklist filter 经办待办 ({@link TasklistFilters}: candidate group
 * caseworker, assigned tasks included) with 10,000 and 100,000 open tasks, asked as Tasklist asks it: {@code POST
 * filter/{id}/list?firstResult=0&maxResults=15} (HAL, with the card variables) and {@code POST filter/{id}/count},
 * sorted by creation date, by a caseworker of one region with authorizations and tenant checks on. Beside it in the
 * same run: the same filter through FilterService under that user's authentication (no HTTP), and the bare engine's
 * query (no authentication, hence no authorization or tenant check). Open tasks: a one-task process started with the
 * production engine (its per-task authorizations for candidate groups, its task listeners), one instance per kind,
 * whose rows are then copied (TaskRowCloner): of every 4 tasks 2 are the caseworkers' of the user's region (two
 * templates), 1 the caseworkers' of another region, 1 the experts' of the user's region.
 * Prints p50 and p95 of {@code benchmark.samples} (default 40) requests. H2 file database under
 * target/benchmark/tasklist, or PostgreSQL with {@code -Dbenchmark.db=postgres} (YIBAO_DB_*: use a scratch database).
 * Run with {@code ./mvnw -B -Pbenchmark -DskipTests test -Dbenchmark.main=org.yibaoflow.platform.TasklistBenchmark
 * [-Dbenchmark.sizes=10000,100000]} (docs/operations.md).
 */
public final class TasklistBenchmark {

  static final String REGION = "benchtl";
  static final String OTHER = "benchtl2";
  static final String PROCESS = "bench-tasklist";
  static final String USER = "benchcaseworker";
  static final String PASSWORD = "benchmark-only-password";
  static final String BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

  private TasklistBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("benchmark.db", "h2");
    int[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "10000,100000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    int samples = Integer.getInteger("benchmark.samples", 40);
    List<String> profiles = new ArrayList<>(List.of("benchmark"));
    // history off: the task list never reads it, and starting 100,000 instances goes faster
    List<String> props = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--camunda.bpm.admin-user.password=" + PASSWORD, "--yibao.metrics.refresh-interval=PT1H",
        "--camunda.bpm.history-level=none", "--logging.level.root=WARN"));
    if ("postgres".equals(db)) {
      profiles.add("postgres");
    } else {
      Path dir = Path.of("target", "benchmark", "tasklist");
      if (java.nio.file.Files.exists(dir)) {
        try (var files = java.nio.file.Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      props.add("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("yibao-bench"));
    }
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
        .profiles(profiles.toArray(String[]::new)).run(props.toArray(String[]::new))) {
      int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
      IdentityService identity = ctx.getBean(IdentityService.class);
      caseworker(identity);
      RuntimeService runtime = ctx.getBean(RuntimeService.class);
      TaskService tasks = ctx.getBean(TaskService.class);
      FilterService filters = ctx.getBean(FilterService.class);
      TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
      ctx.getBean(RepositoryService.class).createDeployment().name(PROCESS)
          .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).name("压测待办")
              .camundaHistoryTimeToLive(1).startEvent().userTask("work").name("办理")
              .camundaCandidateGroups("${group}").endEvent().done())
          .deploy();
      String filterId = filters.createFilterQuery().filterName(TasklistFilters.ROLE_FILTERS.get(Role.CASEWORKER))
          .singleResult().getId();
      List<String> lines = new ArrayList<>();
      lines.add("| database | open tasks | user's (count) | request | samples | p50 (ms) | p95 (ms) |");
      lines.add("|---|---|---|---|---|---|---|");
      // four template instances started by the engine, one per kind of task, then copied (TaskRowCloner)
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      List<TaskRowCloner> kinds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String region = i % 4 == 2 ? OTHER : REGION;
        String group = i % 4 == 3 ? Role.EXPERT.groupId() : Role.CASEWORKER.groupId();
        String caseNo = String.format("BENCH-%06d", i);
        String pi = runtime.startProcessInstanceByKey(PROCESS, caseNo, Map.of("region", region, "group", group,
            CaseLabelListener.CASE_NO, caseNo, CaseLabelListener.INSTITUTION_NAME, "压测医院" + i,
            CaseLabelListener.PERSON_NAME, "张" + i)).getId();
        kinds.add(new TaskRowCloner(jdbc, pi));
      }
      int created = 4;
      touch = () -> jdbc.update("update ACT_RU_TASK set LAST_UPDATED_ = ? where PROC_INST_ID_ = ?",
          new java.sql.Timestamp(System.currentTimeMillis()), kinds.get(0).processInstanceId());
      for (int n : sizes) {
        long t0 = System.nanoTime();
        int perKind = n / 4;
        for (int from = created / 4; from < perKind; from += 1000) {
          int first = from;
          int count = Math.min(1000, perKind - from);
          tx.executeWithoutResult(s -> kinds.forEach(k -> k.copy(first, count)));
        }
        n = perKind * 4;
        System.out.printf("benchmark: %d open tasks (%d new) in %.1f s%n", n, n - created,
            (System.nanoTime() - t0) / 1e9);
        created = n;
        long expected = n / 2;

        // the bare engine: no authenticated user, so no authorization and no tenant check
        TaskQuery bare = tasks.createTaskQuery().taskCandidateGroup(Role.CASEWORKER.groupId()).includeAssignedTasks();
        long bareCount = bare.count();
        lines.add(row(db, n, bareCount, "bare engine: listPage(0, 15) by group, created desc + count", samples, () -> {
          tasks.createTaskQuery().taskCandidateGroup(Role.CASEWORKER.groupId()).includeAssignedTasks()
              .orderByTaskCreateTime().desc().listPage(0, 15);
          return tasks.createTaskQuery().taskCandidateGroup(Role.CASEWORKER.groupId()).includeAssignedTasks().count();
        }));
        // the same requests with the engine's task query statements (authorization LEFT JOIN + count(distinct))
        // and with TaskQueryAuthExists's (EXISTS), one after the other in this engine (docs/operations.md)
        TaskQueryAuthExists shape = ctx.getBean(TaskQueryAuthExists.class);
        // -Dbenchmark.shapes=exists skips the engine's shape (on PostgreSQL with fresh statistics one of its counts
        // at 100,000 ran over 38 s, 2026-12-07)
        boolean[] shapes = "exists".equals(System.getProperty("benchmark.shapes")) ? new boolean[] {false}
            : new boolean[] {true, false};
        for (boolean engineShape : shapes) {
          shape.useEngineStatements(engineShape);
          String label = engineShape ? "JOIN (engine)" : "EXISTS";
          // the engine's shape takes seconds per count at 100,000: fewer samples there
          int k = engineShape && n >= 100_000 ? Integer.getInteger("benchmark.engine-samples", 10) : samples;
          // the filter through the engine API, as the caseworker (authorizations and tenant checks on)
          identity.setAuthentication(USER, List.of(Role.CASEWORKER.groupId()), List.of(REGION));
          long userCount;
          try {
            userCount = filters.count(filterId);
            lines.add(row(db, n, userCount, label + ": FilterService as the caseworker: listPage(0, 15) + count", k,
                () -> {
                  filters.listPage(filterId, tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 15);
                  return filters.count(filterId);
                }));
          } finally {
            identity.clearAuthentication();
          }
          if (Boolean.getBoolean("benchmark.sql")) {
            // the statements of one REST list and count, for EXPLAIN (docs/operations.md)
            var logging = org.springframework.boot.logging.LoggingSystem.get(TasklistBenchmark.class.getClassLoader());
            // every mapper statement (tasks, variables, identity links, definitions, users, groups), with its time
            List<String> mappers = List.of("org.camunda.bpm.engine.impl.persistence.entity",
                TaskQueryAuthExists.NAMESPACE, TaskQueryAuthExists.VARIABLE_NAMESPACE);
            mappers.forEach(m -> logging.setLogLevel(m, org.springframework.boot.logging.LogLevel.DEBUG));
            post(port, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", "application/hal+json");
            post(port, "/engine-rest/filter/" + filterId + "/count", "application/json");
            mappers.forEach(m -> logging.setLogLevel(m, org.springframework.boot.logging.LogLevel.WARN));
          }
          if (userCount != expected) {
            throw new IllegalStateException(label + ": the caseworker sees " + userCount + " tasks, expected "
                + expected);
          }
          lines.add(row(db, n, userCount, label + ": REST as Tasklist: `POST filter/{id}/list` (HAL, 15)", k,
              () -> post(port, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                  "application/hal+json")));
          lines.add(row(db, n, userCount, label + ": REST `POST filter/{id}/list` as plain JSON (no HAL, 15)", k,
              () -> post(port, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                  "application/json")));
          lines.add(row(db, n, userCount, label + ": REST as Tasklist: `POST filter/{id}/count`", k,
              () -> post(port, "/engine-rest/filter/" + filterId + "/count", "application/json")));
        }
        shape.useEngineStatements(false);
        lines.forEach(System.out::println);
      }
      System.out.println();
      System.out.println("Tasklist benchmark, " + OffsetDateTime.now() + ", " + db + ", "
          + Runtime.getRuntime().availableProcessors() + " cores, samples as listed, each after 3 warm-up, load "
          + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      lines.forEach(System.out::println);
    }
  }

  /** Changes a task row before each sample: H2 answers an identical statement from its result cache otherwise. */
  private static Runnable touch = () -> { };

  private static String row(String db, int n, long count, String what, int samples, LongSupplier call) {
    for (int i = 0; i < 3; i++) {
      call.getAsLong();
    }
    long[] ms = new long[samples];
    for (int i = 0; i < samples; i++) {
      touch.run();
      long t = System.nanoTime();
      call.getAsLong();
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(ms);
    String line = String.format("| %s | %,d | %,d | %s | %d | %d | %d |", db, n, count, what, samples,
        ms[samples / 2],
        ms[(int) Math.ceil(samples * 0.95) - 1]);
    System.out.println("benchmark: " + line);
    return line;
  }

  private static long post(int port, String path, String accept) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
              .getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json").header("Accept", accept)
          .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
      HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body().length();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A caseworker of the benchmark's region with the production role's authorizations (RoleAuthorizations). */
  private static void caseworker(IdentityService identity) {
    for (String r : List.of(REGION, OTHER)) {
      Tenant tenant = identity.newTenant(r);
      tenant.setName("压测地区" + r);
      identity.saveTenant(tenant);
    }
    User u = identity.newUser(USER);
    u.setFirstName("压测经办");
    u.setPassword(PASSWORD);
    identity.saveUser(u);
    identity.createMembership(USER, Role.CASEWORKER.groupId());
    identity.createTenantUserMembership(REGION, USER);
  }
}
