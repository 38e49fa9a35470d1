package org.yibaoflow.enforcement;

import static org.yibaoflow.enforcement.ViolationCaseSupport.ENTITY;
import static org.yibaoflow.enforcement.ViolationCaseSupport.terminationRule;
import static org.yibaoflow.enforcement.ViolationCaseSupport.truncate;
import static org.yibaoflow.enforcement.ViolationCaseSupport.zero;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.enforcement.ViolationCatalogue.Violation;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * 认定与处理 of a violation case: the measures from the findings and the agreement's history (DMN
 * violation-measures, R-VIO-2..6, R-VIO-8) with their amounts (R-VIO-10/13), the written notice, and the
 * decision's execution once the objection window is over (R-PERS-12): the measure rows, the agreement points
 * (R-EVA-3) and the agreement's suspension or termination. Idempotent per case and measure.
 */
@Service
public class ViolationDecisionService {

  private final ViolationCaseMapper mapper;
  private final ViolationCaseSupport support;
  private final ViolationMeasures measures;
  private final AgreementPointsService points;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final AuditService audit;

  ViolationDecisionService(ViolationCaseMapper mapper, ViolationCaseSupport support, ViolationMeasures measures,
      AgreementPointsService points, InstitutionService institutions, AgreementService agreements,
      RegionSettingsService settings, AuditService audit) {
    this.mapper = mapper;
    this.support = support;
    this.measures = measures;
    this.points = points;
    this.institutions = institutions;
    this.agreements = agreements;
    this.settings = settings;
    this.audit = audit;
  }

  /** The proposed decision shown to legal review and the supervisor. */
  public record Decision(String measureClass, String ruleId, boolean rectification, Integer rectificationDays,
      BigDecimal recovery, BigDecimal refusal, BigDecimal fine, Integer fineMultiple, String text) {
  }

  /**
   * Determines the measures from the findings, the institution type and the agreement's history (DMN
   * violation-measures; R-VIO-2..6, R-VIO-8) and computes the amounts (R-VIO-10, R-VIO-13). Deterministic,
   * so a retried job writes the same.
   */
  @Transactional
  public Decision determineMeasures(String caseNo, String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    List<Violation> found = support.findings(c);
    Agreement a = agreements.find(c.agreementId());
    MeasureAmounts amounts = MeasureAmounts.compute(c.defraudedAmount(), c.sampleAmount(), c.samplingRatio(),
        found.stream().anyMatch(Violation::fraud), found.stream().anyMatch(Violation::sanJia), c.fineMultiple());
    ViolationMeasures.Inputs inputs = inputs(c.institutionType(), found, Boolean.TRUE.equals(c.seriousRisk()),
        amounts.recovery().signum() > 0 || amounts.refusal().signum() > 0,
        a.suspensionCount() == null ? 0 : a.suspensionCount(),
        settings.value(c.region(), RegionSetting.SUSPENSION_TERMINATION_THRESHOLD));
    String mandatory = inputs.mandatoryTermination();
    int severity = inputs.severity();
    var outcome = measures.decide(inputs);
    Integer days = outcome.rectification() ? settings.value(c.region(), RegionSetting.RECTIFICATION_PERIOD) : null;
    mapper.recordDecision(caseNo, outcome.measureClass(), outcome.ruleId(), amounts.recovery(), amounts.refusal(),
        amounts.fine(), days, support.now());
    String text = decisionText(outcome.measureClass(), outcome.ruleId(), days, amounts);
    audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "MEASURES_PROPOSED", c.status(), ViolationCase.DECIDING,
        outcome.ruleId(), truncate("拟处理意见：" + text), processInstanceId, "severity=" + severity + ", mandatory="
            + mandatory + ", suspensionCount=" + a.suspensionCount()));
    return new Decision(outcome.measureClass(), outcome.ruleId(), outcome.rectification(), days, amounts.recovery(),
        amounts.refusal(), amounts.fine(), amounts.fineMultiple(), text);
  }

  /**
   * The DMN's inputs from the findings: the rule of the first mandatory termination for the institution type
   * (R-VIO-3/4/6/8/16), the most severe finding's severity, and the measure a graded finding prescribes when it is
   * the most severe (R-VIO-16 阴阳价格).
   */
  static ViolationMeasures.Inputs inputs(String institutionType, List<Violation> found, boolean seriousRisk,
      boolean fundLoss, int suspensionCount, int suspensionThreshold) {
    String mandatory = found.stream().map(v -> v.terminationFor(institutionType))
        .flatMap(java.util.Optional::stream).map(ViolationCatalogue.Termination::ruleId).findFirst().orElse("NONE");
    int severity = found.stream().mapToInt(Violation::severity).max().orElse(1);
    String graded = found.stream().filter(v -> v.measure() != null && v.severity() == severity)
        .map(Violation::measure).findFirst().orElse("NONE");
    return new ViolationMeasures.Inputs(institutionType, mandatory, severity, seriousRisk, fundLoss, suspensionCount,
        suspensionThreshold, graded);
  }

  static String decisionText(String measureClass, String ruleId, Integer days, MeasureAmounts amounts) {
    StringBuilder b = new StringBuilder("依据 ").append(ruleId).append("，作出「").append(MeasureClass.zhOf(measureClass))
        .append("」处理");
    if (days != null) {
      b.append("，责令 ").append(days).append(" 日内整改");
    }
    if (amounts.recovery().signum() > 0) {
      b.append("；追回医保基金 ").append(amounts.recovery().toPlainString()).append(" 元");
    }
    if (amounts.refusal().signum() > 0) {
      b.append("；按抽查比例放大拒付 ").append(amounts.refusal().toPlainString()).append(" 元（R-VIO-13）");
    }
    if (amounts.fine().signum() > 0) {
      b.append("；建议医保行政部门处骗取金额 ").append(amounts.fineMultiple()).append(" 倍罚款 ")
          .append(amounts.fine().toPlainString()).append(" 元（R-VIO-10）");
    }
    return b.append("。").toString();
  }

  /** The written notice (送达) for the objection window: what was decided, to whom, served when (null: not yet). */
  public record Notice(String decisionType, String decision, String party, String servedOn) {
  }

  /** The decision notice as the case's data say it, before it is served (制作处理决定书; nothing recorded). */
  @Transactional(readOnly = true)
  public Notice decisionNotice(String caseNo) {
    ViolationCase c = support.find(caseNo);
    MeasureAmounts amounts = new MeasureAmounts(zero(c.recoveryAmount()), zero(c.refusalAmount()),
        zero(c.fineProposal()), fineMultipleOf(c));
    String text = decisionText(c.measureClass(), c.measureRule(), c.rectificationDays(), amounts);
    return new Notice("VIOLATION_MEASURE", text, institutions.find(c.institutionId()).name(),
        c.noticeServedOn() == null ? null : c.noticeServedOn().toString());
  }

  /**
   * Records the service of the decision notice on the day the caseworker recorded on its document (issue 17;
   * R-PERS-12, R-TIME-1: the objection window counts from it). Once per case.
   */
  @Transactional
  public Notice serveNotice(String caseNo, String processInstanceId, LocalDate servedOn) {
    ViolationCase c = support.find(caseNo);
    Notice n = decisionNotice(caseNo);
    if (c.noticeServedOn() == null) {
      mapper.recordNotice(caseNo, servedOn, support.now());
      audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "NOTICE_SERVED", c.status(), ViolationCase.NOTICE_SERVED,
          c.measureRule(), truncate("送达处理决定书：" + n.decision()), processInstanceId, "servedOn=" + servedOn));
    }
    LocalDate served = c.noticeServedOn() == null ? servedOn : c.noticeServedOn();
    return new Notice(n.decisionType(), n.decision(), n.party(), served.toString());
  }

  private Integer fineMultipleOf(ViolationCase c) {
    List<Violation> found = support.findings(c);
    if (found.stream().noneMatch(Violation::fraud)) {
      return null;
    }
    return found.stream().anyMatch(Violation::sanJia) ? MeasureAmounts.MAX_MULTIPLE
        : c.fineMultiple() == null ? MeasureAmounts.MIN_MULTIPLE : c.fineMultiple();
  }

  /** What the execution of the decision leaves to do. */
  public record Execution(String measureClass, boolean rectificationOrdered, Integer rectificationDays,
      boolean agreementTerminated) {
  }

  /**
   * Executes the decision once the objection window is over (R-PERS-12; the objection process): as decided,
   * or with the class the objection changed it to (CHANGED), or nothing when it was revoked (REVOKED). Records
   * the measure and its amounts (recovery, refusal, fine proposal to the administrative department) and moves
   * the agreement: settlement suspension, agreement suspension (count + 1; R-VIO-5 may terminate at once),
   * termination (R-VIO-3/4/8; R-VIO-5 through the suspension that reaches the count), and books the agreement
   * points of the class in effect (R-EVA-3, {@link AgreementPointsService}). Idempotent per case and measure.
   */
  @Transactional
  public Execution executeDecision(String caseNo, String objectionOutcome, String changedMeasureClass,
      String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    OffsetDateTime now = support.now();
    if ("REVOKED".equals(objectionOutcome)) {
      if (support.record(c, "REVOKED", "R-PERS-12", null, "处理决定经异议程序撤销", processInstanceId)) {
        mapper.recordExecution(caseNo, objectionOutcome, c.measureClass(), ViolationCase.DECIDING, now);
      }
      return new Execution(c.measureClass(), false, null, false);
    }
    String measureClass = c.measureClass();
    boolean rectification = c.rectificationDays() != null;
    if ("CHANGED".equals(objectionOutcome) && changedMeasureClass != null
        && !changedMeasureClass.equals(c.measureClass())) {
      if (!MeasureClass.NAMES.contains(changedMeasureClass)) {
        throw DomainRuleException.badRequest("changedMeasureClass", "R-VIO-2", "变更后的处理措施类别无效：" + changedMeasureClass,
            "Unknown measure class " + changedMeasureClass);
      }
      measureClass = changedMeasureClass;
      rectification = MeasureClass.valueOf(measureClass).withRectification();
    }
    Integer days = rectification ? (c.rectificationDays() != null ? c.rectificationDays()
        : settings.value(c.region(), RegionSetting.RECTIFICATION_PERIOD)) : null;
    String rule = measureClass.equals(c.measureClass()) ? c.measureRule() : "R-VIO-2";
    if (support.record(c, measureClass, rule, null, truncate(MeasureClass.zhOf(measureClass) + "（异议结果 " + objectionOutcome + "）"),
        processInstanceId)) {
      if (zero(c.recoveryAmount()).signum() > 0) {
        support.record(c, "RECOVERY", "R-VIO-10", c.recoveryAmount(), "追回违规支付的医保基金", processInstanceId);
      }
      if (zero(c.refusalAmount()).signum() > 0) {
        support.record(c, "REFUSAL", "R-VIO-13", c.refusalAmount(), "抽查发现的违规金额按抽查比例放大拒付：" + c.sampleAmount()
            + " / " + c.samplingRatio(), processInstanceId);
      }
      if (zero(c.fineProposal()).signum() > 0) {
        support.record(c, "FINE_PROPOSAL", "R-VIO-10", c.fineProposal(), "移交医保行政部门：建议处骗取金额 " + fineMultipleOf(c)
            + " 倍罚款", processInstanceId);
        audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "FINE_PROPOSED", null, null, "R-VIO-10",
            "罚款建议 " + c.fineProposal().toPlainString() + " 元移交医保行政部门（admindept）", processInstanceId, null));
      }
      // R-EVA-3: the decision in effect books its agreement points (once per case)
      points.recordDecision(c, measureClass, objectionOutcome, processInstanceId);
      apply(c, measureClass, rule, processInstanceId);
      mapper.recordExecution(caseNo, objectionOutcome, measureClass,
          rectification ? ViolationCase.RECTIFYING : ViolationCase.DECIDING, now);
      audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "MEASURE_EXECUTED", c.status(),
          rectification ? ViolationCase.RECTIFYING : c.status(), rule, "处理决定生效并执行：" + MeasureClass.zhOf(measureClass),
          processInstanceId, "objectionOutcome=" + objectionOutcome));
    }
    boolean terminated = agreements.find(c.agreementId()).state() == AgreementState.TERMINATED;
    return new Execution(measureClass, rectification && !terminated, rectification && !terminated ? days : null,
        terminated);
  }

  private void apply(ViolationCase c, String measureClass, String rule, String pi) {
    Agreement a = agreements.find(c.agreementId());
    if (a.state() == AgreementState.TERMINATED) {
      return;
    }
    String why = "案件 " + c.caseNo() + " 处理决定：" + MeasureClass.zhOf(measureClass);
    switch (measureClass) {
      case "SETTLEMENT_SUSPENSION" -> {
        if (a.state() == AgreementState.ACTIVE) {
          boolean risk = "R-VIO-6".equals(rule);
          boolean yinyang = "R-VIO-16".equals(rule);
          support.transition(c, AgreementState.SETTLEMENT_SUSPENDED, risk ? "SERIOUS_RISK" : yinyang ? "YINYANG_PRICE"
              : "VIOLATION", risk || yinyang ? rule : "R-VIO-2", why, pi);
        }
      }
      case "AGREEMENT_SUSPENSION" -> suspendOrTerminate(c, a, why, "R-VIO-16".equals(rule), pi);
      case "TERMINATION" -> {
        if ("R-VIO-5".equals(rule)) {
          // the suspension this case imposes reaches the region's count: AgreementService terminates at once
          suspendOrTerminate(c, a, why + "（累计中止达到本地区上限，R-VIO-5）", false, pi);
        } else {
          var termination = support.findings(c).stream().map(v -> v.terminationFor(c.institutionType()))
              .flatMap(java.util.Optional::stream).filter(t -> t.ruleId().equals(rule)).findFirst()
              .orElse(new ViolationCatalogue.Termination("OTHER_SERIOUS",
                  "PHARMACY".equals(c.institutionType()) ? "R-VIO-4" : "R-VIO-3"));
          support.transition(c, AgreementState.TERMINATED, termination.cause(), termination.ruleId(), why, pi);
        }
      }
      default -> {
        // interview, rectification, public criticism, refusal/recovery: no change of the agreement
      }
    }
  }

  private void suspendOrTerminate(ViolationCase c, Agreement a, String why, boolean yinyang, String pi) {
    if (a.state() == AgreementState.SUSPENDED) {
      // R-VIO-3/4: a new violation while suspended — not rectified while suspended
      support.transition(c, AgreementState.TERMINATED, "NOT_RECTIFIED", terminationRule(c), why, pi);
    } else {
      support.transition(c, AgreementState.SUSPENDED, yinyang ? "YINYANG_PRICE" : "VIOLATION", yinyang ? "R-VIO-16" : "R-VIO-2",
          why, pi);
    }
  }}
