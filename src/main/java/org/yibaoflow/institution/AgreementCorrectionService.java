package org.yibaoflow.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * An administrator puts the register right: corrects an agreement's recorded state, or imports an agreement that
 * exists outside yibao-flow (存量协议). Neither is a legal act: those happen inside the processes (violation case,
 * rectification, document production, designation, annual evaluation, personnel scoring), after their reviews
 * and objection windows, through {@link AgreementService#transition}. So a correction is audited as
 * {@value #CORRECTION} and writes no ban (R-VIO-9), forces no termination at the suspension threshold (R-VIO-5)
 * and moves no personnel agreement (R-PERS-11); an import is audited as {@value #IMPORTED}, and an ACTIVE one is
 * refused while the institution's designation has an unverified complaint (R-DES-3) or a ban is in force.
 * Who may call: the controllers' roles ({@code camunda-admin}, docs/security.md); region: the controllers check it.
 */
@Service
public class AgreementCorrectionService {

  static final String CORRECTION = "CORRECTION";
  static final String IMPORTED = "IMPORTED";

  private final AgreementService agreements;
  private final AgreementMapper mapper;
  private final InstitutionService institutions;
  private final ObjectProvider<DesignationComplaints> complaints;
  private final AuditService audit;
  private final Clock clock;

  AgreementCorrectionService(AgreementService agreements, AgreementMapper mapper, InstitutionService institutions,
      ObjectProvider<DesignationComplaints> complaints, AuditService audit, Clock clock) {
    this.agreements = agreements;
    this.mapper = mapper;
    this.institutions = institutions;
    this.complaints = complaints;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Corrects the recorded state along the transition table (the cause and rule name the decision being
   * recorded). {@code decidedIn} optionally names the case that decided it; it is kept in the audit details only.
   */
  @Transactional
  public TransitionResult correct(long id, TransitionCommand c) {
    if (c == null || c.to() == null) {
      throw DomainRuleException.badRequest("to", "INPUT", "须给出目标状态", "The target state is required");
    }
    DomainRuleException.requireText(c.cause(), "cause", "变更原因", "cause");
    DomainRuleException.requireText(c.ruleId(), "ruleId", "规则编号", "ruleId");
    DomainRuleException.requireText(c.reason(), "reason", "更正理由", "reason");
    Agreement a = agreements.find(id);
    Institution institution = institutions.find(a.institutionId());
    var t = AgreementStateMachine.require(a.state(), c.to(), c.cause(), c.ruleId(), institution.type());
    int count = a.suspensionCount() + (t.countsAsSuspension() ? 1 : 0);
    if (mapper.updateState(a.id(), a.version(), t.to(), count, OffsetDateTime.now(clock)) == 0) {
      throw DomainRuleException.conflict("version", "CONCURRENCY", "协议已被他人同时变更，请刷新后重试",
          "The agreement was changed concurrently; reload and try again");
    }
    audit.record(AuditEntry.of(a.region(), AgreementService.ENTITY, a.id().toString(), CORRECTION,
        a.state().name(), t.to().name(), t.ruleId(), c.reason().trim(), null,
        "data correction by an administrator (no ban, no personnel ripple, no forced termination); cause="
            + t.cause() + ", suspensionCount=" + count + ", institutionId=" + institution.id()
            + (c.processInstanceId() == null || c.processInstanceId().isBlank() ? ""
                : ", decidedIn=" + c.processInstanceId().trim())));
    return new TransitionResult(mapper.find(a.id()),
        List.of(new TransitionResult.Applied(a.state(), t.to(), t.cause(), t.ruleId(), count)));
  }

  /** Imports an existing agreement (存量协议), ACTIVE or DEFERRED, for a period; idempotent like signing. */
  @Transactional
  public Agreement importExisting(long institutionId, LocalDate periodStart, LocalDate periodEnd,
      AgreementState state, String reason) {
    Institution institution = institutions.find(institutionId);
    if (state == AgreementState.ACTIVE) {
      int open = complaints.stream().mapToInt(d -> d.unverified(institution.region(), institution.creditCode()))
          .sum();
      if (open > 0) {
        throw DomainRuleException.conflict("institutionId", "R-DES-3",
            "该机构的定点申请尚有 " + open + " 件投诉未核实，核实前不得签订协议",
            open + " complaint(s) on the institution's designation are unverified: no agreement may be signed");
      }
    }
    return agreements.record(institutionId, periodStart, periodEnd, state, reason, null, IMPORTED,
        "import of an existing agreement by an administrator");
  }
}
