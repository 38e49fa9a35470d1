package org.yibaoflow.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * Service agreements and their state machine ({@link AgreementStateMachine}). Every transition names its
 * cause and rule, is audited with its reason and case, and is written under an optimistic lock: of two
 * concurrent transitions one succeeds and the other gets 409, never a mixed record.
 */
@Service
public class AgreementService {

  static final String ENTITY = "AGREEMENT";

  private final AgreementMapper mapper;
  private final InstitutionService institutions;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final Clock clock;
  private final ObjectProvider<AgreementTransitionListener> listeners;

  AgreementService(AgreementMapper mapper, InstitutionService institutions, RegionSettingsService settings,
      AuditService audit, Clock clock, ObjectProvider<AgreementTransitionListener> listeners) {
    this.mapper = mapper;
    this.institutions = institutions;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
    this.listeners = listeners;
  }

  /**
   * Signs the agreement of an institution for a period, ACTIVE or DEFERRED (缓签, R-EVA-4). Refused while a
   * ban is in force (R-VIO-9); one agreement per institution and period. Idempotent for a retried job:
   * the same period in the same initial state returns the existing agreement.
   */
  @Transactional
  public Agreement sign(long institutionId, LocalDate periodStart, LocalDate periodEnd, AgreementState initial,
      String reason, String processInstanceId) {
    return record(institutionId, periodStart, periodEnd, initial, reason, processInstanceId, "SIGNED", null);
  }

  /** Writes a new agreement, audited under {@code action} (SIGNED by a process, IMPORTED by an administrator). */
  @Transactional
  Agreement record(long institutionId, LocalDate periodStart, LocalDate periodEnd, AgreementState initial,
      String reason, String processInstanceId, String action, String details) {
    Institution institution = institutions.find(institutionId);
    if (initial == null || !initial.isInitial()) {
      throw DomainRuleException.badRequest("state", "R-EVA-4", "新签协议的状态须为 ACTIVE 或 DEFERRED（缓签）",
          "A new agreement starts ACTIVE or DEFERRED");
    }
    if (periodStart == null || periodEnd == null || !periodEnd.isAfter(periodStart)) {
      throw DomainRuleException.badRequest("periodEnd", "INPUT", "协议期止日须晚于起日",
          "periodEnd must be after periodStart");
    }
    if (reason == null || reason.isBlank()) {
      throw DomainRuleException.badRequest("reason", "AUDIT", "签订协议须说明理由", "Signing needs a reason");
    }
    Agreement existing = mapper.findByPeriod(institutionId, periodStart);
    if (existing != null) {
      if (existing.state() == initial && existing.periodEnd().equals(periodEnd)) {
        return existing;
      }
      throw DomainRuleException.conflict("periodStart", "INPUT", "该机构在 " + periodStart + " 起的协议期已有协议",
          "The institution already has an agreement for the period starting " + periodStart);
    }
    Eligibility eligibility = institutions.eligibility(institution.creditCode(), LocalDate.now(clock));
    if (eligibility.bannedUntil() != null) {
      throw DomainRuleException.conflict("institutionId", "R-VIO-9",
          "该机构被解除协议，" + eligibility.bannedUntil() + " 前不得签订协议",
          "The institution was terminated and may not sign before " + eligibility.bannedUntil());
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    mapper.insert(new Agreement(null, institutionId, institution.region(), periodStart, periodEnd, initial, 0, now, 0L,
        now));
    Agreement saved = mapper.findByPeriod(institutionId, periodStart);
    audit.record(AuditEntry.of(saved.region(), ENTITY, saved.id().toString(), action, null, initial.name(),
        initial == AgreementState.DEFERRED ? "R-EVA-4" : "R-DES-4", reason, processInstanceId,
        "institutionId=" + institutionId + ", period=" + periodStart + ".." + periodEnd
            + (details == null ? "" : ", " + details)));
    return saved;
  }

  /** An agreement of the current user's regions; 404 for other regions' (not disclosed). */
  @Transactional(readOnly = true)
  public Agreement visible(long id) {
    Agreement a = mapper.find(id);
    if (a == null) {
      throw DomainRuleException.notFound("服务协议 / agreement", String.valueOf(id));
    }
    institutions.visible(a.institutionId());
    return a;
  }

  @Transactional(readOnly = true)
  public Agreement find(long id) {
    Agreement a = mapper.find(id);
    if (a == null) {
      throw DomainRuleException.notFound("服务协议 / agreement", String.valueOf(id));
    }
    return a;
  }

  /** The agreements of any institution, newest period first (no region check; for services). */
  @Transactional(readOnly = true)
  public List<Agreement> ofInstitutionUnchecked(long institutionId) {
    return mapper.byInstitution(institutionId);
  }

  @Transactional(readOnly = true)
  public List<Agreement> ofInstitution(long institutionId) {
    institutions.visible(institutionId);
    return mapper.byInstitution(institutionId);
  }

  /**
   * Moves an agreement along the table: the legal act a process decided. No region check here (processes
   * call it as the system). Entering TERMINATED records the R-VIO-9 ban; the listeners (personnel,
   * R-PERS-11) follow in the same transaction. Only processes call this; an administrator's correction of the
   * register is {@link AgreementCorrectionService}, which writes no ban.
   *
   * <p>R-VIO-5: "协议有效期内累计3次被暂停协议 … 一律解除服务协议" [000 §一] and "累计2次及以上被中止医保服务协议 …
   * 应当即时解除协议" [003 §三(三)] make the N-th suspension itself the ground for termination, "at once".
   * So the N-th suspension is recorded (count N, audited) and the termination (cause SUSPENSION_LIMIT,
   * R-VIO-5) follows in the same transaction; the answer lists both. Refusing the N-th suspension instead
   * would leave the agreement running after the N-th violation, which neither text allows.
   */
  @Transactional
  public TransitionResult transition(long id, TransitionCommand c) {
    if (c == null || c.to() == null) {
      throw DomainRuleException.badRequest("to", "INPUT", "须给出目标状态", "The target state is required");
    }
    DomainRuleException.requireText(c.cause(), "cause", "变更原因", "cause");
    DomainRuleException.requireText(c.ruleId(), "ruleId", "规则编号", "ruleId");
    DomainRuleException.requireText(c.reason(), "reason", "理由", "reason");
    Agreement agreement = find(id);
    Institution institution = institutions.find(agreement.institutionId());
    var transition = AgreementStateMachine.require(agreement.state(), c.to(), c.cause(), c.ruleId(),
        institution.type());
    int threshold = settings.value(agreement.region(), RegionSetting.SUSPENSION_TERMINATION_THRESHOLD);
    if (AgreementStateMachine.SUSPENSION_LIMIT.equals(transition.cause()) && agreement.suspensionCount() < threshold) {
      throw DomainRuleException.conflict("cause", "R-VIO-5",
          "协议期内累计中止 " + agreement.suspensionCount() + " 次，未达到本地区上限 " + threshold + " 次",
          "Suspended " + agreement.suspensionCount() + " times, below the region's threshold of " + threshold);
    }
    List<TransitionResult.Applied> applied = new ArrayList<>();
    Agreement after = apply(agreement, institution, transition, c.reason().trim(), c.processInstanceId(), applied);
    if (after.state() == AgreementState.SUSPENDED && transition.countsAsSuspension()
        && after.suspensionCount() >= threshold) {
      var forced = AgreementStateMachine.find(AgreementState.SUSPENDED, AgreementState.TERMINATED,
          AgreementStateMachine.SUSPENSION_LIMIT, "R-VIO-5").orElseThrow();
      String reason = "协议期内累计中止 " + after.suspensionCount() + " 次，达到本地区上限 " + threshold
          + " 次，依 R-VIO-5 即时解除协议 / suspended " + after.suspensionCount() + " times (threshold " + threshold
          + "): terminated at once. 原因 / cause: " + c.reason().trim();
      after = apply(after, institution, forced, reason, c.processInstanceId(), applied);
    }
    return new TransitionResult(after, List.copyOf(applied));
  }

  private Agreement apply(Agreement a, Institution institution, AgreementStateMachine.Transition t, String reason,
      String processInstanceId, List<TransitionResult.Applied> applied) {
    int count = a.suspensionCount() + (t.countsAsSuspension() ? 1 : 0);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (mapper.updateState(a.id(), a.version(), t.to(), count, now) == 0) {
      throw DomainRuleException.conflict("version", "CONCURRENCY", "协议已被他人同时变更，请刷新后重试",
          "The agreement was changed concurrently; reload and try again");
    }
    audit.record(AuditEntry.of(a.region(), ENTITY, a.id().toString(), "TRANSITION", a.state().name(), t.to().name(),
        t.ruleId(), reason, processInstanceId, "cause=" + t.cause() + ", suspensionCount=" + count
            + ", institutionId=" + institution.id()));
    if (t.to() == AgreementState.TERMINATED) {
      institutions.ban(institution, a, now.toLocalDate(),
          settings.value(a.region(), RegionSetting.TERMINATION_BAN), reason, processInstanceId);
    }
    var event = new AgreementTransitioned(a.id(), institution.id(), a.region(), a.state(), t.to(), t.cause(),
        t.ruleId(), reason, processInstanceId);
    listeners.orderedStream().forEach(l -> l.onTransition(event));
    applied.add(new TransitionResult.Applied(a.state(), t.to(), t.cause(), t.ruleId(), count));
    return mapper.find(a.id());
  }
}
