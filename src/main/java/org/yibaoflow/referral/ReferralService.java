package org.yibaoflow.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
 * Transfers to judicial authorities, the discipline commission and other regulators (R-VIO-11): registered,
 * transferred with the receiving body, date and letter number, then followed up until feedback arrives —
 * reminders at the region's interval ({@code referral-reminder-interval}, default 30 days). Every step is
 * audited.
 */
@Service
public class ReferralService {

  static final String ENTITY = "REFERRAL";
  static final String MESSAGE_FEEDBACK = "ReferralFeedback";

  private final ReferralMapper mapper;
  private final CaseNumbers caseNumbers;
  private final AuditService audit;
  private final RegionSettingsService settings;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final RegionAccess regionAccess;
  private final Clock clock;

  ReferralService(ReferralMapper mapper, CaseNumbers caseNumbers, AuditService audit, RegionSettingsService settings,
      RuntimeService runtimeService, EngineAsApplication engine, RegionAccess regionAccess, Clock clock) {
    this.mapper = mapper;
    this.caseNumbers = caseNumbers;
    this.audit = audit;
    this.settings = settings;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regionAccess = regionAccess;
    this.clock = clock;
  }

  /** An open transfer with its age, for supervisors. */
  public record OpenReferral(Referral referral, long ageDays) {
  }

  @Transactional
  public Referral register(String processInstanceId, String region, Referral.Kind kind, String subjectRef,
      String caseSummary) {
    Referral existing = mapper.findByProcessInstance(processInstanceId);
    if (existing != null) {
      return existing;
    }
    if (kind == null) {
      throw DomainRuleException.badRequest("referralKind", "R-VIO-11", "须选择移送类别：司法机关、纪委监委、其他部门或卫生健康部门",
          "referralKind must be JUDICIAL, DISCIPLINE, REGULATOR or HEALTH");
    }
    DomainRuleException.requireText(caseSummary, "caseSummary", "移送事由", "caseSummary");
    OffsetDateTime now = OffsetDateTime.now(clock);
    String number = caseNumbers.next("YS", region);
    mapper.insert(new Referral(null, number, region, kind, subjectRef == null ? number : subjectRef, caseSummary.trim(),
        Referral.Status.PREPARING, null, null, null, 0, null, processInstanceId, now, now));
    audit.record(AuditEntry.of(region, ENTITY, number, "REGISTERED", null, Referral.Status.PREPARING.name(), "R-VIO-11",
        "决定移送：" + kind, processInstanceId, "subjectRef=" + subjectRef));
    return mapper.findByNo(number);
  }

  public int reminderIntervalDays(String region) {
    return settings.value(region, RegionSetting.REFERRAL_REMINDER_INTERVAL);
  }

  @Transactional
  public Referral recordTransfer(String referralNo, String receivingBody, LocalDate transferredOn, String letterNo) {
    Referral r = mapper.findByNo(referralNo);
    if (r.status() == Referral.Status.TRANSFERRED && letterNo != null && letterNo.trim().equals(r.letterNo())) {
      return r; // a retried job
    }
    DomainRuleException.requireText(receivingBody, "receivingBody", "接收机关", "receivingBody");
    DomainRuleException.requireText(letterNo, "letterNo", "移送函文号", "letterNo");
    if (transferredOn == null || transferredOn.isAfter(LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)))) {
      throw DomainRuleException.badRequest("transferredOn", "R-VIO-11", "移送日期须为今天或之前的日期",
          "transferredOn must be today or earlier");
    }
    if (mapper.recordTransfer(referralNo, receivingBody.trim(), transferredOn, letterNo.trim(),
        OffsetDateTime.now(clock)) == 0) {
      throw DomainRuleException.conflict("status", "R-VIO-11", "移送状态为 " + r.status() + "，不能办理移送",
          "A referral in status " + r.status() + " cannot be transferred");
    }
    audit.record(AuditEntry.of(r.region(), ENTITY, referralNo, "TRANSFERRED", r.status().name(),
        Referral.Status.TRANSFERRED.name(), "R-VIO-11", "移送至 " + receivingBody.trim() + "，移送函 " + letterNo.trim(),
        r.processInstanceId(), "transferredOn=" + transferredOn));
    return mapper.findByNo(referralNo);
  }

  /** A reminder fell due with no feedback. {@code key} identifies the timer firing, so a retry counts once. */
  @Transactional
  public Referral recordReminder(String referralNo, String key) {
    Referral r = mapper.findByNo(referralNo);
    if (mapper.recordReminder(referralNo, key, OffsetDateTime.now(clock)) > 0) {
      audit.record(AuditEntry.of(r.region(), ENTITY, referralNo, "REMINDER", r.status().name(), r.status().name(),
          "R-VIO-11", "移送后 " + reminderIntervalDays(r.region()) + " 日未收到反馈，催办第 " + (r.reminderCount() + 1) + " 次",
          r.processInstanceId(), null));
    }
    return mapper.findByNo(referralNo);
  }

  /** Feedback arrived (through the API or as the message {@value #MESSAGE_FEEDBACK}). Recorded once per key. */
  @Transactional
  public Referral recordFeedback(String referralNo, Referral.FeedbackType type, String content, String key) {
    return recordFeedback(referralNo, type, content, key, null, null, null);
  }

  /**
   * Feedback arrived; {@code receivedOn} and {@code documentNo} when it came on paper and the caseworker entered it at
   * 登记移送反馈 (issue 15 item 6; null through /api: received when sent), {@code recordedBy} who entered it (null:
   * the current user). Recorded once per key.
   */
  @Transactional
  public Referral recordFeedback(String referralNo, Referral.FeedbackType type, String content, String key,
      LocalDate receivedOn, String documentNo, String recordedBy) {
    Referral r = mapper.findByNo(referralNo);
    if (mapper.countFeedback(referralNo, key) > 0) {
      return r;
    }
    if (type == null) {
      throw DomainRuleException.badRequest("feedbackType", "R-VIO-11", "反馈类型须为 ACCEPTED、DECLINED 或 RESULT",
          "feedbackType must be ACCEPTED, DECLINED or RESULT");
    }
    String text = content == null || content.isBlank() ? type.name() : content.trim();
    String number = documentNo == null || documentNo.isBlank() ? null : documentNo.trim();
    String actor = recordedBy != null ? recordedBy : audit.currentActor();
    mapper.insertFeedback(referralNo, type, text, OffsetDateTime.now(clock), actor, key, receivedOn, number);
    Referral.Status status = switch (type) {
      case ACCEPTED -> Referral.Status.ACCEPTED;
      case DECLINED -> Referral.Status.DECLINED;
      case RESULT -> Referral.Status.CLOSED;
    };
    mapper.updateStatus(referralNo, status, OffsetDateTime.now(clock));
    audit.record(new AuditEntry(null, r.region(), ENTITY, referralNo, "FEEDBACK_" + type, r.status().name(),
        status.name(), "R-VIO-11", "接收机关反馈" + (receivedOn == null ? "" : "（书面，" + receivedOn + " 收到"
            + (number == null ? "" : "，文书编号 " + number) + "）") + "：" + text, actor, r.processInstanceId(), null,
        null));
    return mapper.findByNo(referralNo);
  }

  /** A declined transfer the caseworker decides not to send again. */
  @Transactional
  public Referral close(String referralNo, String reason) {
    Referral r = mapper.findByNo(referralNo);
    if (r.status() == Referral.Status.CLOSED) {
      return r;
    }
    DomainRuleException.requireText(reason, "closeReason", "终结理由", "closeReason");
    mapper.updateStatus(referralNo, Referral.Status.CLOSED, OffsetDateTime.now(clock));
    audit.record(AuditEntry.of(r.region(), ENTITY, referralNo, "CLOSED", r.status().name(),
        Referral.Status.CLOSED.name(), "R-VIO-11", reason.trim(), r.processInstanceId(), null));
    return mapper.findByNo(referralNo);
  }

  /**
   * Feedback entered through the domain API: validated, then handed to the waiting process, which records it.
   * 409 when the transfer is not waiting for feedback.
   */
  @Transactional
  public void receiveFeedback(String referralNo, Referral.FeedbackType type, String content) {
    Referral r = visible(referralNo);
    checkFeedback(r, type, content);
    engine.run(() -> runtimeService.createMessageCorrelation(MESSAGE_FEEDBACK).processInstanceId(r.processInstanceId())
        .setVariables(Map.of("feedbackType", type.name(), "feedbackContent", content.trim()))
        .correlateWithResult());
  }

  /**
   * Feedback received on paper, checked before the caseworker's 登记移送反馈 completes (issue 15 item 6, R-VIO-11):
   * the rules of {@link #receiveFeedback}, and the day it was received, not in the future (Beijing) and not before
   * the transfer. The referral is the business key of the process whose task records it.
   */
  @Transactional(readOnly = true)
  public void checkPaperFeedback(String referralNo, Referral.FeedbackType type, String content, LocalDate receivedOn) {
    Referral r = mapper.findByNo(referralNo);
    if (r == null) {
      throw DomainRuleException.notFound("移送 / referral", referralNo);
    }
    checkFeedback(r, type, content);
    if (receivedOn == null) {
      throw DomainRuleException.badRequest("receivedOn", "R-VIO-11", "须填写收到反馈的日期",
          "The date the feedback was received is required");
    }
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    if (receivedOn.isAfter(today)) {
      throw DomainRuleException.badRequest("receivedOn", "R-VIO-11", "收到日期不能晚于今天（" + today + "）",
          "The feedback cannot have been received after today (" + today + ")");
    }
    if (r.transferredOn() != null && receivedOn.isBefore(r.transferredOn())) {
      throw DomainRuleException.badRequest("receivedOn", "R-VIO-11", "收到日期不能早于移送日期（" + r.transferredOn() + "）",
          "The feedback cannot have been received before the transfer (" + r.transferredOn() + ")");
    }
  }

  /** The referral of a process's own task (its business key), for the facts its form shows; null when unknown. */
  @Transactional(readOnly = true)
  public Referral ofProcess(String referralNo) {
    return mapper.findByNo(referralNo);
  }

  /** R-VIO-11: a type, a content, and a transfer waiting for feedback. */
  private static void checkFeedback(Referral r, Referral.FeedbackType type, String content) {
    if (type == null) {
      throw DomainRuleException.badRequest("type", "R-VIO-11", "反馈类型须为 ACCEPTED、DECLINED 或 RESULT",
          "type must be ACCEPTED, DECLINED or RESULT");
    }
    DomainRuleException.requireText(content, "content", "反馈内容", "content");
    if (r.status() != Referral.Status.TRANSFERRED && r.status() != Referral.Status.ACCEPTED) {
      throw DomainRuleException.conflict("status", "R-VIO-11", "该移送当前不在等待反馈（" + r.status() + "）",
          "The referral is not waiting for feedback (" + r.status() + ")");
    }
  }

  @Transactional(readOnly = true)
  public List<OpenReferral> open() {
    List<String> regions = regionAccess.visibleRegions();
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    return regions.isEmpty() ? List.of() : mapper.findOpen(regions).stream()
        .map(r -> new OpenReferral(r, ChronoUnit.DAYS.between(
            r.transferredOn() != null ? r.transferredOn() : r.createdAt().atZoneSameInstant(WorkingDayCalendar.ZONE)
                .toLocalDate(), today)))
        .toList();
  }

  @Transactional(readOnly = true)
  public Referral get(String referralNo) {
    return visible(referralNo);
  }

  private Referral visible(String referralNo) {
    Referral r = mapper.findByNo(referralNo);
    if (r == null || !regionAccess.canSee(r.region())) {
      throw DomainRuleException.notFound("移送 / referral", referralNo);
    }
    return r;
  }
}
