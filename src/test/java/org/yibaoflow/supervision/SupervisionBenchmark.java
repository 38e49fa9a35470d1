package org.yibaoflow.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.Application;
import org.yibaoflow.evaluation.CampaignBulk;
import org.yibaoflow.evaluation.EvaluationCampaign;
import org.yibaoflow.evaluation.EvaluationCampaignService;

/**
 * Not a test: how fast the supervision page's API answers with 10,000 open cases on H2 (a fresh file database under
 * target/benchmark/supervision). The cases are a region's annual evaluations (R-EVA-1), each past its data gathering
 * and waiting in 考核评分 with a due date; a supervisor of the region then asks for the overview, the deadlines and the
 * incidents over HTTP, as the page does. Run with
 * {@code ./mvnw -B -Pbenchmark -DskipTests test -Dbenchmark.main=org.yibaoflow.supervision.SupervisionBenchmark
 * [-Dbenchmark.cases=10000]} (docs/supervision.md).
 */
public final class SupervisionBenchmark {

  static final String REGION = "bench-sup";
  static final String USER = "bench-supervisor";
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
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      EvaluationCampaignService campaigns = ctx.getBean(EvaluationCampaignService.class);
      ManagementService management = ctx.getBean(ManagementService.class);
      int year = LocalDate.now().getYear();

      long t0 = System.nanoTime();
      CampaignBulk.insert(jdbc, REGION, cases, year);
      EvaluationCampaign campaign = campaigns.open(REGION, year, "benchmark");
      while (!campaigns.runNextBatch(campaign.id()).allStarted()) {
        // one batch after the other, as the runner's jobs would
      }
      System.out.printf("benchmark: %d evaluations started in %.1f s%n", cases, seconds(t0));
      long t1 = System.nanoTime();
      List<Job> jobs;
      while (!(jobs = management.createJobQuery().tenantIdIn(REGION).processDefinitionKey("annual-evaluation")
          .executable().listPage(0, 500)).isEmpty()) {
        jobs.forEach(j -> management.executeJob(j.getId()));
      }
      long tasks = ctx.getBean(TaskService.class).createTaskQuery().tenantIdIn(REGION).count();
      System.out.printf("benchmark: data gathered, %d open tasks, in %.1f s%n", tasks, seconds(t1));

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
          + Runtime.getRuntime().availableProcessors() + " cores, " + cases + " open cases (" + tasks + " open tasks)");
      lines.forEach(System.out::println);
    }
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
