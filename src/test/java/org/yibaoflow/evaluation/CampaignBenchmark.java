package org.yibaoflow.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * Not a test: how long a campaign of 10,000 and 100,000 agreements takes to start (R-EVA-1), on H2 (a fresh
 * file database under target/benchmark) or PostgreSQL (the postgres profile, YIBAO_DB_* for the database; use
 * a scratch database), and the cost per instance relative to starting as many instances of a minimal one-task
 * process in the same run, in batches of the same size, one transaction each. Run with
 * {@code ./mvnw -B -Pbenchmark -DskipTests test [-Dbenchmark.db=h2|postgres] [-Dbenchmark.sizes=10000,100000]}
 * (docs/evaluation.md). The job executor is off; the batches run one after another in this thread, as the
 * campaign's runner jobs would.
 */
public final class CampaignBenchmark {

  static final String MINIMAL = "bench-minimal";

  private CampaignBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("benchmark.db", "h2");
    int[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "10000,100000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    // a profile is always named: without one the demo profile (users, demo data) would be the default
    List<String> profiles = new ArrayList<>(List.of("benchmark"));
    // command-line arguments: they win over application.yml (builder properties would not)
    List<String> props = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--camunda.bpm.admin-user.password=benchmark-only-password", "--yibao.metrics.refresh-interval=PT1H",
        "--logging.level.root=WARN"));
    if ("postgres".equals(db)) {
      profiles.add("postgres");
    } else {
      Path dir = Path.of("target", "benchmark", "h2");
      deleteRecursively(dir);
      props.add("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("yibao-bench"));
    }
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
        .profiles(profiles.toArray(String[]::new)).run(props.toArray(String[]::new))) {
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      EvaluationCampaignService campaigns = ctx.getBean(EvaluationCampaignService.class);
      RuntimeService runtime = ctx.getBean(RuntimeService.class);
      TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
      int batch = ctx.getEnvironment().getProperty("yibao.evaluation.campaign-batch-size", Integer.class, 250);
      ctx.getBean(RepositoryService.class).createDeployment().name(MINIMAL)
          .addModelInstance(MINIMAL + ".bpmn", Bpmn.createExecutableProcess(MINIMAL).camundaHistoryTimeToLive(1)
              .startEvent().userTask().camundaCandidateGroups("caseworker").endEvent().done())
          .deploy();
      int year = LocalDate.now().getYear();
      List<String> lines = new ArrayList<>();
      lines.add("| database | agreements | bulk insert (s) | minimal process: start (s) | per instance (ms) "
          + "| campaign: start (s) | per instance (ms) | campaign / minimal |");
      lines.add("|---|---|---|---|---|---|---|---|");
      // warm-up (JIT, connection pool, caches): 1,000 of each, reported but marked
      int[] runs = new int[sizes.length + 1];
      runs[0] = -1_000;
      System.arraycopy(sizes, 0, runs, 1, sizes.length);
      for (int run : runs) {
        int n = Math.abs(run);
        String label = run < 0 ? db + " (warm-up)" : db;
        String region = "bench" + n + "-" + (System.currentTimeMillis() % 1_000_000);
        long t0 = System.nanoTime();
        CampaignBulk.insert(jdbc, region, n, year);
        double insertS = seconds(t0);
        System.out.printf("benchmark: %s n=%d bulk insert %.1f s%n", db, n, insertS);

        // the same number of instances of a one-task process, same batch size, one transaction per batch
        long t1 = System.nanoTime();
        for (int from = 0; from < n; from += batch) {
          int start = from;
          tx.executeWithoutResult(s -> {
            for (int i = start; i < Math.min(n, start + batch); i++) {
              runtime.startProcessInstanceByKey(MINIMAL, region + "-min-" + i, Map.of("region", region + "-min"));
            }
          });
        }
        double minimalS = seconds(t1);
        System.out.printf("benchmark: %s n=%d minimal process %.1f s%n", db, n, minimalS);

        long t2 = System.nanoTime();
        EvaluationCampaign c = campaigns.open(region, year, "benchmark");
        int batches = 0;
        while (!campaigns.runNextBatch(c.id()).allStarted()) {
          batches++;
        }
        double campaignS = seconds(t2);
        long started = runtime.createProcessInstanceQuery().processDefinitionKey("annual-evaluation")
            .tenantIdIn(region).count();
        if (started != n) {
          throw new IllegalStateException("started " + started + " of " + n);
        }
        lines.add(String.format("| %s | %,d | %.1f | %.1f | %.2f | %.1f | %.2f | %.2f |", label, n, insertS, minimalS,
            minimalS * 1000 / n, campaignS, campaignS * 1000 / n, campaignS / minimalS));
        System.out.println("benchmark: " + db + " n=" + n + " batches=" + (batches + 1) + " done");
      }
      System.out.println();
      System.out.println("Campaign start benchmark, " + OffsetDateTime.now() + ", " + Runtime.getRuntime()
          .availableProcessors() + " cores, batch size " + batch + ", history level full");
      lines.forEach(System.out::println);
    }
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
