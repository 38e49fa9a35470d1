package org.yibaoflow.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * What the server keeps of a renewal decision, whatever a form says:
 * <ul>
 *   <li>R-EVA-5: the non-renewal case the registry's data show (licence revoked or expired, no settlement in the
 *   year, on-request suspension over the limit) decides; the caseworker's choice cannot remove it, only a
 *   supervisor can, with a reason, audited ({@link #override});</li>
 *   <li>R-EVA-2: a non-renewal takes effect at the end of the current period, not when the objection window
 *   closes ({@link #schedule}).</li>
 * </ul>
 * Keyed by the evaluation's business key (the process instance's), idempotent.
 */
@Service
public class RenewalControl {

  private final RenewalControlMapper mapper;
  private final AgreementService agreements;
  private final AuditService audit;
  private final Clock clock;

  RenewalControl(RenewalControlMapper mapper, AgreementService agreements, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.agreements = agreements;
    this.audit = audit;
    this.clock = clock;
  }

  /** The data's case at gathering (NONE when none), kept for the decision. */
  @Transactional
  public void required(String businessKey, String region, String requiredCase) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (mapper.updateRequired(businessKey, requiredCase, now) == 0) {
      mapper.insert(businessKey, region, requiredCase, now);
    }
  }

  /**
   * The caseworker's choice at scoring; answers the case that decides: the data's case when there is one and no
   * supervisor overrode it (the caseworker's different choice is audited as not followed), else the choice.
   */
  @Transactional
  public String choose(String businessKey, String chosenCase) {
    RenewalControlMapper.Control c = control(businessKey);
    mapper.updateChosen(businessKey, chosenCase, OffsetDateTime.now(clock));
    String deciding = deciding(c.requiredCase(), chosenCase, c.overrideReason() != null);
    if (!deciding.equals(chosenCase)) {
      audit.record(AuditEntry.of(c.region(), AnnualEvaluationService.ENTITY, businessKey, "NON_RENEWAL_KEPT", null,
          deciding, "R-EVA-5", "登记数据显示存在不再签订情形「" + deciding + "」，经办人员的选择「" + chosenCase
              + "」不改变该情形（仅科室负责人可说明理由后变更）", null, "chosen=" + chosenCase));
    }
    return deciding;
  }

  /** The case that decides now (the renewal decision reads it from here, not from a form variable). */
  @Transactional(readOnly = true)
  public String decidingCase(String businessKey) {
    RenewalControlMapper.Control c = control(businessKey);
    return deciding(c.requiredCase(), c.chosenCase() == null ? RenewalReasons.NONE : c.chosenCase(),
        c.overrideReason() != null);
  }

  static String deciding(String required, String chosen, boolean overridden) {
    return !RenewalReasons.NONE.equals(required) && !overridden ? required : chosen;
  }

  /** The data's case, for the review form. */
  @Transactional(readOnly = true)
  public String requiredCase(String businessKey) {
    return control(businessKey).requiredCase();
  }

  /**
   * A supervisor sets the data's case aside (e.g. the licence was renewed after the data were read): a reason is
   * required; audited with who and why. Only the supervisor's review task calls it (candidate group supervisor).
   */
  @Transactional
  public void override(String businessKey, String reason, String supervisor) {
    RenewalControlMapper.Control c = control(businessKey);
    if (RenewalReasons.NONE.equals(c.requiredCase())) {
      return;
    }
    if (reason == null || reason.isBlank()) {
      throw DomainRuleException.badRequest("renewalOverrideReason", "R-EVA-5", "变更登记数据显示的不再签订情形须说明理由",
          "Setting the data's non-renewal case aside needs a reason");
    }
    mapper.override(businessKey, reason.trim(), supervisor, OffsetDateTime.now(clock));
    audit.record(AuditEntry.of(c.region(), AnnualEvaluationService.ENTITY, businessKey, "NON_RENEWAL_OVERRIDDEN",
        c.requiredCase(), c.chosenCase(), "R-EVA-5", "科室负责人变更不再签订情形：" + reason.trim(), null,
        "supervisor=" + supervisor));
  }

  /**
   * R-EVA-2: the non-renewal takes effect the day after the current period ends (today when it has ended).
   * Answers the moment (00:00 Asia/Shanghai of that day), the timer of the process. Idempotent.
   */
  @Transactional
  public Date schedule(String businessKey, long agreementId) {
    RenewalControlMapper.Control c = control(businessKey);
    Agreement current = agreements.find(agreementId);
    LocalDate today = today();
    LocalDate effective = current.periodEnd().plusDays(1);
    if (effective.isBefore(today)) {
      effective = today;
    }
    if (mapper.schedule(businessKey, effective, OffsetDateTime.now(clock)) == 1) {
      audit.record(AuditEntry.of(c.region(), AnnualEvaluationService.ENTITY, businessKey, "NON_RENEWAL_SCHEDULED",
          null, null, "R-EVA-2", "不再签订自本协议期满次日 " + effective + " 起生效，期满前协议继续履行", null,
          "agreementId=" + agreementId + ", periodEnd=" + current.periodEnd()));
    } else {
      effective = control(businessKey).effectiveOn();
    }
    return Date.from(effective.atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
  }

  /** Refuses an effect before its day (a timer fired early by a changed variable changes nothing). */
  @Transactional(readOnly = true)
  public void requireEffective(String businessKey) {
    LocalDate effective = control(businessKey).effectiveOn();
    if (effective == null || today().isBefore(effective)) {
      throw DomainRuleException.conflict("effectiveOn", "R-EVA-2", "不再签订自协议期满次日 " + effective + " 起生效，尚未到期",
          "The non-renewal takes effect on " + effective);
    }
  }

  private RenewalControlMapper.Control control(String businessKey) {
    RenewalControlMapper.Control c = mapper.find(businessKey);
    if (c == null) {
      throw DomainRuleException.notFound("年度考核 / evaluation", businessKey);
    }
    return c;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }
}
