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
 * Not a test: how fast the supervision page's API answers with 10,000 open cases on H2 (a fresh file database under
 * target/benchmark/supervision). Each case is an instance of a minimal process with a caseworker's task with a due
 * date and a process deadline (timer) beside it, due dates spread from 5 days ago to 20 days ahead; a supervisor of
 * the region then asks for the overview, the deadlines and the incidents over HTTP, as the page does. (Real cases are
 * started through their services and processes, which takes minutes for 10,000 on a loaded machine; what the page
 * reads, tasks and timers of the region, is the same.) Run with
 * {@code ./mvnw -B -Pbenchmark -DskipTests test -Dbenchmark.main=org.yibaoflow.supervision.SupervisionBenchmark
 * [-Dbenchmark.cases=10000]} (docs/supervision.md).
 */
public final class SupervisionBenchmark {

  static final String REGION = "benchsup";
  static final String CASE = "bench-case";
  static final String USER = "benchsupervisor";
  static final String PASSWORD = "benchmark-only-password";

  private SupervisionBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("benchmark.cases", 10_000);
    Path dir = Path.of("target", "benchmark", "supervision");
    deleteRecursively(dir);
    List<String> props = List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--camunda.bpm.admin-user.password=" + PASSWORD, "--yibao.metrics.refresh-interval=PT1H",
        "--logging.level.root=WARN",
        "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("yibao-bench"));
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class).profiles("benchmark")
        .run(props.toArray(String[]::new))) {
      int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
      supervisor(ctx.getBean(IdentityService.class));
      RuntimeService runtime = ctx.getBean(RuntimeService.class);
      TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
      ctx.getBean(RepositoryService.class).createDeployment().name(CASE)
          .addModelInstance(CASE + ".bpmn", benchCase()).deploy();
      long t0 = System.nanoTime();
      Instant now = Instant.now();
      for (int from = 0; from < cases; from += 250) {
        int start = from;
        tx.executeWithoutResult(s -> {
          for (int i = start; i < Math.min(cases, start + 250); i++) {
            // due dates spread over 25 days from 5 days ago: some overdue, some due soon, most later
            Date due = Date.from(now.plus(Duration.ofHours(24L * ((i % 25) - 5) + 1)));
            runtime.startProcessInstanceByKey(CASE, String.format("BENCH-%06d", i),
                Map.of("region", REGION, "due", due, "deadline", Date.from(due.toInstant().plus(Duration.ofDays(3)))));
          }
        });
      }
      long tasks = ctx.getBean(TaskService.class).createTaskQuery().tenantIdIn(REGION).count();
      long timers = ctx.getBean(ManagementService.class).createJobQuery().timers().tenantIdIn(REGION).count();
      System.out.printf("benchmark: %d cases started (%d open tasks, %d timers) in %.1f s%n", cases, tasks, timers,
          seconds(t0));

      List<String> lines = new ArrayList<>();
      lines.add("| request | first (ms) | median of 5 (ms) | max of 5 (ms) | bytes |");
      lines.add("|---|---|---|---|---|");
      for (String path : List.of("/api/supervision/overview", "/api/supervision/deadlines?withinWorkingDays=5",
          "/api/supervision/deadlines?withinWorkingDays=20", "/api/supervision/incidents")) {
        lines.add(time(port, path));
      }
      lines.add(timePage(port));
      System.out.println();
      System.out.println("Supervision page benchmark, " + OffsetDateTime.now() + ", H2 file database, "
          + Runtime.getRuntime().availableProcessors() + " cores, " + cases + " open cases (" + tasks + " open tasks, "
          + timers + " timers)");
      lines.forEach(System.out::println);
    }
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
