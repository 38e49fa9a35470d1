package org.yibaoflow.evaluation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.Application;

/**
 * Not a test (issue 20 item 1): what an agency waits for when it opens the year's campaign (R-EVA-1), from the
 * opening until every agreement's 考核评分 task is open, with the job executor running as in production, beside
 * the bare engine's rate for the same shape in the same run (N instances of start, an asynchronous no-op
 * service task, one user task; started in batches of the campaign's size, one transaction each, while the
 * executor works off their jobs). Prints the time at each tenth of N, so a rate that falls as tasks accumulate
 * shows, and exits non-zero when a count is wrong (an evaluation missing or doubled, a job with no retries left).
 * <pre>
 * ./mvnw -B -Pbenchmark -DskipTests test -Dbenchmark.main=org.yibaoflow.evaluation.CampaignEndToEndBenchmark \
 *        [-Dbenchmark.sizes=10000,100000] [-Dbenchmark.db=postgres]
 * </pre>
 */
public final class CampaignEndToEndBenchmark {

  static final String BARE = "bench-e2e-bare";

  private CampaignEndToEndBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("benchmark.db", "h2");
    int[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "10000,100000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    List<String> profiles = new ArrayList<>(List.of("benchmark"));
    List<String> props = new ArrayList<>(List.of("--server.port=0",
        "--camunda.bpm.admin-user.password=benchmark-only-password", "--yibao.metrics.refresh-interval=PT1H",
        "--logging.level.root=WARN"));
    if ("postgres".equals(db)) {
      profiles.add("postgres");
    } else {
      Path dir = Path.of("target", "benchmark", "h2-e2e");
      CampaignBenchmark.deleteRecursively(dir);
      props.add("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("yibao-bench"));
    }
    boolean failed = false;
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
        .profiles(profiles.toArray(String[]::new)).run(props.toArray(String[]::new))) {
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      EvaluationCampaignService campaigns = ctx.getBean(EvaluationCampaignService.class);
      RuntimeService runtime = ctx.getBean(RuntimeService.class);
      TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
      int batch = ctx.getEnvironment().getProperty("yibao.evaluation.campaign-batch-size", Integer.class, 250);
      ctx.getBean(RepositoryService.class).createDeployment().name(BARE)
          .addModelInstance(BARE + ".bpmn", Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
              .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}")
              .userTask().camundaCandidateGroups("caseworker").endEvent().done())
          .deploy();
      int year = LocalDate.now().getYear();
      List<String> table = new ArrayList<>();
      table.add("| database | agreements | what | all tasks open (s) | per 1,000 (s) | first tenth (s) "
          + "| last tenth (s) | last / first |");
      // every evaluation's first job is the asynchronous 采集考核数据 (Task_GatherData) before 考核评分
      table.add("|---|---|---|---|---|---|---|---|");
      for (int n : sizes) {
        String region = "e2e" + n + "-" + (System.currentTimeMillis() % 1_000_000);
        CampaignBulk.insert(jdbc, region, n, year);
        String bareTenant = region + "-bare";
        // -Dbenchmark.bare-max caps the bare engine's run (its rate per 1,000 is what is compared)
        int bareN = Math.min(n, Integer.getInteger("benchmark.bare-max", n));

        // the bare engine: same number of instances, same batches, the executor running their async jobs
        // (started from a thread of its own, as the campaign's runner starts its batches beside the executor)
        long t0 = System.nanoTime();
        Thread starter = new Thread(() -> {
          for (int from = 0; from < bareN; from += batch) {
            int start = from;
            tx.executeWithoutResult(s -> {
              for (int i = start; i < Math.min(bareN, start + batch); i++) {
                runtime.startProcessInstanceByKey(BARE, bareTenant + "-" + i, Map.of("region", bareTenant));
              }
            });
          }
        }, "bare-starter");
        starter.start();
        double[] bare = waitForTasks("bare engine", bareN, t0, () -> count(jdbc,
            "select count(*) from ACT_RU_TASK where TENANT_ID_ = ?", bareTenant));
        starter.join();
        table.add(row(db, bareN, "bare engine (async step + user task)", bare));

        // the campaign as the supervisor opens it: the runner process starts the batches as jobs
        long t1 = System.nanoTime();
        EvaluationCampaign c = campaigns.open(region, year, "benchmark");
        campaigns.ensureRunner(c);
        double[] camp = waitForTasks("campaign", n, t1, () -> count(jdbc,
            "select count(*) from ACT_RU_TASK where TENANT_ID_ = ? and TASK_DEF_KEY_ = 'Task_Score'", region));
        table.add(row(db, n, "campaign: opened to every 考核评分 task", camp));
        table.add(String.format("| %s | %,d | campaign / bare, per instance | %.2f | | | | |", db, n,
            (camp[0] / n) / (bare[0] / bareN)));

        long evaluations = runtime.createProcessInstanceQuery().processDefinitionKey("annual-evaluation")
            .tenantIdIn(region).count();
        long distinct = count(jdbc, "select count(distinct agreement_id) from evaluation_item where region = ?",
            region);
        long deadJobs = count(jdbc, "select count(*) from ACT_RU_JOB where TENANT_ID_ in (?, ?) and RETRIES_ = 0",
            region, bareTenant);
        if (evaluations != n || distinct != n || camp[0] < 0 || bare[0] < 0 || deadJobs > 0) {
          System.out.printf("benchmark: WRONG COUNT n=%d evaluations=%d distinct agreements=%d dead jobs=%d%n", n,
              evaluations, distinct, deadJobs);
          failed = true;
        }
      }
      System.out.println();
      System.out.println("Campaign end-to-end benchmark, " + OffsetDateTime.now() + ", "
          + Runtime.getRuntime().availableProcessors() + " cores, batch size " + batch);
      table.forEach(System.out::println);
    }
    if (failed) {
      System.exit(1);
    }
  }

  /** Polls until {@code n} tasks are open; [total, first tenth, last tenth] in seconds, total -1 on time-out. */
  static double[] waitForTasks(String what, int n, long since, LongSupplier open) throws InterruptedException {
    long timeoutNanos = Long.getLong("benchmark.timeout-s", 3_600L) * 1_000_000_000L;
    int nextTenth = 1;
    double previous = 0;
    double first = 0;
    double last = 0;
    while (true) {
      long have = open.getAsLong();
      double s = CampaignBenchmark.seconds(since);
      while (nextTenth <= 10 && have >= (long) n * nextTenth / 10) {
        double step = s - previous;
        if (nextTenth == 1) {
          first = step;
        }
        last = step;
        System.out.printf("benchmark: %s n=%d %d%% of tasks open at %.1f s (this tenth %.1f s)%n", what, n,
            nextTenth * 10, s, step);
        previous = s;
        nextTenth++;
      }
      if (have >= n) {
        return new double[] {s, first, last};
      }
      if (System.nanoTime() - since > timeoutNanos) {
        System.out.printf("benchmark: %s n=%d TIMED OUT with %d tasks open%n", what, n, have);
        return new double[] {-1, first, last};
      }
      Thread.sleep(500);
    }
  }

  static long count(JdbcTemplate jdbc, String sql, Object... args) {
    Long c = jdbc.queryForObject(sql, Long.class, args);
    return c == null ? 0 : c;
  }

  static String row(String db, int n, String what, double[] t) {
    return String.format("| %s | %,d | %s | %.1f | %.2f | %.1f | %.1f | %.2f |", db, n, what, t[0],
        t[0] * 1000 / n, t[1], t[2], t[1] == 0 ? 0 : t[2] / t[1]);
  }
}
