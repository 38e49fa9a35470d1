package org.yibaoflow.expensereview;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The caseworkers' verdicts on one institution's claims of a batch: the suspicious ones (核实：调阅病历、现场核查)
 * or the sampled ones (复审). The form lists the claims; the caseworker names the confirmed ones, each with the
 * amount found (default: the whole claim), and the violation catalogue codes; every other claim of the task is
 * cleared. Bad input refuses the completion (a message in Tasklist), nothing is written.
 */
@Service
public class ClaimVerdicts {

  /** A string variable holds at most 4,000 characters; a longer list is cut with a pointer to the API. */
  static final int MAX_TEXT = 3_700;

  private final ExpenseReviewMapper mapper;
  private final ViolationCatalogue catalogue;
  private final InstitutionService institutions;
  private final AuditService audit;
  private final Clock clock;

  ClaimVerdicts(ExpenseReviewMapper mapper, ViolationCatalogue catalogue, InstitutionService institutions,
      AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.catalogue = catalogue;
    this.institutions = institutions;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the form shows: the institution and its claims of the stage, one a line. */
  /**
   * What a verification task shows: the claims as text, the violations the screening proposes (codes) and the
   * choices of the form's violation multi-select (the catalogue for the institution's type, Chinese names, issue 15).
   */
  public record Worklist(String institutionName, int claims, String text, String proposedViolations,
      List<Map<String, String>> violationOptions) {

    /** The proposed codes the multi-select offers, in order. */
    public List<String> proposedChoices() {
      Set<String> offered = violationOptions.stream().map(o -> o.get("value")).collect(Collectors.toSet());
      return Arrays.stream(proposedViolations.split(",")).filter(offered::contains).toList();
    }
  }

  @Transactional(readOnly = true)
  public Worklist worklist(String batchNo, String institutionCode, String stage) {
    ClaimBatch b = batch(batchNo);
    List<Claim> claims = mapper.claimsOf(b.id(), institutionCode, stage);
    StringBuilder text = new StringBuilder();
    Set<String> proposed = new LinkedHashSet<>();
    for (Claim c : claims) {
      text.append(c.claimId()).append("  ").append(ClaimInput.INPATIENT.equals(c.careType()) ? "住院" : "门诊")
          .append(' ').append(c.stayDays()).append("日  ").append(c.itemCount()).append("项  ")
          .append(c.amount().toPlainString()).append("元");
      if (c.suspicion() != null) {
        String[] parts = c.suspicion().split(" \\| ", 2);
        text.append("  ").append(parts[0]);
        if (parts.length > 1) {
          Arrays.stream(parts[1].split(",")).filter(x -> !x.isBlank()).forEach(proposed::add);
        }
      }
      text.append('\n');
    }
    Institution i = institutions.findByCode(b.region(), institutionCode);
    String list = text.length() <= MAX_TEXT ? text.toString()
        : text.substring(0, text.lastIndexOf("\n", MAX_TEXT) + 1) + "……（共 " + claims.size()
            + " 张，完整清单：GET /api/expense-batches/" + batchNo + "/claims?institutionCode=" + institutionCode + "&stage="
            + stage + "）";
    return new Worklist(i == null ? institutionCode : i.name(), claims.size(), list, String.join(",", proposed),
        catalogue.options(i == null ? null : i.type()));
  }

  /** An institution's claims of a stage in a batch (the form's list in full), for the current user's regions. */
  @Transactional(readOnly = true)
  public List<Claim> claims(String batchNo, String institutionCode, String stage, List<String> visibleRegions) {
    ClaimBatch b = batchNo == null ? null : mapper.find(batchNo);
    if (b == null || !visibleRegions.contains(b.region())) {
      throw DomainRuleException.notFound("费用审核批次 / claim batch", batchNo);
    }
    if (!ExpenseReviewService.SCREENING.equals(stage) && !ExpenseReviewService.SAMPLE.equals(stage)) {
      throw DomainRuleException.badRequest("stage", "R-VIO-13", "阶段须为 SCREENING（初审可疑）或 SAMPLE（复审抽查）",
          "stage must be SCREENING or SAMPLE");
    }
    return mapper.claimsOf(b.id(), institutionCode, stage);
  }

  /** The verdicts of one task: how many confirmed and the amount found. */
  public record Verdicts(int confirmed, int cleared, BigDecimal found) {
  }

  /** A task's input, checked: the claims of the task, the confirmed ones with their amounts, the codes. */
  public record Checked(String batchNo, String region, String institutionCode, String stage, Map<String, Claim> claims,
      Map<String, BigDecimal> confirmed, String codes) {
  }

  /**
   * Checks a task's input (R-VIO-13) without writing: {@code confirmedClaims} one claim a line (or separated by
   * ; ，), "claimId" or "claimId amount"; each must be a claim of this institution and stage in the batch, the
   * amount positive and at most the claim's; {@code violationCodes} catalogue codes, required when a claim is
   * confirmed. Not transactional on purpose: a refusal (DomainRuleException) must not mark the process's
   * transaction for rollback, the process answers it by returning the task.
   */
  public Checked check(String batchNo, String institutionCode, String stage, String confirmedClaims,
      String violationCodes) {
    ClaimBatch b = batch(batchNo);
    Map<String, Claim> claims = mapper.claimsOf(b.id(), institutionCode, stage).stream()
        .collect(Collectors.toMap(Claim::claimId, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    if (claims.isEmpty()) {
      throw DomainRuleException.badRequest("institutionCode", "R-VIO-13", "本批次该机构没有待核实的单据",
          "The batch has no claims of this institution to verify");
    }
    Map<String, BigDecimal> confirmed = parse(confirmedClaims, claims);
    String codes = codes(violationCodes, b.region(), institutionCode, !confirmed.isEmpty());
    return new Checked(batchNo, b.region(), institutionCode, stage, claims, confirmed, codes);
  }

  /**
   * Records checked verdicts: the confirmed claims with amount and codes, every other claim of the task cleared;
   * the audit names how the claims were verified (调阅病历 RECORDS, 现场核查 ON_SITE) and the caseworker's note.
   */
  @Transactional
  public Verdicts record(Checked c, String verifiedBy, String method, String note, String processInstanceId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    BigDecimal found = BigDecimal.ZERO;
    for (Claim claim : c.claims().values()) {
      BigDecimal amount = c.confirmed().get(claim.claimId());
      if (amount != null) {
        mapper.recordVerdict(claim.id(), Claim.CONFIRMED, amount, c.codes(), verifiedBy, now);
        found = found.add(amount);
      } else {
        mapper.recordVerdict(claim.id(), Claim.CLEARED, null, null, verifiedBy, now);
      }
    }
    audit.record(AuditEntry.of(c.region(), ExpenseBatchService.ENTITY, c.batchNo(), "VERIFIED", null, null, "R-VIO-13",
        (ExpenseReviewService.SCREENING.equals(c.stage()) ? "可疑单据核实：" : "复审抽查：") + c.institutionCode() + " 单据 "
            + c.claims().size() + " 张，查实违规 " + c.confirmed().size() + " 张，金额 " + found.toPlainString() + " 元",
        processInstanceId, truncate("method=" + method + (c.confirmed().isEmpty() ? "" : "; codes=" + c.codes()
            + "; claims=" + c.confirmed().keySet()) + (note == null || note.isBlank() ? "" : "; note=" + note))));
    return new Verdicts(c.confirmed().size(), c.claims().size() - c.confirmed().size(), found);
  }

  private static Map<String, BigDecimal> parse(String text, Map<String, Claim> claims) {
    Map<String, BigDecimal> confirmed = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return confirmed;
    }
    for (String entry : text.split("[\\n;；，]+")) {
      String[] parts = entry.trim().split("[\\s,=:：]+");
      if (parts.length == 0 || parts[0].isBlank()) {
        continue;
      }
      Claim c = claims.get(parts[0]);
      if (c == null) {
        throw DomainRuleException.badRequest("confirmedClaims", "R-VIO-13", "单据 " + parts[0] + " 不是本任务待核实的单据",
            "Claim " + parts[0] + " is not one of this task's claims").with("claimId", parts[0]);
      }
      BigDecimal amount;
      try {
        amount = parts.length > 1 ? new BigDecimal(parts[1]) : c.amount();
      } catch (NumberFormatException e) {
        throw DomainRuleException.badRequest("confirmedClaims", "R-VIO-13", "单据 " + parts[0] + " 的违规金额不是数字",
            "The amount of claim " + parts[0] + " is not a number").with("claimId", parts[0]);
      }
      if (amount.signum() <= 0 || amount.compareTo(c.amount()) > 0 || amount.stripTrailingZeros().scale() > 2) {
        throw DomainRuleException.badRequest("confirmedClaims", "R-VIO-13", "单据 " + parts[0] + " 的违规金额须大于 0 且不超过单据金额 "
            + c.amount().toPlainString() + " 元", "The amount of claim " + parts[0] + " must be above 0 and at most "
            + c.amount().toPlainString()).with("claimId", parts[0]);
      }
      confirmed.put(c.claimId(), amount);
    }
    return confirmed;
  }

  private String codes(String text, String region, String institutionCode, boolean required) {
    // typed by hand ("A, B") through /api, or the form's multi-select as Json text (["A","B"])
    List<String> codes = text == null ? List.of()
        : Arrays.stream(text.replaceAll("[\\[\\]\"]", " ").split("[,，;；\\s]+")).filter(x -> !x.isBlank())
            .distinct().toList();
    if (!required) {
      return null;
    }
    if (codes.isEmpty()) {
      throw DomainRuleException.badRequest("violationCodes", "R-VIO-2", "查实违规单据的，须列明违约行为目录编码",
          "Name the violation catalogue codes of the confirmed claims");
    }
    Institution i = institutions.findByCode(region, institutionCode);
    for (String code : codes) {
      var v = catalogue.find(code).orElseThrow(() -> DomainRuleException.badRequest("violationCodes", "R-VIO-2",
          "违约行为目录中没有编码 " + code, "No violation " + code + " in the catalogue").with("code", code));
      if (i != null && !v.appliesTo(i.type())) {
        throw DomainRuleException.badRequest("violationCodes", "R-VIO-2", "违约行为 " + code + " 不适用于该类机构",
            "Violation " + code + " does not apply to a " + i.type()).with("code", code);
      }
    }
    String joined = String.join(",", codes);
    return joined.length() <= 500 ? joined : joined.substring(0, 500);
  }

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000);
  }

  private ClaimBatch batch(String batchNo) {
    ClaimBatch b = batchNo == null ? null : mapper.find(batchNo);
    if (b == null) {
      throw DomainRuleException.notFound("费用审核批次 / claim batch", batchNo);
    }
    return b;
  }
}
