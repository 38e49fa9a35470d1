package org.yibaoflow.expensereview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The steps of the process expense-review (费用审核, R-VIO-13 [000 §二(二)]): 100 % screening by the suspicion
 * table, the random second-review sample with its seed, and the refusals: violations found in the screening are
 * refused as found, violations found in the sample are scaled up by the sampling ratio. Each step is idempotent
 * (a retried job finds its figures recorded and writes nothing again). Verdicts: {@link ClaimVerdicts}; cases:
 * {@link RefusalCases}.
 */
@Service
public class ExpenseReviewService {

  public static final String SCREENING = "SCREENING";
  public static final String SAMPLE = "SAMPLE";

  private final ExpenseReviewMapper mapper;
  private final ExpenseBatchService batches;
  private final ClaimRows rows;
  private final ClaimScreening screening;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final Clock clock;
  private final Random seeds = new SecureRandom();

  ExpenseReviewService(ExpenseReviewMapper mapper, ExpenseBatchService batches, ClaimRows rows,
      ClaimScreening screening, RegionSettingsService settings, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.batches = batches;
    this.rows = rows;
    this.screening = screening;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** The screening's outcome: suspicious claims, the institutions whose claims are to verify, the period. */
  public record Screened(int claims, int suspicious, List<String> institutions, int verificationDays) {
  }

  /** 初审: every claim against the latest claim-screening table, in memory; the suspicious ones marked in bulk. */
  @Transactional
  public Screened screen(String batchNo, String processInstanceId) {
    ClaimBatch b = batch(batchNo);
    if (b.suspiciousCount() == null) {
      ClaimScreening.Table table = screening.table();
      List<Object[]> suspicious = new ArrayList<>();
      for (ClaimRows.Facts f : rows.facts(b.id())) {
        ClaimScreening.Result r = table.evaluate(f.careType(), f.stayDays(), f.itemCount(), f.amount().doubleValue());
        if (r.suspicious()) {
          suspicious.add(new Object[] {f.id(), r.describe()});
        }
      }
      rows.markSuspicious(suspicious);
      mapper.recordScreening(batchNo, suspicious.size(), OffsetDateTime.now(clock));
      audit.record(AuditEntry.of(b.region(), ExpenseBatchService.ENTITY, batchNo, "SCREENED", b.status(),
          ClaimBatch.SCREENED, "R-VIO-13", "初审（100% 筛查）：" + b.claimCount() + " 张单据，可疑 " + suspicious.size()
              + " 张", processInstanceId, "decision=" + table.definitionId()));
      b = batch(batchNo);
    }
    return new Screened(b.claimCount(), b.suspiciousCount(), mapper.institutionsOf(b.id(), SCREENING),
        settings.value(b.region(), RegionSetting.CLAIM_VERIFICATION_PERIOD));
  }

  /** The sample: its seed, population (inpatient claims that passed), size, and the institutions in it. */
  public record Sample(long seed, int population, int sampled, List<String> institutions) {
  }

  /**
   * 复审抽样: ceil(ratio x population) of the inpatient claims that passed the screening, drawn at random with a
   * recorded seed (the draw is reproducible from the seed and the claims' order, {@link #draw}).
   */
  @Transactional
  public Sample drawSample(String batchNo, String processInstanceId) {
    ClaimBatch b = batch(batchNo);
    if (b.sampleSeed() == null) {
      long seed = seeds.nextLong();
      List<Long> population = mapper.samplePopulation(b.id());
      List<Long> drawn = draw(population, b.sampleRatio(), seed);
      for (int from = 0; from < drawn.size(); from += ClaimRows.CHUNK) {
        mapper.markSampled(drawn.subList(from, Math.min(drawn.size(), from + ClaimRows.CHUNK)));
      }
      mapper.recordSample(batchNo, seed, population.size(), drawn.size(), OffsetDateTime.now(clock));
      audit.record(AuditEntry.of(b.region(), ExpenseBatchService.ENTITY, batchNo, "SAMPLED", b.status(),
          ClaimBatch.SAMPLED, "R-VIO-13", "复审随机抽查：通过初审的住院单据 " + population.size() + " 张，按 "
              + percent(b.sampleRatio()) + "% 抽取 " + drawn.size() + " 张", processInstanceId, "seed=" + seed));
      b = batch(batchNo);
    }
    return new Sample(b.sampleSeed(), b.samplePopulation(), b.sampledCount(), mapper.institutionsOf(b.id(), SAMPLE));
  }

  /** The draw: the population in its order, shuffled by {@code new Random(seed)}, the first ceil(ratio x n). */
  static List<Long> draw(List<Long> population, BigDecimal ratio, long seed) {
    int n = ratio.multiply(BigDecimal.valueOf(population.size())).setScale(0, RoundingMode.CEILING).intValueExact();
    List<Long> shuffled = new ArrayList<>(population);
    Collections.shuffle(shuffled, new Random(seed));
    List<Long> drawn = new ArrayList<>(shuffled.subList(0, Math.min(n, shuffled.size())));
    Collections.sort(drawn);
    return drawn;
  }

  /** What the refusals come to: the institutions refused and the amount. */
  public record Refused(int institutions, BigDecimal amount) {
  }

  /**
   * 拒付 (R-VIO-13): per institution, violations confirmed in the screening are refused as found; violations
   * confirmed in the sample are refused scaled up by the sampling ratio (found / ratio), at most the amount of
   * the institution's claims the sample stood for (its inpatient claims that passed the screening).
   */
  @Transactional
  public Refused refuse(String batchNo, String processInstanceId) {
    ClaimBatch b = batch(batchNo);
    if (b.refusedAmount() == null) {
      BigDecimal total = BigDecimal.ZERO;
      OffsetDateTime now = OffsetDateTime.now(clock);
      for (ExpenseReviewMapper.Found f : mapper.found(b.id())) {
        ClaimBatch.Refusal r = refusal(f, b.sampleRatio(), String.join(",", codes(b.id(), f)));
        mapper.insertRefusal(b.id(), r, now);
        total = total.add(r.refusedAmount());
      }
      mapper.recordRefused(batchNo, total, now);
      audit.record(AuditEntry.of(b.region(), ExpenseBatchService.ENTITY, batchNo, "REFUSED", b.status(),
          ClaimBatch.REFUSED, "R-VIO-13", "拒付合计 " + total.toPlainString() + " 元（初审核实的按查实金额，复审抽查的按抽查比例 "
              + percent(b.sampleRatio()) + "% 放大）", processInstanceId, null));
      b = batch(batchNo);
    }
    List<ClaimBatch.Refusal> refusals = mapper.refusals(b.id());
    return new Refused((int) refusals.stream().map(ClaimBatch.Refusal::institutionCode).distinct().count(),
        b.refusedAmount());
  }

  static ClaimBatch.Refusal refusal(ExpenseReviewMapper.Found f, BigDecimal ratio, String codes) {
    BigDecimal found = f.foundAmount().setScale(2, RoundingMode.HALF_UP);
    if (SCREENING.equals(f.stage())) {
      return new ClaimBatch.Refusal(f.institutionCode(), SCREENING, f.claims(), found, BigDecimal.ONE.setScale(4),
          found, codes, null);
    }
    BigDecimal scaled = found.divide(ratio, 2, RoundingMode.HALF_UP).min(f.baseAmount().setScale(2,
        RoundingMode.HALF_UP)).max(found);
    return new ClaimBatch.Refusal(f.institutionCode(), SAMPLE, f.claims(), found, ratio, scaled, codes, null);
  }

  private List<String> codes(long batchId, ExpenseReviewMapper.Found f) {
    return mapper.codesOf(batchId, f.institutionCode(), f.stage()).stream()
        .flatMap(c -> java.util.Arrays.stream(c.split(","))).map(String::trim).filter(c -> !c.isEmpty()).distinct()
        .sorted().toList();
  }

  /** Closes the batch (办结) and returns its figures. */
  @Transactional
  public ClaimBatch.Figures close(String batchNo, String processInstanceId) {
    ClaimBatch b = batch(batchNo);
    if (mapper.close(batchNo, OffsetDateTime.now(clock)) > 0) {
      ClaimBatch.Figures f = batches.figures(b);
      audit.record(AuditEntry.of(b.region(), ExpenseBatchService.ENTITY, batchNo, "CLOSED", b.status(),
          ClaimBatch.CLOSED, "R-VIO-13", "费用审核办结", processInstanceId, f.toString()));
    }
    return batches.figures(batch(batchNo));
  }

  ClaimBatch batch(String batchNo) {
    ClaimBatch b = batchNo == null ? null : mapper.find(batchNo);
    if (b == null) {
      throw DomainRuleException.notFound("费用审核批次 / claim batch", batchNo);
    }
    return b;
  }

  static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).stripTrailingZeros().toPlainString();
  }
}
