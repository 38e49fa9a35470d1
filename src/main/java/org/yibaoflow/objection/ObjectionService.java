package org.yibaoflow.objection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.Deadline;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * Objections against notified decisions (R-PERS-12): a window of N working days (region setting
 * {@code objection-window}, default 10) counted from the day after the written notice (R-TIME-1); the agency
 * reviews a timely objection; against its review a second window opens to the administrative department,
 * whose decision is final. A filing after the window is refused with the deadline and recorded.
 */
@Service
public class ObjectionService {

  static final String ENTITY = "OBJECTION";
  static final String MESSAGE_FILED = "ObjectionFiled";

  private final ObjectionMapper mapper;
  private final CaseNumbers caseNumbers;
  private final AuditService audit;
  private final WorkingDayCalendar calendar;
  private final RegionSettingsService settings;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final RegionAccess regionAccess;
  private final ObjectionReceipts receipts;
  private final Clock clock;

  ObjectionService(ObjectionMapper mapper, CaseNumbers caseNumbers, AuditService audit, WorkingDayCalendar calendar,
      RegionSettingsService settings, RuntimeService runtimeService, EngineAsApplication engine,
      RegionAccess regionAccess, ObjectionReceipts receipts, Clock clock) {
    this.mapper = mapper;
    this.caseNumbers = caseNumbers;
    this.audit = audit;
    this.calendar = calendar;
    this.settings = settings;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regionAccess = regionAccess;
    this.receipts = receipts;
    this.clock = clock;
  }

  /** Opens the agency-level window for a decision notified on {@code noticeServedOn}. Idempotent per process. */
  @Transactional
  public Objection open(String processInstanceId, String region, String subjectRef, String decisionType,
      String decision, String party, LocalDate noticeServedOn) {
    Objection existing = mapper.findByProcessInstance(processInstanceId);
    if (existing != null) {
      return existing;
    }
    DomainRuleException.requireText(decision, "decision", "被异议的处理决定", "decision");
    DomainRuleException.requireText(party, "party", "当事人", "party");
    DomainRuleException.requireText(decisionType, "decisionType", "决定类型", "decisionType");
    if (noticeServedOn == null) {
      throw DomainRuleException.badRequest("noticeServedOn", "R-PERS-12", "须写明书面通知的送达日期",
          "The date the written notice was served is required");
    }
    if (noticeServedOn.isAfter(today())) {
      throw DomainRuleException.badRequest("noticeServedOn", "R-PERS-12", "送达日期不能晚于今天",
          "The notice cannot have been served in the future");
    }
    int windowDays = settings.value(region, RegionSetting.OBJECTION_WINDOW);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String number = caseNumbers.next("YY", region);
    mapper.insert(new Objection(null, number, region, subjectRef == null ? number : subjectRef, decisionType,
        decision.trim(), party.trim(), noticeServedOn, windowDays, null, Objection.Status.WINDOW_OPEN, null, null,
        null, null, processInstanceId, now, now));
    Deadline window = calendar.addWorkingDays(noticeServedOn, windowDays);
    audit.record(AuditEntry.of(region, ENTITY, number, "WINDOW_OPENED", null, Objection.Status.WINDOW_OPEN.name(),
        "R-PERS-12", "处理决定已送达，异议期至 " + window.deadline() + (window.provisional() ? "（暂定）" : ""),
        processInstanceId, "decision=" + decision));
    return mapper.findByNo(number);
  }

  /**
   * The written notice was served on another day than the process assumed (the service recorded on the document,
   * issue 17): while the first window is still open, it counts from the recorded day (R-PERS-12, R-TIME-1). Returns
   * the window's working days when moved, else null (no open window, or the same day). Not a user's operation: the
   * caller checked the document's region.
   */
  @Transactional
  public Integer moveNoticeServedOn(String processInstanceId, LocalDate servedOn) {
    return moveServedOn(processInstanceId, servedOn, false);
  }

  /**
   * The review decision (异议复核决定书) was served on another day than the day it was recorded: while the second
   * window (to the administrative department) is open, it counts from the recorded day of service (R-PERS-12,
   * R-TIME-1). Returns the window's working days when moved, else null. Not a user's operation.
   */
  @Transactional
  public Integer moveReviewServedOn(String processInstanceId, LocalDate servedOn) {
    return moveServedOn(processInstanceId, servedOn, true);
  }

  private Integer moveServedOn(String processInstanceId, LocalDate servedOn, boolean review) {
    Objection o = mapper.findByProcessInstance(processInstanceId);
    if (o == null) {
      return null;
    }
    Objection.Status open = review ? Objection.Status.SECOND_WINDOW_OPEN : Objection.Status.WINDOW_OPEN;
    LocalDate was = review ? o.reviewServedOn() : o.noticeServedOn();
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (o.status() != open || servedOn.equals(was) || (review ? mapper.moveReviewServedOn(o.objectionNo(), servedOn, now)
        : mapper.moveNoticeServedOn(o.objectionNo(), servedOn, now)) == 0) {
      return null;
    }
    Deadline window = calendar.addWorkingDays(servedOn, o.windowWorkingDays());
    audit.record(AuditEntry.of(o.region(), ENTITY, o.objectionNo(), review ? "REVIEW_SERVICE_RECORDED"
        : "NOTICE_SERVICE_RECORDED", o.status().name(), o.status().name(), "R-PERS-12", "登记的送达日期 " + servedOn
        + "，" + (review ? "向行政部门提出异议的期限" : "异议期") + "改至 " + window.deadline(), processInstanceId,
        "was=" + was));
    return o.windowWorkingDays();
  }

  /**
   * Files an objection. Inside the open window it is recorded and the waiting process is told
   * ({@value #MESSAGE_FILED}); after it, or when no window is open, it is recorded as refused and changes
   * nothing else. The window closes at the end of its last working day, 24:00 Asia/Shanghai (R-TIME-1).
   */
  @Transactional
  public FilingResult file(String objectionNo, String reasons, String evidence) {
    Objection o = visible(objectionNo);
    DomainRuleException.requireText(reasons, "reasons", "异议理由", "reasons");
    FilingResult result = record(o, reasons, evidence, null, null);
    if (result.accepted()) {
      engine.run(() -> runtimeService.createMessageCorrelation(MESSAGE_FILED)
          .processInstanceId(o.processInstanceId())
          .setVariables(Map.of("objectionReasons", reasons.trim(), "objectionEvidence", evidence == null ? "" : evidence,
              "objectionLevel", result.level().name()))
          .correlateWithResult());
    }
    return result;
  }

  /**
   * An objection received on paper, recorded by the objection process itself after the caseworker's 登记异议
   * (issue 15 item 6): the same filing as {@link #file}, judged by the day it was received
   * ({@link ObjectionReceipts}, R-PERS-12), without a message (the process already left its waiting task). Not a
   * user's operation: the task's completion was authorized; the case is the process's business key. A second run
   * finds no window open (the status moved with the first, guarded by its expected status) and records nothing.
   */
  @Transactional
  public FilingResult fileReceived(String objectionNo, LocalDate receivedOn, String reasons, String evidence,
      String recordedBy) {
    Objection o = mapper.findByNo(objectionNo);
    if (o == null) {
      throw DomainRuleException.notFound("异议 / objection", objectionNo);
    }
    receipts.check(o, receivedOn);
    DomainRuleException.requireText(reasons, "reasons", "异议理由", "reasons");
    return record(o, reasons, evidence, receivedOn, recordedBy);
  }

  /** Records a filing and, when accepted, moves the objection to its review (R-PERS-12). */
  private FilingResult record(Objection o, String reasons, String evidence, LocalDate receivedOn, String recordedBy) {
    String actor = recordedBy != null ? recordedBy : audit.currentActor();
    String objectionNo = o.objectionNo();
    Instant now = Instant.now(clock);
    Objection.Level level = o.openLevel();
    Deadline window = calendar.addWorkingDays(level == null ? lastWindowStart(o) : o.windowStartsAfter(),
        o.windowWorkingDays());
    // Lateness is the filing time against the window's end (24:00 Asia/Shanghai of its last working day), not
    // whether the window's timer job has run yet: a window whose end passed is late, open or closed in the data.
    // A paper objection is judged by the day it was received.
    boolean late = receivedOn != null ? receivedOn.isAfter(window.deadline()) : !now.isBefore(window.expiresAt());
    boolean accepted = level != null && !late;
    String refusal = accepted ? null : late ? "已超过异议期限（" + window.deadline() + "）"
        : "没有正在进行的异议期（异议已在复核中）";
    ObjectionFiling filing = new ObjectionFiling(null, objectionNo,
        level != null ? level : Objection.Level.AGENCY, reasons.trim(), evidence, actor,
        OffsetDateTime.now(clock), accepted, window.deadline(), refusal, receivedOn);
    mapper.insertFiling(filing);
    audit.record(new AuditEntry(null, o.region(), ENTITY, objectionNo, accepted ? "FILED" : "FILING_REFUSED",
        o.status().name(), accepted ? next(o.status()).name() : o.status().name(), "R-PERS-12",
        accepted ? (receivedOn == null ? "收到异议：" : "收到书面异议（" + receivedOn + "）：") + abbreviate(reasons)
            : refusal, actor, o.processInstanceId(), null, null));
    if (accepted && mapper.updateStatus(objectionNo, o.status(), next(o.status()), OffsetDateTime.now(clock)) == 0) {
      throw DomainRuleException.conflict("objectionNo", "R-PERS-12", "该异议已由他人同时提交，请刷新",
          "An objection to this decision was filed at the same moment; reload");
    }
    return new FilingResult(objectionNo, accepted, late, level, window.deadline(), window.expiresAt(), filing);
  }

  /** The agency's review of a timely objection; opens the window to the administrative department. */
  @Transactional
  public Objection recordAgencyReview(String objectionNo, Objection.Outcome outcome, String changedDecision,
      String reasons) {
    return decide(objectionNo, Objection.Status.AGENCY_REVIEW, Objection.Status.SECOND_WINDOW_OPEN,
        Objection.Level.AGENCY, outcome, changedDecision, reasons, today());
  }

  /** The administrative department's decision: final for the process (R-PERS-12). */
  @Transactional
  public Objection recordAdministrativeDecision(String objectionNo, Objection.Outcome outcome, String changedDecision,
      String reasons) {
    return decide(objectionNo, Objection.Status.ADMIN_REVIEW, Objection.Status.FINAL, Objection.Level.ADMIN, outcome,
        changedDecision, reasons, null);
  }

  /**
   * A window ran out without an objection: the decision as it stands becomes final — the original one, or
   * the agency's review when the second window passed unused.
   */
  @Transactional
  public Objection becomeFinal(String objectionNo) {
    Objection o = mapper.findByNo(objectionNo);
    if (o.status() == Objection.Status.FINAL) {
      return o;
    }
    boolean firstWindow = o.status() == Objection.Status.WINDOW_OPEN;
    if (!firstWindow && o.status() != Objection.Status.SECOND_WINDOW_OPEN) {
      throw DomainRuleException.conflict("status", "R-PERS-12", "异议正在复核中，决定不能生效",
          "The objection is under review; the decision cannot become final");
    }
    Objection.Outcome outcome = firstWindow ? Objection.Outcome.NO_OBJECTION : o.outcome();
    String effective = firstWindow ? o.decision() : o.effectiveDecision();
    mapper.recordDecision(objectionNo, o.status(), Objection.Status.FINAL, outcome, effective,
        firstWindow ? "异议期内未提出异议" : o.outcomeReasons(), firstWindow ? null : o.decidedLevel(), null,
        OffsetDateTime.now(clock));
    audit.record(AuditEntry.of(o.region(), ENTITY, objectionNo, "BECAME_FINAL", o.status().name(),
        Objection.Status.FINAL.name(), "R-PERS-12",
        firstWindow ? "异议期届满未提出异议，决定生效" : "复核决定送达后异议期届满，复核决定生效", o.processInstanceId(), null));
    return mapper.findByNo(objectionNo);
  }

  @Transactional(readOnly = true)
  public Objection get(String objectionNo) {
    return visible(objectionNo);
  }

  @Transactional(readOnly = true)
  public List<ObjectionFiling> filings(String objectionNo) {
    visible(objectionNo);
    return mapper.findFilings(objectionNo);
  }

  @Transactional(readOnly = true)
  public List<Objection> list(Objection.Status status) {
    List<String> regions = regionAccess.visibleRegions();
    return regions.isEmpty() ? List.of() : mapper.findByRegions(regions, status);
  }

  /** The window open now (or the last one), for the caseworker's and the institution's information. */
  public Deadline window(Objection o) {
    return calendar.addWorkingDays(o.openLevel() == null ? lastWindowStart(o) : o.windowStartsAfter(),
        o.windowWorkingDays());
  }

  private Objection decide(String objectionNo, Objection.Status expected, Objection.Status to, Objection.Level level,
      Objection.Outcome outcome, String changedDecision, String reasons, LocalDate reviewServedOn) {
    Objection o = mapper.findByNo(objectionNo);
    if (o.status() == to) {
      return o; // a retried job
    }
    if (outcome == null || outcome == Objection.Outcome.NO_OBJECTION) {
      throw DomainRuleException.badRequest("outcome", "R-PERS-12", "复核结论须为维持、变更或撤销",
          "The outcome must be UPHELD, CHANGED or REVOKED");
    }
    DomainRuleException.requireText(reasons, "reasons", "复核理由", "reasons");
    if (outcome == Objection.Outcome.CHANGED) {
      DomainRuleException.requireText(changedDecision, "changedDecision", "变更后的决定", "changedDecision");
    }
    // Outcomes speak of the ORIGINAL decision. The department upholding the agency's review keeps the review's
    // outcome and decision (a revoked decision stays revoked).
    boolean upholdsReview = level == Objection.Level.ADMIN && outcome == Objection.Outcome.UPHELD;
    Objection.Outcome finalOutcome = upholdsReview ? o.outcome() : outcome;
    String effective = upholdsReview ? o.effectiveDecision() : switch (outcome) {
      case UPHELD -> o.decision();
      case CHANGED -> changedDecision.trim();
      default -> null;
    };
    if (mapper.recordDecision(objectionNo, expected, to, finalOutcome, effective, reasons.trim(), level, reviewServedOn,
        OffsetDateTime.now(clock)) == 0) {
      throw DomainRuleException.conflict("status", "R-PERS-12", "异议状态已变化：" + o.status(),
          "The objection is no longer " + expected + " but " + o.status());
    }
    audit.record(AuditEntry.of(o.region(), ENTITY, objectionNo, level == Objection.Level.AGENCY ? "AGENCY_REVIEWED"
        : "ADMIN_DECIDED", expected.name(), to.name(), "R-PERS-12", finalOutcome + "：" + reasons.trim(),
        o.processInstanceId(), effective == null ? null : "effectiveDecision=" + effective));
    return mapper.findByNo(objectionNo);
  }

  private Objection visible(String objectionNo) {
    Objection o = mapper.findByNo(objectionNo);
    if (o == null || !regionAccess.canSee(o.region())) {
      throw DomainRuleException.notFound("异议 / objection", objectionNo);
    }
    return o;
  }

  private static LocalDate lastWindowStart(Objection o) {
    return o.reviewServedOn() != null ? o.reviewServedOn() : o.noticeServedOn();
  }

  private static Objection.Status next(Objection.Status status) {
    return status == Objection.Status.WINDOW_OPEN ? Objection.Status.AGENCY_REVIEW : Objection.Status.ADMIN_REVIEW;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }

  private static String abbreviate(String s) {
    String t = s.trim();
    return t.length() > 200 ? t.substring(0, 200) + "…" : t;
  }
}
