package org.yibaoflow.expensereview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * Settlement batches arriving for expense review (费用审核, R-VIO-13): checked whole (a bad claim or a ratio
 * below the region's minimum is a 400 and nothing is written), stored, and the process {@value #PROCESS_KEY}
 * started with the batch number as business key. The same settlement reference in a region is one batch.
 */
@Service
public class ExpenseBatchService {

  static final String PROCESS_KEY = "expense-review";
  static final String ENTITY = "CLAIM_BATCH";
  static final String PREFIX = "FS";
  static final int MAX_CLAIMS = 200_000;
  static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

  private final ExpenseReviewMapper mapper;
  private final ClaimRows rows;
  private final InstitutionService institutions;
  private final RegionSettingsService settings;
  private final RegionAccess regionAccess;
  private final CaseNumbers caseNumbers;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final Clock clock;

  ExpenseBatchService(ExpenseReviewMapper mapper, ClaimRows rows, InstitutionService institutions,
      RegionSettingsService settings, RegionAccess regionAccess, CaseNumbers caseNumbers, AuditService audit,
      RuntimeService runtimeService, EngineAsApplication engine, Clock clock) {
    this.mapper = mapper;
    this.rows = rows;
    this.institutions = institutions;
    this.settings = settings;
    this.regionAccess = regionAccess;
    this.caseNumbers = caseNumbers;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.clock = clock;
  }

  /** A batch as submitted: the ratio of the second review in percent (null: the region's minimum). */
  public record Submission(String region, String settlementRef, BigDecimal sampleRatioPercent,
      List<ClaimInput> claims) {
  }

  public record Submitted(ClaimBatch batch, boolean created) {
  }

  @Transactional
  public Submitted submit(Submission s) {
    String region = regionAccess.caseRegion(s.region());
    DomainRuleException.requireText(s.settlementRef(), "settlementRef", "结算批次号", "settlement batch reference");
    String ref = s.settlementRef().trim();
    if (ref.length() > 64) {
      throw DomainRuleException.badRequest("settlementRef", "INPUT", "结算批次号不能超过 64 个字符",
          "settlementRef is at most 64 characters");
    }
    ClaimBatch existing = mapper.findByRef(region, ref);
    if (existing != null) {
      return new Submitted(existing, false);
    }
    BigDecimal ratio = ratio(region, s.sampleRatioPercent());
    BigDecimal total = check(region, s.claims());
    String user = regionAccess.currentUser().userId();
    String batchNo = caseNumbers.next(PREFIX, region);
    OffsetDateTime now = OffsetDateTime.now(clock);
    mapper.insertBatch(batchNo, region, ref, ratio, s.claims().size(), total, user, now);
    ClaimBatch batch = mapper.find(batchNo);
    rows.insert(batch.id(), s.claims());
    Map<String, Object> variables = new HashMap<>();
    variables.put("region", region);
    variables.put("batchNo", batchNo);
    variables.put("claimCount", s.claims().size());
    variables.put("sampleRatioPercent", ratio.movePointRight(2).stripTrailingZeros().toPlainString());
    String pi = engine.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, batchNo, variables)).getId();
    mapper.attachProcess(batchNo, pi);
    audit.record(AuditEntry.of(region, ENTITY, batchNo, "SUBMITTED", null, ClaimBatch.SUBMITTED, "R-VIO-13",
        "结算批次 " + ref + " 提交费用审核：" + s.claims().size() + " 张单据，金额 " + total.toPlainString()
            + " 元，复审抽查比例 " + ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%", pi,
        "settlementRef=" + ref));
    return new Submitted(mapper.find(batchNo), true);
  }

  /**
   * R-VIO-13 [000 §二(二)]: the second review samples at least the region's minimum (second-review-sample-minimum,
   * default 5 %) of the inpatient claims; a smaller ratio is refused. Returns the ratio as a fraction.
   */
  BigDecimal ratio(String region, BigDecimal percent) {
    int minimum = settings.value(region, RegionSetting.SECOND_REVIEW_SAMPLE_MINIMUM);
    BigDecimal p = (percent == null ? BigDecimal.valueOf(minimum) : percent).stripTrailingZeros();
    if (p.compareTo(BigDecimal.valueOf(minimum)) < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 || p.scale() > 2) {
      throw DomainRuleException.badRequest("sampleRatioPercent", "R-VIO-13",
          "复审随机抽查比例须不低于本地区最低比例 " + minimum + "%（住院费用，R-VIO-13），且不超过 100%，至多两位小数",
          "The second-review sample must be at least the region's minimum of " + minimum
              + " % of inpatient claims (R-VIO-13) and at most 100 %, with at most two decimals")
          .with("minimum", minimum);
    }
    return p.movePointLeft(2).setScale(4, RoundingMode.UNNECESSARY);
  }

  private BigDecimal check(String region, List<ClaimInput> claims) {
    if (claims == null || claims.isEmpty()) {
      throw DomainRuleException.badRequest("claims", "R-VIO-13", "结算批次须至少包含一张费用单据",
          "A batch needs at least one claim");
    }
    if (claims.size() > MAX_CLAIMS) {
      throw DomainRuleException.badRequest("claims", "INPUT", "一个批次至多 " + MAX_CLAIMS + " 张单据",
          "A batch has at most " + MAX_CLAIMS + " claims");
    }
    Map<String, Boolean> known = new HashMap<>();
    Set<String> ids = new HashSet<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < claims.size(); i++) {
      ClaimInput c = claims.get(i);
      String at = "claims[" + i + "].";
      if (c == null || c.claimId() == null || c.claimId().isBlank() || c.claimId().length() > 64) {
        throw bad(at + "claimId", "第 " + (i + 1) + " 张单据缺少单据号（至多 64 个字符）", "claim " + i + " needs a claimId");
      }
      if (!ids.add(c.claimId())) {
        throw bad(at + "claimId", "单据号 " + c.claimId() + " 重复", "claimId " + c.claimId() + " appears twice");
      }
      String code = c.institutionCode();
      if (code == null || !known.computeIfAbsent(code, k -> isInstitution(region, k))) {
        throw bad(at + "institutionCode", "本统筹地区没有编码为 " + code + " 的定点医药机构",
            "No institution " + code + " in region " + region);
      }
      if (!ClaimInput.INPATIENT.equals(c.careType()) && !ClaimInput.OUTPATIENT.equals(c.careType())) {
        throw bad(at + "careType", "就诊类别须为住院（INPATIENT）或门诊（OUTPATIENT）",
            "careType must be INPATIENT or OUTPATIENT");
      }
      if (c.stayDays() == null || c.stayDays() < 0 || c.stayDays() > 3660 || c.itemCount() == null
          || c.itemCount() < 0 || c.itemCount() > 100_000) {
        throw bad(at + (c.stayDays() == null || c.stayDays() < 0 || c.stayDays() > 3660 ? "stayDays" : "itemCount"),
            "住院天数和收费项目数须为非负整数", "stayDays and itemCount must be non-negative integers");
      }
      if (c.amount() == null || c.amount().signum() < 0 || c.amount().compareTo(MAX_AMOUNT) > 0
          || c.amount().stripTrailingZeros().scale() > 2) {
        throw bad(at + "amount", "费用金额须为非负数，至多两位小数", "amount must be a non-negative amount in yuan");
      }
      total = total.add(c.amount());
    }
    return total;
  }

  private boolean isInstitution(String region, String code) {
    Institution i = institutions.findByCode(region, code.trim());
    return i != null && i.code().equals(code);
  }

  private static DomainRuleException bad(String field, String zh, String en) {
    return DomainRuleException.badRequest(field, "R-VIO-13", zh, en);
  }

  /** A batch with its figures and refusals, for the current user's regions; 404 otherwise. */
  public record BatchView(ClaimBatch batch, ClaimBatch.Figures figures, List<ClaimBatch.Refusal> refusals) {
  }

  @Transactional(readOnly = true)
  public BatchView visible(String batchNo) {
    ClaimBatch b = mapper.find(batchNo);
    if (b == null || !regionAccess.canSee(b.region())) {
      throw DomainRuleException.notFound("费用审核批次 / claim batch", batchNo);
    }
    return new BatchView(b, figures(b), mapper.refusals(b.id()));
  }

  @Transactional(readOnly = true)
  public List<ClaimBatch> list() {
    List<String> regions = regionAccess.visibleRegions();
    return regions.isEmpty() ? List.of() : mapper.findByRegions(regions);
  }

  /** R-VIO-13 figures: claims, screened suspicious, verified, sampled, refused claims, amount refused. */
  ClaimBatch.Figures figures(ClaimBatch b) {
    int verified = mapper.countClaims(b.id(), "SCREENING", null, true);
    int refused = mapper.countClaims(b.id(), "SCREENING", Claim.CONFIRMED, null)
        + mapper.countClaims(b.id(), "SAMPLE", Claim.CONFIRMED, null);
    return new ClaimBatch.Figures(b.claimCount(), b.suspiciousCount() == null ? 0 : b.suspiciousCount(), verified,
        b.sampledCount() == null ? 0 : b.sampledCount(), refused,
        b.refusedAmount() == null ? BigDecimal.ZERO : b.refusedAmount());
  }
}
