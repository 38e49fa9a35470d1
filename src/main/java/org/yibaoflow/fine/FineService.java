package org.yibaoflow.fine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * The administrative fine (行政罚款, R-VIO-10 [002 §二(三)2; 001 §三(四)]): opened once per violation case whose
 * decision took effect with a fine proposal, decided by the administrative department inside the range, notified
 * with the right to a statement and hearing, decided in writing, reviewed through the objection process, then paid
 * or pursued. Every step is idempotent: a retried job finds the step already recorded. The process decides; the
 * domain API only hands statements and payments to the waiting process.
 */
@Service
public class FineService {

  public static final String PROCESS_KEY = "administrative-fine";
  static final String PREFIX = "FK";
  static final String ENTITY = "ADMINISTRATIVE_FINE";
  static final String RULE = "R-VIO-10";
  static final String MESSAGE_STATEMENT = "FineStatementFiled";

  private final FineMapper mapper;
  private final ViolationCatalogue catalogue;
  private final DeclineReasons declineReasons;
  private final RegionSettingsService settings;
  private final WorkingDayCalendar calendar;
  private final CaseNumbers caseNumbers;
  private final AuditService audit;
  private final RegionAccess regionAccess;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final Clock clock;

  FineService(FineMapper mapper, ViolationCatalogue catalogue, DeclineReasons declineReasons,
      RegionSettingsService settings, WorkingDayCalendar calendar, CaseNumbers caseNumbers, AuditService audit,
      RegionAccess regionAccess, RuntimeService runtimeService, EngineAsApplication engine, Clock clock) {
    this.mapper = mapper;
    this.catalogue = catalogue;
    this.declineReasons = declineReasons;
    this.settings = settings;
    this.calendar = calendar;
    this.caseNumbers = caseNumbers;
    this.audit = audit;
    this.regionAccess = regionAccess;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- opening (from the violation case)

  /**
   * Opens the fine of a violation case whose decision took effect, when the case proposed one (R-VIO-10), and
   * starts its process as the application (the process is not startable from outside). Null when the case
   * proposes no fine. Idempotent: the fine of a case that has one is returned, nothing is started.
   */
  @Transactional
  public Fine openFor(String caseNo) {
    Fine existing = mapper.findByCase(caseNo);
    if (existing != null) {
      return existing;
    }
    FineMapper.SourceCase c = mapper.sourceCase(caseNo);
    if (c == null || c.fineProposal() == null || c.fineProposal().signum() <= 0) {
      return null;
    }
    boolean sanJia = mapper.findingCodes(caseNo).stream()
        .anyMatch(code -> catalogue.find(code).map(ViolationCatalogue.Violation::sanJia).orElse(false));
    FineRange range = FineRange.of(c.recoveryAmount(), sanJia);
    String fineNo = caseNumbers.next(PREFIX, c.region());
    mapper.insert(fineNo, caseNo, c.region(), c.institutionId(), c.recoveryAmount(), c.fineProposal(), range.min(),
        range.max(), sanJia, "pending:" + fineNo, now());
    Map<String, Object> vars = new HashMap<>();
    vars.put("region", c.region());
    vars.put("caseNo", fineNo);
    vars.put("violationCaseNo", caseNo);
    vars.put("institutionName", c.institutionName());
    vars.put("ruleId", RULE);
    vars.put("fineFacts", facts(c, range, sanJia));
    vars.put("fineRange", range.text());
    vars.put("minAmount", range.min().toPlainString());
    vars.put("maxAmount", range.max().toPlainString());
    vars.put("proposedAmount", c.fineProposal().toPlainString());
    // a Json variable: the forms' checklist reads its options ({label, value}) from it (valuesKey)
    vars.put("declineReasonOptions", SpinValues.jsonValue(Spin.JSON(declineReasons.all())).create());
    String pi = engine.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, fineNo, vars)).getId();
    mapper.attachProcess(fineNo, pi);
    audit.record(AuditEntry.of(c.region(), ENTITY, fineNo, "OPENED", null, Fine.DECIDING, RULE,
        "违约案件 " + caseNo + " 处理决定生效，罚款建议 " + c.fineProposal().toPlainString() + " 元移交医保行政部门决定", pi,
        "range=" + range.min() + ".." + range.max() + ", sanJia=" + sanJia));
    return mapper.find(fineNo);
  }

  static String facts(FineMapper.SourceCase c, FineRange range, boolean sanJia) {
    return "违约处理案件 " + c.caseNo() + "（" + c.institutionName() + "）经查实存在骗取医保基金行为"
        + (sanJia ? "，属“三假”骗保" : "") + "，骗取金额 " + c.recoveryAmount().toPlainString() + " 元，已责令退回。"
        + (c.summary() == null ? "" : "案情：" + c.summary() + "。") + "经办机构建议处骗取金额 "
        + (c.fineMultiple() == null ? "" : c.fineMultiple() + " 倍") + "罚款 " + c.fineProposal().toPlainString()
        + " 元。依据 R-VIO-10（医保行政部门处骗取金额 2 倍以上 5 倍以下罚款"
        + (sanJia ? "；“三假”骗保处最高倍数" : "") + "），罚款金额范围：" + range.text() + "。";
  }

  // ---------------------------------------------------------------- decision of the department

  /** Checks a decision as the form submits it (the form check and the delegate call the same). */
  public BigDecimal checkDecision(String fineNo, String decision, BigDecimal amount, Object reasons) {
    Fine f = find(fineNo);
    if ("IMPOSE".equals(decision)) {
      return range(f).check(amount, "fineAmount");
    }
    if ("DECLINE".equals(decision)) {
      declineReasons.text(reasons);
      return null;
    }
    throw DomainRuleException.badRequest("fineDecision", RULE, "须选择处以罚款或不予处罚", "fineDecision must be IMPOSE or DECLINE");
  }

  /** Records the department's decision: the amount within the range, or no fine with the reasons chosen. */
  @Transactional
  public Fine decide(String fineNo, String decision, BigDecimal amount, Object reasons, String pi) {
    Fine f = find(fineNo);
    BigDecimal checked = checkDecision(fineNo, decision, amount, reasons);
    if (!Fine.DECIDING.equals(f.status())) {
      return f;
    }
    if (checked != null) {
      mapper.decide(fineNo, Fine.DECIDING, checked, null, now());
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "AMOUNT_DECIDED", f.status(), Fine.DECIDING, RULE,
          "医保行政部门拟处罚款 " + checked.toPlainString() + " 元（范围 " + range(f).text() + "）", pi, null));
    } else {
      String text = declineReasons.text(reasons);
      mapper.decide(fineNo, Fine.DECLINED, null, text, now());
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "DECLINED", f.status(), Fine.DECLINED, RULE,
          "不予行政处罚：" + text, pi, null));
    }
    return mapper.find(fineNo);
  }

  // ---------------------------------------------------------------- notice, statement, decision

  /** What a served document says, and the period that follows it. */
  public record Served(String decision, String party, LocalDate servedOn, int periodDays) {
  }

  /**
   * Serves the 行政处罚告知书: the proposed fine, its facts and rule, and the party's right to a statement and
   * defence and to ask for a hearing within the region's period (fine-statement-period, working days from the
   * day after service, R-TIME-1).
   */
  @Transactional
  public Served serveNotice(String fineNo, String institutionName, String pi) {
    Fine f = find(fineNo);
    LocalDate today = today();
    if (mapper.notified(fineNo, today, now()) == 1) {
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "NOTICE_SERVED", f.status(), Fine.NOTIFIED, RULE,
          "送达行政处罚告知书：拟处罚款 " + f.amount().toPlainString() + " 元", pi, "servedOn=" + today));
    }
    LocalDate served = f.noticeServedOn() == null ? today : f.noticeServedOn();
    return new Served("拟对你单位处罚款 " + f.amount().toPlainString() + " 元（" + RULE + "）。你单位有权进行陈述和申辩，并可要求听证。",
        institutionName, served, settings.value(f.region(), RegionSetting.FINE_STATEMENT_PERIOD));
  }

  /** A statement, defence or hearing request of the party, handed to the waiting process (409 when none waits). */
  @Transactional
  public void receiveStatement(String fineNo, String statement) {
    Fine f = visible(fineNo);
    DomainRuleException.requireText(statement, "statement", "陈述申辩意见", "statement");
    if (!Fine.NOTIFIED.equals(f.status()) || f.statement() != null) {
      throw DomainRuleException.conflict("status", RULE, "该罚款案件当前不在陈述申辩期内（" + f.status() + "）",
          "The fine is not waiting for a statement (" + f.status() + ")");
    }
    mapper.statement(fineNo, statement.trim(), now());
    audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "STATEMENT_FILED", f.status(), f.status(), RULE,
        "当事人提出陈述申辩（听证）意见", f.processInstanceId(), null));
    engine.run(() -> runtimeService.createMessageCorrelation(MESSAGE_STATEMENT).processInstanceId(f.processInstanceId())
        .setVariable("statement", statement.trim()).correlateWithResult());
  }

  /**
   * After the statement: keep the amount, change it within the range, or not fine (reasons from the list). The
   * statement may not raise the fine (陈述申辩不加重处罚, 《行政处罚法》第四十五条).
   */
  @Transactional
  public Fine reviewStatement(String fineNo, String outcome, BigDecimal amount, Object reasons, String pi) {
    Fine f = find(fineNo);
    checkReview(fineNo, outcome, amount, reasons);
    if (!Fine.NOTIFIED.equals(f.status())) {
      return f;
    }
    if ("ADJUST".equals(outcome)) {
      BigDecimal a = range(f).check(amount, "fineAmount");
      mapper.decide(fineNo, Fine.NOTIFIED, a, null, now());
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "AMOUNT_ADJUSTED", f.status(), f.status(), RULE,
          "采纳陈述申辩意见，罚款金额调整为 " + a.toPlainString() + " 元", pi, "was=" + f.amount()));
    } else if ("WITHDRAW".equals(outcome)) {
      String text = declineReasons.text(reasons);
      mapper.decide(fineNo, Fine.DECLINED, f.amount(), text, now());
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "DECLINED", f.status(), Fine.DECLINED, RULE,
          "采纳陈述申辩意见，不予行政处罚：" + text, pi, null));
    }
    return mapper.find(fineNo);
  }

  public void checkReview(String fineNo, String outcome, BigDecimal amount, Object reasons) {
    Fine f = find(fineNo);
    switch (outcome == null ? "" : outcome) {
      case "MAINTAIN" -> {
      }
      case "ADJUST" -> {
        BigDecimal a = range(f).check(amount, "fineAmount");
        if (f.amount() != null && a.compareTo(f.amount()) > 0) {
          throw DomainRuleException.badRequest("fineAmount", RULE, "不得因当事人陈述申辩而加重处罚：调整后的金额不得高于告知的 "
              + f.amount().toPlainString() + " 元", "A statement may not raise the fine above " + f.amount());
        }
      }
      case "WITHDRAW" -> declineReasons.text(reasons);
      default -> throw DomainRuleException.badRequest("statementOutcome", RULE, "须选择维持、调整金额或不予处罚",
          "statementOutcome must be MAINTAIN, ADJUST or WITHDRAW");
    }
  }

  /** The amount an objection's review changed the fine to: inside the range (R-VIO-10). */
  public void checkChangedAmount(String fineNo, BigDecimal changedAmount) {
    range(find(fineNo)).check(changedAmount, "changedAmount");
  }

  /** Serves the 行政处罚决定书 (the objection window, as administrative reconsideration, counts from it). */
  @Transactional
  public Served serveDecision(String fineNo, String institutionName, String pi) {
    Fine f = find(fineNo);
    LocalDate today = today();
    if (mapper.decisionServed(fineNo, today, now()) == 1) {
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "DECISION_SERVED", f.status(), Fine.DECIDED, RULE,
          "送达行政处罚决定书：罚款 " + f.amount().toPlainString() + " 元", pi, "servedOn=" + today));
    }
    LocalDate served = f.decisionServedOn() == null ? today : f.decisionServedOn();
    return new Served(decisionText(f), institutionName, served, settings.value(f.region(), RegionSetting.OBJECTION_WINDOW));
  }

  static String decisionText(Fine f) {
    return "依据 " + RULE + "，对你单位处骗取医保基金金额（" + f.defraudedAmount().toPlainString() + " 元）相应倍数的罚款 "
        + f.amount().toPlainString() + " 元，限期缴纳。";
  }

  /**
   * The decision as the objection left it: revoked (nothing to pay), or in effect (changed: the amount the review
   * set, within the range), with the payment due the region's fine-payment-period days after today (R-TIME-2).
   */
  @Transactional
  public Fine takeEffect(String fineNo, String objectionOutcome, BigDecimal changedAmount, String pi) {
    Fine f = find(fineNo);
    if ("CHANGED".equals(objectionOutcome)) {
      range(f).check(changedAmount, "changedAmount");
    }
    if (!Fine.DECIDED.equals(f.status())) {
      return f;
    }
    OffsetDateTime now = now();
    if ("REVOKED".equals(objectionOutcome)) {
      mapper.status(fineNo, Fine.REVOKED, now);
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "REVOKED", f.status(), Fine.REVOKED, "R-PERS-12",
          "行政处罚决定经异议（复议）程序撤销", pi, null));
      return mapper.find(fineNo);
    }
    if ("CHANGED".equals(objectionOutcome)) {
      BigDecimal a = range(f).check(changedAmount, "changedAmount");
      mapper.decide(fineNo, Fine.DECIDED, a, null, now);
      audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "AMOUNT_CHANGED", f.status(), f.status(), "R-PERS-12",
          "异议（复议）程序变更罚款金额为 " + a.toPlainString() + " 元", pi, "was=" + f.amount()));
    }
    LocalDate today = today();
    LocalDate due = calendar.addDays(today, settings.value(f.region(), RegionSetting.FINE_PAYMENT_PERIOD)).deadline();
    mapper.effective(fineNo, today, due, now);
    audit.record(AuditEntry.of(f.region(), ENTITY, fineNo, "TOOK_EFFECT", f.status(), Fine.EFFECTIVE, RULE,
        "行政处罚决定生效，缴款期限至 " + due, pi, "objectionOutcome=" + objectionOutcome));
    return mapper.find(fineNo);
  }

  // ---------------------------------------------------------------- reading

  /** Days to pay a fine in effect in the fine's region (R-VIO-10, fine-payment-period; the timer counts them). */
  public int paymentDays(String fineNo) {
    return settings.value(find(fineNo).region(), RegionSetting.FINE_PAYMENT_PERIOD);
  }

  /** The fines of the user's regions (the administrative department's list), newest first; by status. */
  @Transactional(readOnly = true)
  public List<Fine.Row> list(String status) {
    List<String> regions = regionAccess.visibleRegions();
    return regions.isEmpty() ? List.of() : mapper.list(regions, status);
  }

  @Transactional(readOnly = true)
  public Fine get(String fineNo) {
    return visible(fineNo);
  }

  public List<DeclineReasons.Reason> declineReasons() {
    return declineReasons.all();
  }

  Fine find(String fineNo) {
    Fine f = mapper.find(fineNo);
    if (f == null) {
      throw DomainRuleException.notFound("行政罚款 / administrative fine", fineNo);
    }
    return f;
  }

  Fine visible(String fineNo) {
    Fine f = mapper.find(fineNo);
    if (f == null || !regionAccess.canSee(f.region())) {
      throw DomainRuleException.notFound("行政罚款 / administrative fine", fineNo);
    }
    return f;
  }

  static FineRange range(Fine f) {
    return new FineRange(f.minAmount(), f.maxAmount(), Boolean.TRUE.equals(f.sanJia()));
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
