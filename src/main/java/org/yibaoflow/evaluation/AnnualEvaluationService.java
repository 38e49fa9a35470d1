package org.yibaoflow.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * One agreement's annual evaluation (process {@code annual-evaluation}): facts, score, grade, renewal decision,
 * objection, and the effect on the registry. Every step is keyed by the business key
 * (region-year-institution) and idempotent: the registry change and its marker on the evaluation row commit
 * together, so a retried job finds it done.
 */
@Service
public class AnnualEvaluationService {

  static final String ENTITY = "EVALUATION";
  public static final String ONLINE = "ONLINE";
  public static final String OFFLINE = "OFFLINE";

  private final EvaluationMapper mapper;
  private final EvaluationFactsSource facts;
  private final AgreementService agreements;
  private final InstitutionService institutions;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final Clock clock;
  private final RenewalControl control;
  private final RenewalReasons reasons = RenewalReasons.shipped();

  AnnualEvaluationService(EvaluationMapper mapper, EvaluationFactsSource facts, AgreementService agreements,
      InstitutionService institutions, RegionSettingsService settings, AuditService audit, Clock clock,
      RenewalControl control) {
    this.control = control;
    this.mapper = mapper;
    this.facts = facts;
    this.agreements = agreements;
    this.institutions = institutions;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What the caseworker sees before scoring: the facts of the year, the deduction from agreement points
   * (R-EVA-3), last year's grade (R-EVA-2), the cases the registry already shows (R-EVA-4/5) and the
   * region's published criteria (R-DES-6).
   */
  public record Gathered(EvaluationFacts facts, int deductionPoints, String previousGrade, String suggestedNonRenewal,
      String suggestedDeferral, int passScore, int basicPassScore, int scoringWorkingDays, String criteria,
      String institutionType) {
  }

  @Transactional
  public Gathered gather(String businessKey) {
    EvaluationItem item = item(businessKey);
    Agreement agreement = agreements.find(item.agreementId());
    Institution institution = institutions.find(item.institutionId());
    EvaluationFacts f = facts.gather(agreement, institution, item.evalYear());
    String region = item.region();
    int factor = settings.value(region, RegionSetting.EVALUATION_POINTS_FACTOR);
    int deduction = f.agreementPoints() * factor;
    String previous = mapper.gradeOf(item.institutionId(), item.evalYear() - 1);
    mapper.updateFacts(new EvaluationItem(item.id(), null, null, null, null, null, businessKey, null, null,
        f.agreementPoints(), deduction, f.measuresInYear(), f.suspensionCount(),
        !f.licenceRevoked() && !f.licenceExpired(), f.settlementAmount(), f.personnelTotal(), f.personnelSuspended(),
        previous, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        now()));
    int pass = settings.value(region, RegionSetting.EVALUATION_PASS_SCORE);
    int basic = settings.value(region, RegionSetting.EVALUATION_BASIC_PASS_SCORE);
    int onRequestLimit = settings.value(region, RegionSetting.ON_REQUEST_SUSPENSION_LIMIT);
    String required = suggestNonRenewal(f, onRequestLimit);
    control.required(businessKey, region, required); // R-EVA-5: the data's case decides, not the form
    return new Gathered(f, deduction, previous == null ? RenewalReasons.NONE : previous,
        required, suggestDeferral(f), pass, basic,
        settings.value(region, RegionSetting.EVALUATION_SCORING_PERIOD), criteria(pass, basic, factor),
        institution.type());
  }

  /** R-EVA-5 cases the registry shows by itself, the most fundamental first; NONE when none. */
  static String suggestNonRenewal(EvaluationFacts f, int onRequestLimitDays) {
    if (f.licenceRevoked()) {
      return "LICENCE_REVOKED";
    }
    if (f.licenceExpired()) {
      return "LICENCE_EXPIRED";
    }
    if (f.settlementAmount() != null && f.settlementAmount().signum() == 0) {
      return "NO_SETTLEMENT";
    }
    if (f.onRequestSuspensionDays() != null && f.onRequestSuspensionDays() > onRequestLimitDays) {
      return "ON_REQUEST_SUSPENSION_EXCEEDED";
    }
    return RenewalReasons.NONE;
  }

  /** R-EVA-4 case 1: still suspended (as a sanction) when the signing period comes. */
  static String suggestDeferral(EvaluationFacts f) {
    return AgreementState.SUSPENDED.name().equals(f.agreementState()) && f.onRequestSuspensionDays() == null
        ? "SUSPENDED_AFTER_SIGNING_PERIOD" : RenewalReasons.NONE;
  }

  /** The region's published evaluation criteria (R-DES-6), shown on the scoring form. */
  static String criteria(int pass, int basic, int factor) {
    return "考核标准（R-DES-6，已向社会公开）：满分 100 分；协议管理记分每 1 分换算为年度考核扣 " + factor + " 分（R-EVA-3）；"
        + "最终得分 ≥ " + pass + " 分为合格，" + basic + "–" + (pass - 1) + " 分为基本合格，< " + basic + " 分为不合格（R-EVA-1）；"
        + "连续两年不合格的解除协议（R-EVA-2）。";
  }

  /**
   * Records the caseworker's score (0..100) and the cases found; the final score is the score less the
   * deduction from agreement points (R-EVA-3), not below 0. A case code must be known and fit the
   * institution type (R-EVA-4/5).
   */
  @Transactional
  public int recordScore(String businessKey, Integer score, String nonRenewalCase, String deferralCase,
      String processInstanceId) {
    EvaluationItem item = item(businessKey);
    if (score == null || score < 0 || score > 100) {
      throw DomainRuleException.badRequest("evaluationScore", "R-EVA-1", "考核评分须为 0 至 100 分",
          "The score must be between 0 and 100").with("evaluationScore", score);
    }
    String type = institutions.find(item.institutionId()).type();
    if (!RenewalReasons.NONE.equals(nonRenewalCase) && reasons.nonRenewal(nonRenewalCase)
        .filter(r -> r.appliesTo(type)).isEmpty()) {
      throw DomainRuleException.badRequest("nonRenewalCase", "R-EVA-5", "不再签订情形「" + nonRenewalCase + "」不适用",
          "Unknown or inapplicable non-renewal case " + nonRenewalCase);
    }
    if (!RenewalReasons.NONE.equals(deferralCase) && reasons.deferral(deferralCase).isEmpty()) {
      throw DomainRuleException.badRequest("deferralCase", "R-EVA-4", "缓签情形「" + deferralCase + "」不适用",
          "Unknown deferral case " + deferralCase);
    }
    int deduction = item.deductionPoints() == null ? 0 : item.deductionPoints();
    int finalScore = Math.max(0, score - deduction);
    nonRenewalCase = control.choose(businessKey, nonRenewalCase);
    mapper.updateScore(businessKey, score, finalScore, audit.currentActor(), now());
    audit.record(AuditEntry.of(item.region(), ENTITY, businessKey, "SCORED", item.status(), "SCORED", "R-EVA-3",
        "年度考核评分 " + score + " 分，扣分 " + deduction + " 分，最终得分 " + finalScore + " 分", processInstanceId,
        "nonRenewalCase=" + nonRenewalCase + ", deferralCase=" + deferralCase));
    return finalScore;
  }

  /** The written notice of the result (R-EVA-1), served on the day it is recorded; the objection runs from it. */
  public record Notice(String decision, LocalDate servedOn, String party) {
  }

  /** Records the grade (evaluation-grade.dmn), its payment consequences and the renewal decision. */
  @Transactional
  public Notice recordResult(String businessKey, Grade grade, int withheldPercent, int preAllocationPercent,
      Outcome outcome, String reasonCode, String ruleId, String processInstanceId) {
    EvaluationItem item = item(businessKey);
    LocalDate servedOn = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    mapper.updateResult(businessKey, grade.name(), withheldPercent, preAllocationPercent, outcome.name(), reasonCode,
        ruleId, servedOn, now());
    String decision = decisionText(item, grade, outcome, reasonCode, ruleId, withheldPercent, preAllocationPercent);
    audit.record(AuditEntry.of(item.region(), ENTITY, businessKey, "DECIDED", item.status(), outcome.name(), ruleId,
        decision, processInstanceId, "grade=" + grade + ", reasonCode=" + reasonCode + ", withheldPercent="
            + withheldPercent + ", preAllocationPercent=" + preAllocationPercent));
    return new Notice(decision, servedOn, institutions.find(item.institutionId()).name());
  }

  String decisionText(EvaluationItem item, Grade grade, Outcome outcome, String reasonCode, String ruleId,
      int withheld, int preAllocation) {
    String reason = RenewalReasons.NONE.equals(reasonCode) ? ""
        : "，理由：" + reasons.zh(reasonCode) + "（" + reasons.clause(reasonCode) + "，" + ruleId + "）";
    return item.evalYear() + " 年度考核等次：" + grade.zh() + "；结论：" + outcome.zh() + reason + "；当年度按月未拨付金额不予支付 "
        + withheld + "%，次年度按月预拨比例 " + preAllocation + "%";
  }

  /**
   * The objection's outcome (process {@code objection}). CHANGED: the changed decision must name the new grade
   * (合格 / 基本合格 / 不合格), which is returned to grade and decide again; otherwise null.
   */
  @Transactional
  public Grade recordObjection(String businessKey, String objectionNo, String outcome, String effectiveDecision,
      String processInstanceId) {
    EvaluationItem item = item(businessKey);
    mapper.updateObjection(businessKey, objectionNo, outcome, now());
    if (!"CHANGED".equals(outcome)) {
      return null;
    }
    Grade changed = Grade.fromText(effectiveDecision).orElseThrow(() -> DomainRuleException.badRequest(
        "effectiveDecision", "R-EVA-1", "变更后的决定须写明考核等次（合格、基本合格或不合格）",
        "The changed decision must name the grade").with("effectiveDecision", effectiveDecision));
    audit.record(AuditEntry.of(item.region(), ENTITY, businessKey, "GRADE_CHANGED_ON_OBJECTION", item.grade(),
        changed.name(), "R-PERS-12", "异议复核变更考核等次：" + effectiveDecision, processInstanceId,
        "objectionNo=" + objectionNo));
    return changed;
  }

  /**
   * 续签 (R-EVA-1, R-DES-4): a new one-year agreement period from the day after the current one ends, signed
   * online or (recorded as such) offline; the online-signing rate is a campaign figure.
   */
  @Transactional
  public Agreement renew(String businessKey, String signingChannel, String processInstanceId) {
    EvaluationItem item = item(businessKey);
    if ("RENEWED".equals(item.appliedOutcome())) {
      return agreements.find(item.newAgreementId());
    }
    String channel = OFFLINE.equals(signingChannel) ? OFFLINE : ONLINE;
    Agreement current = agreements.find(item.agreementId());
    Agreement next = agreements.sign(current.institutionId(), current.periodEnd().plusDays(1),
        current.periodEnd().plusYears(1), AgreementState.ACTIVE,
        item.evalYear() + " 年度考核后续签协议（" + (ONLINE.equals(channel) ? "线上签订" : "线下签订") + "）",
        processInstanceId);
    mapper.markApplied(businessKey, "DONE", "RENEWED", next.id(), channel, now());
    return next;
  }

  /** 缓签 (R-EVA-4): the next period is signed DEFERRED and waits for the case to be cleared. */
  @Transactional
  public Agreement defer(String businessKey, String processInstanceId) {
    EvaluationItem item = item(businessKey);
    if (item.appliedOutcome() != null) {
      return agreements.find(item.newAgreementId());
    }
    Agreement current = agreements.find(item.agreementId());
    Agreement next = agreements.sign(current.institutionId(), current.periodEnd().plusDays(1),
        current.periodEnd().plusYears(1), AgreementState.DEFERRED,
        item.evalYear() + " 年度考核缓签：" + reasons.zh(item.reasonCode()) + "（" + reasons.clause(item.reasonCode()) + "）",
        processInstanceId);
    mapper.markApplied(businessKey, "DEFERRED", "DEFERRED", next.id(), null, now());
    return next;
  }

  /**
   * The deferral's end (R-EVA-4): the case cleared and the evaluation passed => the deferred agreement becomes
   * ACTIVE (signed online or offline); otherwise it is not renewed (R-EVA-5 case 7).
   */
  @Transactional
  public Agreement endDeferral(String businessKey, boolean passed, String signingChannel, String processInstanceId) {
    EvaluationItem item = item(businessKey);
    if ("DEFERRED_SIGNED".equals(item.appliedOutcome()) || "DEFERRED_NOT_RENEWED".equals(item.appliedOutcome())) {
      return agreements.find(item.newAgreementId());
    }
    if (!"DEFERRED".equals(item.appliedOutcome())) {
      throw DomainRuleException.conflict("businessKey", "R-EVA-4", "该考核未缓签", "The evaluation is not deferred");
    }
    if (passed) {
      String channel = OFFLINE.equals(signingChannel) ? OFFLINE : ONLINE;
      Agreement a = agreements.transition(item.newAgreementId(), new TransitionCommand(AgreementState.ACTIVE,
          "EVALUATION_PASSED", "R-EVA-4", "缓签情形消除，评估通过，签订协议（" + (ONLINE.equals(channel) ? "线上" : "线下") + "）",
          processInstanceId)).agreement();
      mapper.markApplied(businessKey, "DONE", "DEFERRED_SIGNED", null, channel, now());
      return a;
    }
    Agreement a = agreements.transition(item.newAgreementId(), new TransitionCommand(AgreementState.NOT_RENEWED,
        "NON_RENEWAL_CASE", "R-EVA-5", "缓签情形未消除，评估未通过：" + reasons.zh("NO_LONGER_QUALIFIED") + "（"
            + reasons.clause("NO_LONGER_QUALIFIED") + "）", processInstanceId)).agreement();
    mapper.markApplied(businessKey, "DONE", "DEFERRED_NOT_RENEWED", null, null, now());
    return a;
  }

  /**
   * 不再签订 decided (R-EVA-2 timing): the current agreement runs to the end of its period; answers the moment the
   * non-renewal takes effect (the day after the period ends), the process's timer.
   */
  @Transactional
  public java.util.Date scheduleNonRenewal(String businessKey) {
    return control.schedule(businessKey, item(businessKey).agreementId());
  }

  /** 不再签订 takes effect at the end of the period: R-EVA-5 for one of the 15 cases, R-EVA-2 for 不合格. */
  @Transactional
  public Agreement notRenew(String businessKey, String processInstanceId) {
    EvaluationItem item = item(businessKey);
    if (item.appliedOutcome() != null) {
      return agreements.find(item.agreementId());
    }
    control.requireEffective(businessKey);
    boolean failed = RenewalReasons.FAILED_EVALUATION.equals(item.reasonCode());
    Agreement a = agreements.transition(item.agreementId(), new TransitionCommand(AgreementState.NOT_RENEWED,
        failed ? "FAILED_EVALUATION" : "NON_RENEWAL_CASE", failed ? "R-EVA-2" : "R-EVA-5",
        item.evalYear() + " 年度考核：不再签订，" + reasons.zh(item.reasonCode()) + "（" + reasons.clause(item.reasonCode())
            + "）", processInstanceId)).agreement();
    mapper.markApplied(businessKey, "DONE", "NOT_RENEWED", null, null, now());
    return a;
  }

  /** 连续两年考核不合格 => 解除协议 (R-EVA-2); the R-VIO-9 ban follows from the registry. */
  @Transactional
  public Agreement terminate(String businessKey, String processInstanceId) {
    EvaluationItem item = item(businessKey);
    if (item.appliedOutcome() != null) {
      return agreements.find(item.agreementId());
    }
    Agreement a = agreements.transition(item.agreementId(), new TransitionCommand(AgreementState.TERMINATED,
        RenewalReasons.FAILED_EVALUATION_TWICE, "R-EVA-2",
        (item.evalYear() - 1) + "、" + item.evalYear() + " 年度考核连续两年不合格，解除协议", processInstanceId)).agreement();
    mapper.markApplied(businessKey, "DONE", "TERMINATED", null, null, now());
    return a;
  }

  @Transactional(readOnly = true)
  public EvaluationItem item(String businessKey) {
    EvaluationItem item = mapper.item(businessKey);
    if (item == null) {
      throw DomainRuleException.notFound("年度考核 / evaluation", businessKey);
    }
    return item;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
