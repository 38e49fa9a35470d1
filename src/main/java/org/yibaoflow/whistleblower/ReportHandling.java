package org.yibaoflow.whistleblower;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.ViolationCase;
import org.yibaoflow.enforcement.ViolationIntakeService;
import org.yibaoflow.enforcement.ViolationCodes;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.whistleblower.WhistleblowerReport.Status;

/**
 * What the process does with a report: triage (受理审查) and verification (核查, R-VIO-1), a founded report opening
 * or joining a violation case with source REPORT, an unfounded one closed with reasons from
 * whistleblower_close_reason; the reward (R-VIO-15) once the case's decision took effect, its approval and
 * payment. Every step is idempotent (a retried job finds the row as it left it).
 */
@Service
public class ReportHandling {

  /** The message the report's process waits on after its case was opened (R-VIO-15). */
  public static final String DECISION_MESSAGE = "WhistleblowerDecisionTookEffect";
  /** The message that ends a report whose case closed without a decision taking effect. */
  public static final String CASE_CLOSED_MESSAGE = "WhistleblowerCaseClosed";
  static final String SOURCE = "REPORT";
  static final Set<String> JOINABLE = Set.of(ViolationCase.INVESTIGATING, ViolationCase.DOCUMENTS_REQUESTED,
      ViolationCase.DECIDING, ViolationCase.NOTICE_SERVED);

  private final WhistleblowerMapper mapper;
  private final ViolationIntakeService cases;
  private final RewardScale scale;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final RegionAccess regionAccess;
  private final Clock clock;

  ReportHandling(WhistleblowerMapper mapper, ViolationIntakeService cases, RewardScale scale, AuditService audit,
      RuntimeService runtimeService, EngineAsApplication engine, RegionAccess regionAccess, Clock clock) {
    this.mapper = mapper;
    this.cases = cases;
    this.scale = scale;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regionAccess = regionAccess;
    this.clock = clock;
  }

  /** A report of the user's regions, without its reporter; 404 otherwise (not disclosed). */
  @Transactional(readOnly = true)
  public WhistleblowerReport visible(String reportNo) {
    WhistleblowerReport r = reportNo == null ? null : mapper.find(reportNo);
    if (r == null || !regionAccess.canSee(r.region())) {
      throw DomainRuleException.notFound("举报 / report", reportNo);
    }
    return r;
  }

  /** The reasons a report may be closed with (the forms' options). */
  public List<WhistleblowerReport.CloseReason> closeReasons() {
    return mapper.closeReasons();
  }

  /** Checks the reasons chosen for closing a report: at least one, each from the table. */
  public String checkReasons(Object chosen, String field) {
    List<String> codes = ViolationCodes.parse(chosen);
    Set<String> known = closeReasons().stream().map(WhistleblowerReport.CloseReason::code).collect(Collectors.toSet());
    if (codes.isEmpty() || !known.containsAll(codes)) {
      throw DomainRuleException.badRequest(field, "R-VIO-1", "请从列表中选择不予立案的理由",
          "Choose the reasons from the list " + known);
    }
    return String.join(",", new LinkedHashSet<>(codes));
  }

  /** 受理审查: accepted goes to verification, otherwise closed with the reasons (R-VIO-1). */
  @Transactional
  public boolean triage(String reportNo, boolean accepted, Object reasons, String note, String pi) {
    WhistleblowerReport r = find(reportNo);
    if (!Status.RECEIVED.name().equals(r.status())) {
      return Status.VERIFYING.name().equals(r.status()) || Status.FOUNDED.name().equals(r.status());
    }
    if (accepted) {
      mapper.updateStatus(reportNo, Status.VERIFYING.name(), now());
      audited(r, "ACCEPTED", Status.VERIFYING, "受理审查通过，转入核查", pi);
    } else {
      closeUnfounded(r, checkReasons(reasons, "closeReasons"), note, pi);
    }
    return accepted;
  }

  /** Checks the verification form as {@link #verify} will, writing nothing. */
  @Transactional(readOnly = true)
  public void checkVerification(String reportNo, boolean founded, String joinCaseNo, String institutionCode,
      Object suspectedViolations, BigDecimal suspectedAmount, Object reasons, String note) {
    WhistleblowerReport r = find(reportNo);
    if (!founded) {
      checkReasons(reasons, "closeReasons");
    } else if (joinCaseNo != null) {
      joinable(r, joinCaseNo);
    } else {
      cases.checkIntake(r.region(), SOURCE, institutionCode, suspectedViolations, suspectedAmount, summary(r, note));
    }
  }

  /**
   * 核查结论: a founded report joins the named open case of its region or opens one with source REPORT, the report
   * number its external reference (idempotent: a retried job finds the case); unfounded: closed with reasons.
   * Returns the case number, null when unfounded.
   */
  @Transactional
  public String verify(String reportNo, boolean founded, String joinCaseNo, String institutionCode,
      Object suspectedViolations, BigDecimal suspectedAmount, Object reasons, String note, String pi) {
    WhistleblowerReport r = find(reportNo);
    if (!Status.VERIFYING.name().equals(r.status())) {
      return r.caseNo();
    }
    if (!founded) {
      closeUnfounded(r, checkReasons(reasons, "closeReasons"), note, pi);
      return null;
    }
    String caseNo;
    if (joinCaseNo != null) {
      caseNo = joinable(r, joinCaseNo).caseNo();
    } else {
      // the case learns the report's number and the caseworker's note, never the reporter (R-VIO-15)
      caseNo = cases.openForProcess(new ViolationIntakeService.Intake(r.region(), SOURCE, institutionCode,
          ViolationCodes.parse(suspectedViolations), suspectedAmount, reportNo, summary(r, note)),
          AuditService.SYSTEM, Map.of()).violationCase().caseNo();
    }
    mapper.founded(reportNo, institutionCode, caseNo, now());
    audited(r, "FOUNDED", Status.FOUNDED, "举报经核查属实，" + (joinCaseNo != null ? "并入案件 " : "立案 ") + caseNo, pi);
    return caseNo;
  }

  private ViolationCase joinable(WhistleblowerReport r, String caseNo) {
    ViolationCase c;
    try {
      c = cases.forProcess(caseNo.trim());
    } catch (DomainRuleException e) {
      c = null;
    }
    // a case whose decision has not yet taken effect, so the reward still follows it (R-VIO-15)
    if (c == null || !c.region().equals(r.region()) || !JOINABLE.contains(c.status())) {
      throw DomainRuleException.badRequest("joinCaseNo", "R-VIO-1", "本统筹地区没有编号为 " + caseNo + " 、处理决定尚未生效的违约处理案件",
          "No open violation case " + caseNo + " in the report's region");
    }
    return c;
  }

  private static String summary(WhistleblowerReport r, String note) {
    String text = "举报线索（举报编号 " + r.reportNo() + "）" + (note == null || note.isBlank() ? "" : "：" + note.strip());
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  /**
   * The case's decision took effect (DecisionTookEffect): the founded reports of that case move on to their reward.
   * Inside the case's job transaction; idempotent: a report whose process no longer waits is not touched.
   */
  public void decisionTookEffect(String caseNo) {
    for (WhistleblowerReport r : mapper.findByCase(caseNo)) {
      if (Status.FOUNDED.name().equals(r.status())) {
        engine.run(() -> runtimeService.createMessageCorrelation(DECISION_MESSAGE)
            .processInstanceId(r.processInstanceId()).correlateAll());
      }
    }
  }

  /**
   * The case ended (ViolationCaseClosed): a founded report still waiting for its decision never gets one (the
   * objection revoked it, the case closed otherwise) and is closed without reward. Inside the case's job
   * transaction; only a process waiting at 处理决定生效 has the subscription, so a report whose decision took effect
   * (its reward step not yet run) and a retried job are not touched.
   */
  public void caseClosed(String caseNo) {
    for (WhistleblowerReport r : mapper.findByCase(caseNo)) {
      if (Status.FOUNDED.name().equals(r.status())) {
        engine.run(() -> runtimeService.createMessageCorrelation(CASE_CLOSED_MESSAGE)
            .processInstanceId(r.processInstanceId()).correlateAll());
      }
    }
  }

  /** 办结举报（案件未作出生效处理决定）: closed without reward; the receipt code shows NO_DECISION. Idempotent. */
  @Transactional
  public void closeWithoutDecision(String reportNo, String pi) {
    WhistleblowerReport r = find(reportNo);
    String note = "案件 " + r.caseNo() + " 已办结，未作出生效的处理决定，不予奖励";
    if (mapper.closeNoDecision(reportNo, note, now()) == 1) {
      audited(r, "CLOSED_NO_DECISION", Status.NO_DECISION, note, pi);
    }
  }

  /** R-VIO-15: the reward by the region's scale and cap, proposed for approval. Idempotent. */
  @Transactional
  public RewardScale.Reward proposeReward(String reportNo, String pi) {
    WhistleblowerReport r = find(reportNo);
    if (!Status.FOUNDED.name().equals(r.status())) {
      return new RewardScale.Reward(r.recoveredAmount(), r.rewardPercent(), r.rewardAmount(),
          Boolean.TRUE.equals(r.rewardCapped()));
    }
    ViolationCase c = cases.forProcess(r.caseNo());
    RewardScale.Reward reward = scale.reward(r.region(), c.recoveryAmount());
    mapper.rewardProposed(reportNo, reward.recovered(), reward.percent(), reward.amount(), reward.capped(), now());
    audited(r, "REWARD_PROPOSED", Status.REWARD_PENDING, "处理决定已生效，追回 " + reward.recovered().toPlainString()
        + " 元，按 " + reward.percent().stripTrailingZeros().toPlainString() + "% 计奖励 " + reward.amount().toPlainString()
        + " 元" + (reward.capped() ? "（已按封顶金额）" : ""), pi);
    return reward;
  }

  /** The supervisor approved the reward: the reporter may collect it with the receipt code. */
  @Transactional
  public void approveReward(String reportNo, String pi) {
    WhistleblowerReport r = find(reportNo);
    if (Status.REWARD_PENDING.name().equals(r.status())) {
      mapper.updateStatus(reportNo, Status.REWARD_APPROVED.name(), now());
      audited(r, "REWARD_APPROVED", Status.REWARD_APPROVED, "举报奖励 " + r.rewardAmount().toPlainString() + " 元已批准", pi);
    }
  }

  /** Checks the payment form: paid on a day from the report's day to today, a payment reference. */
  public LocalDate checkPayment(String reportNo, Object paidOn, String paymentRef) {
    WhistleblowerReport r = find(reportNo);
    LocalDate day;
    try {
      day = paidOn == null ? null : LocalDate.parse(paidOn.toString().substring(0, Math.min(10,
          paidOn.toString().length())));
    } catch (RuntimeException e) {
      day = null;
    }
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    if (day == null || day.isAfter(today) || day.isBefore(r.createdAt().atZoneSameInstant(WorkingDayCalendar.ZONE)
        .toLocalDate())) {
      throw DomainRuleException.badRequest("paidOn", "R-TIME-1", "发放日期须在举报受理之日至今天之间",
          "paidOn must be between the report's day and today");
    }
    ReportIntake.text(paymentRef, "paymentRef", "发放凭证号", 64);
    return day;
  }

  /** The reward was paid (R-VIO-15). */
  @Transactional
  public void recordPayment(String reportNo, Object paidOn, String paymentRef, String pi) {
    WhistleblowerReport r = find(reportNo);
    if (Status.REWARD_APPROVED.name().equals(r.status())) {
      mapper.rewardPaid(reportNo, checkPayment(reportNo, paidOn, paymentRef), paymentRef.strip(), now());
      audited(r, "REWARD_PAID", Status.REWARDED, "举报奖励已发放，凭证号 " + paymentRef.strip(), pi);
    }
  }

  /** Closes a report without reward (none due, or the supervisor declined it). */
  @Transactional
  public void close(String reportNo, String note, String pi) {
    WhistleblowerReport r = find(reportNo);
    if (!Status.CLOSED.name().equals(r.status())) {
      String n = note == null || note.isBlank() ? "不予奖励，已办结" : note.strip();
      mapper.close(reportNo, n.length() > 2000 ? n.substring(0, 2000) : n, now());
      audited(r, "CLOSED", Status.CLOSED, n, pi);
    }
  }

  private void closeUnfounded(WhistleblowerReport r, String reasons, String note, String pi) {
    String n = note == null || note.isBlank() ? null : note.strip();
    mapper.closeUnfounded(r.reportNo(), reasons, n != null && n.length() > 2000 ? n.substring(0, 2000) : n, now());
    audited(r, "UNFOUNDED", Status.UNFOUNDED, "不予立案：" + reasons, pi);
  }

  private WhistleblowerReport find(String reportNo) {
    WhistleblowerReport r = reportNo == null ? null : mapper.find(reportNo);
    if (r == null) {
      throw DomainRuleException.notFound("举报 / report", reportNo);
    }
    return r;
  }

  private void audited(WhistleblowerReport r, String action, Status to, String reason, String pi) {
    audit.record(AuditEntry.of(r.region(), ReportIntake.ENTITY, r.reportNo(), action, r.status(), to.name(),
        action.startsWith("REWARD") ? "R-VIO-15" : "R-VIO-1", reason, pi, null));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
