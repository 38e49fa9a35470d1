package org.yibaoflow.designation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * The evaluation of a designation application (R-DES-2) after its acceptance: the round's time limit and
 * supervisor alert, the written inquiries to related departments, the failure told with reasons and
 * rectification advice, re-evaluation after the rectification period, and the bar after a failed
 * re-evaluation (R-DES-1).
 */
@Service
public class EvaluationService {

  /** Related departments a caseworker may write to (R-DES-2; the regulators of [000 §二(一)]). */
  public static final Map<String, String> DEPARTMENTS = departments();
  static final String RE_EVALUATION_MESSAGE = "ReEvaluationRequested";

  private final DesignationMapper mapper;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final Deadlines deadlines;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final RegionAccess regionAccess;
  private final Clock clock;

  EvaluationService(DesignationMapper mapper, RegionSettingsService settings, AuditService audit, Deadlines deadlines,
      RuntimeService runtimeService, EngineAsApplication engine, RegionAccess regionAccess, Clock clock) {
    this.mapper = mapper;
    this.settings = settings;
    this.audit = audit;
    this.deadlines = deadlines;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regionAccess = regionAccess;
    this.clock = clock;
  }

  private static Map<String, String> departments() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("HEALTH", "卫生健康部门");
    m.put("DRUG", "药品监督管理部门");
    m.put("PRICE", "价格主管部门");
    m.put("MARKET", "市场监督管理部门");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * R-DES-2: the departments the caseworker selected for written inquiries: at least one, each a known
   * department, without repetition (order kept).
   */
  public static List<String> inquiryDepartments(List<String> selected) {
    if (selected == null || selected.isEmpty()) {
      throw DomainRuleException.badRequest("inquiryDepartments", "R-DES-2", "评估须函询相关部门：请至少选择一个部门",
          "The evaluation needs written inquiries: select at least one department");
    }
    Set<String> result = new LinkedHashSet<>();
    for (String d : selected) {
      if (d == null || !DEPARTMENTS.containsKey(d.trim())) {
        throw DomainRuleException.badRequest("inquiryDepartments", "R-DES-2",
            "未知的函询部门：" + d + "（可选 " + String.join("、", DEPARTMENTS.keySet()) + "）",
            "Unknown department " + d + "; one of " + DEPARTMENTS.keySet());
      }
      result.add(d.trim());
    }
    return List.copyOf(result);
  }

  /**
   * Starts an evaluation round (R-DES-2) on an accepted application or after a re-evaluation request. The
   * clock starts now, after any supplement (so supplement time is excluded): the deadline is the region's
   * {@code evaluation-time-limit} months on (R-TIME-2), the supervisor alert {@code evaluation-escalation-lead}
   * working days before it. Idempotent: a retried job gets the round already started.
   */
  @Transactional
  public DesignationRecords.EvaluationStart startEvaluation(String applicationNo) {
    DesignationApplication a = find(applicationNo);
    LocalDate today = today();
    int round;
    if (DesignationApplication.STATUS_UNDER_EVALUATION.equals(a.status()) && a.evaluationDeadline() != null) {
      round = a.evaluationRound();
    } else {
      round = (a.evaluationRound() == null ? 0 : a.evaluationRound()) + 1;
    }
    int months = settings.value(a.region(), RegionSetting.EVALUATION_TIME_LIMIT);
    int lead = settings.value(a.region(), RegionSetting.EVALUATION_ESCALATION_LEAD);
    var start = evaluationClock(deadlines, round, today, months, lead);
    if (DesignationApplication.STATUS_UNDER_EVALUATION.equals(a.status()) && a.evaluationDeadline() != null) {
      return start; // a retried job
    }
    int updated = mapper.startEvaluation(applicationNo, List.of(DesignationApplication.STATUS_ACCEPTED,
        DesignationApplication.STATUS_RE_EVALUATION_REQUESTED), round, start.deadline(), OffsetDateTime.now(clock));
    if (updated == 0) {
      throw DomainRuleException.conflict("status", "STATE", "申请状态为 " + a.status() + "，不能开始评估",
          "The application is " + a.status() + " and cannot be evaluated");
    }
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, applicationNo, "EVALUATION_STARTED", a.status(),
        DesignationApplication.STATUS_UNDER_EVALUATION, "R-DES-2", (round == 1 ? "开始评估" : "开始再次评估")
            + "（第 " + round + " 轮），评估时限 " + months + " 个月，届满日 " + start.deadline() + "（补正时间不计入）；"
            + start.warningOn() + " 提醒督办",
        a.processInstanceId(), "round=" + round));
    return start;
  }

  /**
   * The clock of one evaluation round: deadline = start + {@code months} (R-TIME-2, rolled to a working day);
   * the alert at the end of the {@code lead}-th working day before the deadline day (not before the start).
   */
  public static DesignationRecords.EvaluationStart evaluationClock(Deadlines deadlines, int round, LocalDate startedOn,
      int months, int lead) {
    Date deadlineAt = deadlines.months(startedOn, months);
    LocalDate deadline = Deadlines.toDate(deadlineAt).minusDays(1);
    LocalDate warningOn = deadline.minusDays(1);
    while (warningOn.isAfter(startedOn) && deadlines.workingDays(warningOn, lead).after(deadlineAt)) {
      warningOn = warningOn.minusDays(1);
    }
    Date warningAt = Date.from(WorkingDayCalendar.expiresAt(warningOn));
    return new DesignationRecords.EvaluationStart(round, startedOn, deadline, warningOn, deadlineAt, warningAt);
  }

  /**
   * R-DES-2: records a related department's written reply for the round; {@code adverse} = the department
   * reports something against designation. Idempotent (one reply per department and round).
   */
  @Transactional
  public DesignationRecords.Inquiry recordInquiryReply(String applicationNo, int round, String department, String reply,
      boolean adverse, String recordedBy) {
    DesignationApplication a = find(applicationNo);
    if (department == null || !DEPARTMENTS.containsKey(department)) {
      throw DomainRuleException.badRequest("inquiryDepartment", "R-DES-2", "未知的函询部门：" + department,
          "Unknown department " + department);
    }
    DomainRuleException.requireText(reply, "inquiryReply", "部门复函内容", "reply");
    DesignationRecords.Inquiry existing = mapper.findInquiry(applicationNo, round, department);
    if (existing != null) {
      return existing;
    }
    String text = reply.trim();
    if (text.length() > 2000) {
      throw DomainRuleException.badRequest("inquiryReply", "INPUT", "复函内容不能超过 2000 字", "reply is at most 2000 characters");
    }
    mapper.insertInquiry(new DesignationRecords.Inquiry(null, applicationNo, round, department, text, adverse,
        recordedBy, OffsetDateTime.now(clock)));
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, applicationNo, "INQUIRY_REPLIED", a.status(),
        a.status(), "R-DES-2", DEPARTMENTS.get(department) + "复函" + (adverse ? "（反映问题）" : "（无异议）") + "：" + abbreviate(text, 1500),
        a.processInstanceId(), "round=" + round + ", department=" + department));
    return mapper.findInquiry(applicationNo, round, department);
  }

  /**
   * A failed evaluation is told to the institution (R-DES-2): the reasons (expert, system check, adverse
   * department replies) and rectification advice; a first failure opens re-evaluation from the end of the
   * region's rectification period for its request window. Idempotent.
   */
  @Transactional
  public DesignationRecords.Failure notifyFailure(String applicationNo, String expertResult, String expertOpinion,
      boolean systemCheckPassed, String rectificationAdvice) {
    DesignationApplication a = find(applicationNo);
    if (!DesignationApplication.STATUS_EVALUATION_FAILED.equals(a.status())) {
      throw DomainRuleException.conflict("status", "STATE", "申请状态为 " + a.status() + "，不是评估未通过",
          "The application is " + a.status() + ", not failed");
    }
    int round = a.evaluationRound();
    List<String> reasons = new ArrayList<>();
    if (!"PASS".equals(expertResult)) {
      reasons.add("专家评估不通过：" + (expertOpinion == null ? "" : expertOpinion.trim()));
    }
    if (!systemCheckPassed) {
      reasons.add("医保信息系统核查发现问题（禁止申请情形、证照或严重行政处罚）");
    }
    for (DesignationRecords.Inquiry i : mapper.inquiries(applicationNo, round)) {
      if (Boolean.TRUE.equals(i.adverse())) {
        reasons.add(DEPARTMENTS.get(i.department()) + "复函反映问题：" + i.reply());
      }
    }
    String reason = abbreviate("评估未通过（第 " + round + " 轮）：" + String.join("；", reasons), 2000);
    String advice = rectificationAdvice == null || rectificationAdvice.isBlank()
        ? "请针对上述不通过理由逐项整改" : abbreviate(rectificationAdvice.trim(), 2000);
    LocalDate today = today();
    Date fromAt = deadlines.months(today, settings.value(a.region(), RegionSetting.RE_EVALUATION_RECTIFICATION_PERIOD));
    LocalDate from = Deadlines.toDate(fromAt); // the day after the rectification period
    Date closesAt = deadlines.months(from, settings.value(a.region(), RegionSetting.RE_EVALUATION_REQUEST_WINDOW));
    LocalDate until = Deadlines.toDate(closesAt).minusDays(1);
    if (reason.equals(a.failureReason()) && from.equals(a.reEvaluationFrom())) {
      return new DesignationRecords.Failure(round, reason, advice, from, until, closesAt);
    }
    mapper.recordFailure(applicationNo, reason, advice, round == 1 ? from : null, round == 1 ? until : null,
        OffsetDateTime.now(clock));
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, applicationNo, "FAILURE_NOTIFIED", a.status(),
        a.status(), "R-DES-2", abbreviate(reason + "。整改建议：" + advice
            + (round == 1 ? "。整改期满（" + from + " 起）可申请再次评估，至 " + until + " 止" : "。再次评估仍不通过"), 2000),
        a.processInstanceId(), "round=" + round));
    return new DesignationRecords.Failure(round, reason, advice, from, until, closesAt);
  }

  /**
   * The institution asks for re-evaluation (R-DES-2) through /api: only after a first failure, only from the
   * end of the rectification period, and only until the window closes. Correlates the message
   * {@code ReEvaluationRequested} by the application number. Region-checked (other regions: 404).
   */
  @Transactional
  public DesignationApplication requestReEvaluation(String applicationNo) {
    DesignationApplication a = visible(applicationNo);
    if (!DesignationApplication.STATUS_EVALUATION_FAILED.equals(a.status()) || a.reEvaluationFrom() == null) {
      throw DomainRuleException.conflict("status", "R-DES-2", "只有首次评估未通过的申请可以申请再次评估（当前状态 " + a.status() + "）",
          "Only an application that failed its first evaluation may ask for re-evaluation (now " + a.status() + ")");
    }
    LocalDate today = today();
    if (today.isBefore(a.reEvaluationFrom())) {
      throw DomainRuleException.conflict("applicationNo", "R-DES-2",
          "整改期未满，" + a.reEvaluationFrom() + " 起方可申请再次评估", "The rectification period runs until "
              + a.reEvaluationFrom() + "; re-evaluation may be asked for from then")
          .with("reEvaluationFrom", a.reEvaluationFrom().toString());
    }
    try {
      engine.run(() -> runtimeService.createMessageCorrelation(RE_EVALUATION_MESSAGE)
          .processInstanceBusinessKey(applicationNo).setVariable("reEvaluationRequestedBy",
              regionAccess.currentUser().userId()).correlate());
    } catch (OptimisticLockingException e) {
      throw DomainRuleException.conflict("applicationNo", "CONCURRENCY", "该申请正被同时处理，请稍后重试",
          "The application is being changed concurrently; try again");
    } catch (MismatchingMessageCorrelationException e) {
      throw DomainRuleException.conflict("applicationNo", "R-DES-2", "申请不在等待再次评估申请的阶段（申请期限已过？）",
          "The application is not waiting for a re-evaluation request (window closed?)");
    }
    return mapper.findByApplicationNo(applicationNo);
  }

  /** The re-evaluation request reached the process: the application waits for its second round. */
  @Transactional
  public DesignationApplication recordReEvaluationRequest(String applicationNo) {
    return move(applicationNo, DesignationApplication.STATUS_EVALUATION_FAILED,
        DesignationApplication.STATUS_RE_EVALUATION_REQUESTED, "RE_EVALUATION_REQUESTED", "R-DES-2",
        "机构整改后申请再次评估");
  }

  /** No re-evaluation asked for within the window: the application is closed. */
  @Transactional
  public DesignationApplication closeNotReEvaluated(String applicationNo) {
    return move(applicationNo, DesignationApplication.STATUS_EVALUATION_FAILED,
        DesignationApplication.STATUS_CLOSED_NOT_RE_EVALUATED, "CLOSED", "R-DES-2",
        "评估未通过，期限内未申请再次评估，申请关闭");
  }

  /**
   * R-DES-1: the re-evaluation failed too: new applications of the legal entity (credit code) are barred for
   * the region's {@code failed-re-evaluation-bar} years from today. Idempotent (one bar per application).
   */
  @Transactional
  public DesignationRecords.Bar bar(String applicationNo) {
    DesignationApplication a = find(applicationNo);
    DesignationRecords.Bar existing = mapper.barOf(applicationNo);
    if (existing != null) {
      return existing;
    }
    int years = settings.value(a.region(), RegionSetting.FAILED_RE_EVALUATION_BAR);
    LocalDate from = today();
    mapper.insertBar(new DesignationRecords.Bar(null, applicationNo, a.region(), a.creditCode(), from,
        from.plusYears(years), "R-DES-1"));
    DesignationApplication barred = move(applicationNo, DesignationApplication.STATUS_EVALUATION_FAILED,
        DesignationApplication.STATUS_BARRED, "BARRED", "R-DES-1",
        "再次评估仍不通过，" + years + " 年内（至 " + from.plusYears(years) + "）不得再次申请定点");
    return mapper.barOf(barred.applicationNo());
  }

  private DesignationApplication move(String applicationNo, String from, String to, String action, String rule,
      String reason) {
    DesignationApplication a = find(applicationNo);
    if (a.status().equals(to)) {
      return a;
    }
    if (mapper.transition(applicationNo, List.of(from), to, OffsetDateTime.now(clock)) == 0) {
      throw DomainRuleException.conflict("status", "STATE", "申请状态为 " + a.status() + "，不是 " + from,
          "The application is " + a.status() + ", not " + from);
    }
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, applicationNo, action, a.status(), to, rule,
        reason, a.processInstanceId(), null));
    return mapper.findByApplicationNo(applicationNo);
  }

  /**
   * R-DES-2: the supervisor's note on an escalation of the evaluation time limit (before it: warning; after it:
   * overdue), audited on the application with the supervisor as actor.
   */
  @Transactional
  public void recordEscalation(String applicationNo, boolean overdue, String note) {
    DesignationApplication a = find(applicationNo);
    String reason = (overdue ? "评估超时督办：" : "评估时限临近督办：")
        + (note == null || note.isBlank() ? "（未填写督办意见）" : note.trim());
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, applicationNo,
        overdue ? "EVALUATION_OVERDUE_ESCALATED" : "EVALUATION_WARNING_ESCALATED", a.status(), a.status(), "R-DES-2",
        reason.length() > 2000 ? reason.substring(0, 2000) : reason, a.processInstanceId(), null));
  }

  DesignationApplication visible(String applicationNo) {
    DesignationApplication a = mapper.findByApplicationNo(applicationNo);
    if (a == null || !regionAccess.canSee(a.region())) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    return a;
  }

  private DesignationApplication find(String applicationNo) {
    DesignationApplication a = mapper.findByApplicationNo(applicationNo);
    if (a == null) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    return a;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }

  static String abbreviate(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  static String departmentNames(List<String> codes) {
    return codes.stream().map(DEPARTMENTS::get).collect(Collectors.joining("、"));
  }
}
