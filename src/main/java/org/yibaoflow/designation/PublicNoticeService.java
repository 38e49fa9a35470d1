package org.yibaoflow.designation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * The public notice of a passed evaluation (公示, R-DES-3), process {@code public-notice}: published for the
 * region's notice period; every complaint is registered and verified; while one is open the notice does not
 * end, and a founded one fails the application.
 */
@Service
public class PublicNoticeService {

  static final String COMPLAINT_MESSAGE = "ComplaintReceived";
  /** Set when the notice is published: its first day (Beijing, ISO text), R-DES-3. */
  public static final String NOTICE_PUBLISHED_ON = "noticePublishedOn";
  /** The timer that ends the notice period (process public-notice): its due date is the period's end, R-TIME-1. */
  static final String PERIOD_TIMER = "Event_NoticePeriodOver";

  /** A complaint as registered, and how many complaints of the application are still unverified. */
  public record Registered(long complaintId, int openComplaints) {
  }

  private final DesignationMapper mapper;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final EngineAsApplication engine;
  private final RegionAccess regionAccess;
  private final Clock clock;

  PublicNoticeService(DesignationMapper mapper, RegionSettingsService settings, AuditService audit,
      RuntimeService runtimeService, ManagementService managementService, EngineAsApplication engine,
      RegionAccess regionAccess, Clock clock) {
    this.managementService = managementService;
    this.mapper = mapper;
    this.settings = settings;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regionAccess = regionAccess;
    this.clock = clock;
  }

  /** Publishes the passed evaluation; returns the region's notice period in working days. Idempotent. */
  @Transactional
  public int publish(String applicationNo) {
    DesignationApplication a = find(applicationNo);
    int days = settings.value(a.region(), RegionSetting.PUBLIC_NOTICE_PERIOD);
    if (DesignationApplication.STATUS_PUBLIC_NOTICE.equals(a.status())) {
      return days;
    }
    move(a, DesignationApplication.STATUS_EVALUATION_PASSED, DesignationApplication.STATUS_PUBLIC_NOTICE,
        "NOTICE_PUBLISHED", "评估结果公示，公示期 " + days + " 个工作日；期间收到的投诉举报须调查核实");
    return days;
  }

  /** As {@link #fileComplaint(String, ComplaintReceipt)}, received today through another system. */
  @Transactional
  public void fileComplaint(String applicationNo, String complainant, String content) {
    fileComplaint(applicationNo, new ComplaintReceipt(complainant, "SYSTEM", content, today()));
  }

  /**
   * Files a complaint about an application under public notice through /api (R-DES-3): region-checked (other
   * regions 404), 409 when no notice is running, 400 when the receipt breaks a rule of {@link ComplaintReceipt}
   * (received on a day of the notice, not in the future). Correlates {@code ComplaintReceived} by the
   * application number; the complaint's text travels as variables local to its verification.
   */
  @Transactional
  public void fileComplaint(String applicationNo, ComplaintReceipt receipt) {
    DesignationApplication a = mapper.findByApplicationNo(applicationNo);
    if (a == null || !regionAccess.canSee(a.region())) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    receipt.check(null, null, today()); // bad input first (400), then the state (409)
    requireNotice(a);
    Map<String, Object> window = engine.call(() -> noticeWindow(applicationNo));
    receipt.check(ComplaintReceipt.date(window.get(NOTICE_PUBLISHED_ON)), (LocalDate) window.get("lastDay"), today());
    engine.run(() -> correlate(applicationNo, receipt.trimmed()));
  }

  /**
   * A complaint the caseworker recorded in Tasklist (登记公示期间投诉, issue 15): the same rules as through /api,
   * checked against the notice's own window, then the same message into the same verification. Runs inside the
   * process's own transaction (the task's completion): a broken rule rolls the completion back.
   */
  @Transactional
  public void forwardComplaint(String applicationNo, ComplaintReceipt receipt, LocalDate publishedOn,
      LocalDate lastDay) {
    requireNotice(find(applicationNo));
    receipt.check(publishedOn, lastDay, today());
    correlate(applicationNo, receipt.trimmed());
  }

  /** The Tasklist form's check before the completion (FormCheck): the application is still under notice. */
  public void requireNotice(String applicationNo) {
    requireNotice(find(applicationNo));
  }

  private static void requireNotice(DesignationApplication a) {
    if (!DesignationApplication.STATUS_PUBLIC_NOTICE.equals(a.status())) {
      throw DomainRuleException.conflict("applicationNo", "R-DES-3", "该申请不在公示期（当前状态 " + a.status() + "）",
          "The application is not under public notice (" + a.status() + ")");
    }
  }

  /**
   * The window of the running notice that accepts complaints: its first day and its last day, the due date of the
   * period's timer (recomputed there when provisional, R-TIME-3); 409 when no notice runs or its period is over
   * (a complaint still being verified keeps the notice open, not the period).
   */
  private Map<String, Object> noticeWindow(String applicationNo) {
    var execution = runtimeService.createExecutionQuery().processInstanceBusinessKey(applicationNo)
        .messageEventSubscriptionName(COMPLAINT_MESSAGE).list().stream().findFirst().orElseThrow(PublicNoticeService::over);
    LocalDate lastDay = noticeLastDay(execution.getProcessInstanceId());
    if (lastDay == null) {
      throw over();
    }
    Map<String, Object> window = new HashMap<>();
    window.put(NOTICE_PUBLISHED_ON, runtimeService.getVariable(execution.getId(), NOTICE_PUBLISHED_ON));
    window.put("lastDay", lastDay);
    return window;
  }

  /** The last day of a running notice's period (the due date of its timer), null when the period is over. */
  public LocalDate noticeLastDay(String noticeProcessInstanceId) {
    var timer = managementService.createJobQuery().processInstanceId(noticeProcessInstanceId).activityId(PERIOD_TIMER)
        .timers().list().stream().findFirst();
    return timer.map(j -> ComplaintReceipt.lastDay(j.getDuedate())).orElse(null);
  }

  private static DomainRuleException over() {
    return DomainRuleException.conflict("applicationNo", "R-DES-3", "该申请的公示已结束",
        "The public notice of the application is over");
  }

  private void correlate(String applicationNo, ComplaintReceipt r) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("complaintContent", r.content());
    variables.put("complainant", r.complainant() == null ? "" : r.complainant());
    variables.put("complaintChannel", r.channel());
    variables.put("complaintReceivedOn", r.receivedOn().toString());
    try {
      runtimeService.createMessageCorrelation(COMPLAINT_MESSAGE).processInstanceBusinessKey(applicationNo)
          .setVariablesLocal(variables).correlate();
    } catch (OptimisticLockingException e) {
      throw DomainRuleException.conflict("applicationNo", "CONCURRENCY", "该申请正被同时处理，请稍后重试",
          "The application is being changed concurrently; try again");
    } catch (MismatchingMessageCorrelationException e) {
      throw DomainRuleException.conflict("applicationNo", "R-DES-3", "该申请的公示已结束",
          "The public notice of the application is over");
    }
  }

  /** Today in Beijing (R-TIME-1): the day a notice is published, and the latest day a complaint is received. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }

  /**
   * Registers a complaint received during the notice (R-DES-3), OPEN until verified. Idempotent by its
   * reference (the engine execution that registers it).
   */
  @Transactional
  public Registered registerComplaint(String applicationNo, String complaintRef, ComplaintReceipt receipt,
      String processInstanceId) {
    DesignationApplication a = find(applicationNo);
    DesignationRecords.Complaint existing = mapper.complaintByRef(complaintRef);
    if (existing == null) {
      DomainRuleException.requireText(receipt.content(), "content", "投诉内容", "complaint content");
      ComplaintReceipt r = receipt.trimmed();
      OffsetDateTime now = OffsetDateTime.now(clock);
      mapper.insertComplaint(new DesignationRecords.Complaint(null, complaintRef, applicationNo, a.region(),
          r.complainant(), r.content(), DesignationRecords.Complaint.OPEN, null, null, now, null, processInstanceId,
          r.channel(), r.receivedOn() != null ? r.receivedOn() : today()));
      existing = mapper.complaintByRef(complaintRef);
      audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, applicationNo, "COMPLAINT_RECEIVED",
          a.status(), a.status(), "R-DES-3", "公示期间收到投诉（" + ComplaintReceipt.CHANNELS.getOrDefault(r.channel(), "方式未记录") + "，"
              + (r.receivedOn() != null ? r.receivedOn() : today()) + " 收到），待调查核实："
              + EvaluationService.abbreviate(r.content(), 1400),
          a.processInstanceId(), "complaintId=" + existing.id()));
    }
    return new Registered(existing.id(), mapper.countOpenComplaints(applicationNo));
  }

  /**
   * Records the verification of a complaint (R-DES-3): founded or not, with the finding. Returns the number
   * of complaints still open. Idempotent for the same conclusion; another conclusion is a conflict.
   */
  @Transactional
  public int verifyComplaint(long complaintId, boolean founded, String finding, String verifiedBy) {
    DesignationRecords.Complaint c = mapper.complaint(complaintId);
    if (c == null) {
      throw DomainRuleException.notFound("投诉 / complaint", String.valueOf(complaintId));
    }
    DomainRuleException.requireText(finding, "verificationFinding", "核实情况", "finding");
    String status = founded ? DesignationRecords.Complaint.FOUNDED : DesignationRecords.Complaint.UNFOUNDED;
    if (!DesignationRecords.Complaint.OPEN.equals(c.status())) {
      if (!c.status().equals(status)) {
        throw DomainRuleException.conflict("complaintConclusion", "R-DES-3", "投诉已核实为 " + c.status(),
            "The complaint was already verified as " + c.status());
      }
      return mapper.countOpenComplaints(c.applicationNo());
    }
    mapper.verifyComplaint(complaintId, status, EvaluationService.abbreviate(finding.trim(), 2000), verifiedBy,
        OffsetDateTime.now(clock));
    DesignationApplication a = find(c.applicationNo());
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, a.applicationNo(), "COMPLAINT_VERIFIED", a.status(),
        a.status(), "R-DES-3", (founded ? "投诉经核实属实：" : "投诉经核实不属实：") + EvaluationService.abbreviate(finding.trim(), 1500),
        a.processInstanceId(), "complaintId=" + complaintId));
    return mapper.countOpenComplaints(c.applicationNo());
  }

  /**
   * The notice period is over and no complaint is open (R-DES-3): negotiation may start. Refused while a
   * complaint is unverified.
   */
  @Transactional
  public DesignationApplication closeNotice(String applicationNo) {
    DesignationApplication a = find(applicationNo);
    if (DesignationApplication.STATUS_NEGOTIATION.equals(a.status())) {
      return a;
    }
    int open = mapper.countOpenComplaints(applicationNo);
    if (open > 0) {
      throw DomainRuleException.conflict("applicationNo", "R-DES-3", "尚有 " + open + " 件投诉未核实，不得结束公示、签订协议",
          open + " complaint(s) unverified: the notice cannot end and no agreement may be signed");
    }
    return move(a, DesignationApplication.STATUS_PUBLIC_NOTICE, DesignationApplication.STATUS_NEGOTIATION,
        "NOTICE_CLOSED", "公示期满，无未核实或属实的投诉，进入协商谈判");
  }

  /** A founded complaint fails the application with its finding (R-DES-3). Returns the reason. Idempotent. */
  @Transactional
  public String failByComplaint(String applicationNo, long complaintId) {
    DesignationApplication a = find(applicationNo);
    DesignationRecords.Complaint c = mapper.complaint(complaintId);
    if (c == null || !DesignationRecords.Complaint.FOUNDED.equals(c.status())) {
      throw DomainRuleException.conflict("complaintId", "R-DES-3", "投诉未核实为属实", "The complaint is not founded");
    }
    String reason = EvaluationService.abbreviate("公示期间投诉经核实属实，不予定点：" + c.finding(), 2000);
    if (DesignationApplication.STATUS_COMPLAINT_FOUNDED.equals(a.status())) {
      return a.failureReason();
    }
    if (mapper.recordFailureReason(applicationNo, DesignationApplication.STATUS_PUBLIC_NOTICE,
        DesignationApplication.STATUS_COMPLAINT_FOUNDED, reason, OffsetDateTime.now(clock)) == 0) {
      throw DomainRuleException.conflict("status", "STATE", "申请状态为 " + a.status() + "，不在公示期",
          "The application is " + a.status() + ", not under notice");
    }
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, applicationNo, "COMPLAINT_FOUNDED", a.status(),
        DesignationApplication.STATUS_COMPLAINT_FOUNDED, "R-DES-3", reason, a.processInstanceId(),
        "complaintId=" + complaintId));
    return reason;
  }

  @Transactional(readOnly = true)
  public List<DesignationRecords.Complaint> complaints(String applicationNo) {
    return mapper.complaints(applicationNo);
  }

  private DesignationApplication move(DesignationApplication a, String from, String to, String action, String reason) {
    if (mapper.transition(a.applicationNo(), List.of(from), to, OffsetDateTime.now(clock)) == 0) {
      throw DomainRuleException.conflict("status", "STATE", "申请状态为 " + a.status() + "，不是 " + from,
          "The application is " + a.status() + ", not " + from);
    }
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, a.applicationNo(), action, a.status(), to,
        "R-DES-3", reason, a.processInstanceId(), null));
    return mapper.findByApplicationNo(a.applicationNo());
  }

  private DesignationApplication find(String applicationNo) {
    DesignationApplication a = mapper.findByApplicationNo(applicationNo);
    if (a == null) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    return a;
  }
}
