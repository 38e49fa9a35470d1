package org.yibaoflow.expensereview;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.Application;

/**
 * Not a test: how long the expense review's 100 % screening (R-VIO-13) takes for a batch of 10,000 and 100,000
 * claims, on H2 (a fresh file database under target/benchmark) or PostgreSQL (the postgres profile, YIBAO_DB_*; use
 * a scratch database): storing the claims (the upload's JDBC batches), screening them against the deployed
 * claim-screening table in memory and marking the suspicious ones, and drawing the 5 % second-review sample, each
 * in one transaction as the process's job runs it. About 2 % of the generated claims match a rule. Run with
 * {@code ./mvnw -B -Pbenchmark -DskipTests test -Dbenchmark.main=org.yibaoflow.expensereview.ScreeningBenchmark
 * [-Dbenchmark.db=h2|postgres] [-Dbenchmark.sizes=10000,100000]} (docs/expense-review.md).
 */
public final class ScreeningBenchmark {

  private ScreeningBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("benchmark.db", "h2");
    int[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "10000,100000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    List<String> profiles = new ArrayList<>(List.of("benchmark"));
    List<String> props = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--camunda.bpm.admin-user.password=benchmark-only-password", "--yibao.metrics.refresh-interval=PT1H",
        "--logging.level.root=WARN"));
    if ("postgres".equals(db)) {
      profiles.add("postgres");
    } else {
      Path dir = Path.of("target", "benchmark", "h2-screening");
      deleteRecursively(dir);
      props.add("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("yibao-bench"));
    }
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
        .profiles(profiles.toArray(String[]::new)).run(props.toArray(String[]::new))) {
      ExpenseReviewMapper mapper = ctx.getBean(ExpenseReviewMapper.class);
      ClaimRows rows = ctx.getBean(ClaimRows.class);
      ExpenseReviewService review = ctx.getBean(ExpenseReviewService.class);
      TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
      List<String> lines = new ArrayList<>();
      lines.add("| database | claims | store claims (s) | screening (s) | per claim (µs) | suspicious | sample (s) "
          + "| sampled |");
      lines.add("|---|---|---|---|---|---|---|---|");
      int[] runs = new int[sizes.length + 1];
      runs[0] = -2_000;
      System.arraycopy(sizes, 0, runs, 1, sizes.length);
      for (int run : runs) {
        int n = Math.abs(run);
        String label = run < 0 ? db + " (warm-up)" : db;
        String batchNo = "FS-BENCH-" + n + "-" + System.nanoTime() % 1_000_000;
        List<ClaimInput> claims = claims(n);
        long t0 = System.nanoTime();
        tx.executeWithoutResult(s -> {
          mapper.insertBatch(batchNo, "bench", batchNo, new BigDecimal("0.0500"), n,
              claims.stream().map(ClaimInput::amount).reduce(BigDecimal.ZERO, BigDecimal::add), "benchmark",
              OffsetDateTime.now());
          rows.insert(mapper.find(batchNo).id(), claims);
        });
        double storeS = seconds(t0);
        long t1 = System.nanoTime();
        ExpenseReviewService.Screened screened = review.screen(batchNo, null);
        double screenS = seconds(t1);
        long t2 = System.nanoTime();
        ExpenseReviewService.Sample sample = review.drawSample(batchNo, null);
        double sampleS = seconds(t2);
        lines.add(String.format("| %s | %,d | %.1f | %.1f | %.0f | %,d | %.1f | %,d |", label, n, storeS, screenS,
            screenS * 1e6 / n, screened.suspicious(), sampleS, sample.sampled()));
        System.out.println("benchmark: " + lines.get(lines.size() - 1));
      }
      System.out.println();
      System.out.println("Screening benchmark, " + OffsetDateTime.now() + ", " + Runtime.getRuntime()
          .availableProcessors() + " cores");
      lines.forEach(System.out::println);
    }
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static void deleteRecursively(Path dir) throws java.io.IOException {
    if (java.nio.file.Files.exists(dir)) {
      try (var files = java.nio.file.Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
    }
  }

  /** Claims of 20 institutions, 70 % inpatient; every 50th matches a suspicion rule (S01 or S02). */
  static List<ClaimInput> claims(int n) {
    List<ClaimInput> claims = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String institution = "HBENCH" + (i % 20);
      if (i % 50 == 0) {
        claims.add(i % 100 == 0 ? new ClaimInput("B" + i, institution, ClaimInput.INPATIENT, 1, 30,
            new BigDecimal("15000.00")) : new ClaimInput("B" + i, institution, ClaimInput.OUTPATIENT, 0, 10,
            new BigDecimal("6000.00")));
      } else if (i % 10 < 7) {
        claims.add(new ClaimInput("B" + i, institution, ClaimInput.INPATIENT, 3 + i % 8, 20 + i % 50,
            BigDecimal.valueOf(2000 + i % 60 * 100L)));
      } else {
        claims.add(new ClaimInput("B" + i, institution, ClaimInput.OUTPATIENT, 0, 1 + i % 20,
            BigDecimal.valueOf(100 + i % 7 * 100L)));
      }
    }
    return claims;
  }
}
