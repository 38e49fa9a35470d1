package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The term of a person's agreement [004 §三(二)(三), §五(二)]: it lasts the region's personnel-agreement-term
 * (2 years) and renews by itself when no cancellation is recorded (R-PERS-1; {@link #renewDue} runs daily and
 * audits each renewal); the institution records a cancellation when the person or the institution leaves
 * ({@link #cancel}); an existing person gets a new agreement or a new site ({@link #signAt}), refused while a
 * re-sign bar runs (R-PERS-2 after a failed test, R-PERS-8 after a termination for points).
 */
@Service
public class PersonAgreementTerms {

  private static final Logger LOG = LoggerFactory.getLogger(PersonAgreementTerms.class);
  static final int RENEWAL_BATCH = 500;

  private final PersonnelMapper mapper;
  private final MeasureMapper measures;
  private final PersonnelService personnel;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  PersonAgreementTerms(PersonnelMapper mapper, MeasureMapper measures, PersonnelService personnel,
      InstitutionService institutions, AgreementService agreements, RegionSettingsService settings, AuditService audit,
      TransactionTemplate tx, Clock clock) {
    this.mapper = mapper;
    this.measures = measures;
    this.personnel = personnel;
    this.institutions = institutions;
    this.agreements = agreements;
    this.settings = settings;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- R-PERS-1 renewal

  @Scheduled(fixedDelayString = "${yibao.personnel.renewal-interval:PT6H}",
      initialDelayString = "${yibao.personnel.renewal-interval:PT6H}")
  void sweep() {
    int renewed = renewDue();
    if (renewed > 0) {
      LOG.info("Personnel agreements renewed automatically (R-PERS-1): {}", renewed);
    }
  }

  /**
   * Renews every agreement whose term ended before today and that was neither cancelled nor terminated, by whole
   * terms until today is covered (R-PERS-1), each in its own transaction and audited. Two sweeps at once renew
   * an agreement once (the update expects the old end). Answers how many were renewed.
   */
  public int renewDue() {
    LocalDate today = today();
    int renewed = 0;
    List<PersonAgreement> due;
    do {
      due = mapper.dueForRenewal(today, RENEWAL_BATCH);
      for (PersonAgreement a : due) {
        Boolean done = tx.execute(s -> renew(a, today));
        renewed += Boolean.TRUE.equals(done) ? 1 : 0;
      }
    } while (due.size() == RENEWAL_BATCH && renewed > 0);
    return renewed;
  }

  private boolean renew(PersonAgreement a, LocalDate today) {
    int years = settings.value(a.region(), RegionSetting.PERSONNEL_AGREEMENT_TERM);
    LocalDate until = PersonAgreement.renewedUntil(a.validUntil(), years, today);
    if (mapper.renew(a.id(), a.validUntil(), until) == 0) {
      return false;
    }
    audit.record(AuditEntry.of(a.region(), PersonnelService.AGREEMENT_ENTITY, a.id().toString(), "RENEWED", a.state(),
        a.state(), "R-PERS-1", "协议期满未办理解除登记，自动续签至 " + until + " / renewed automatically: no cancellation"
            + " recorded", null, "personId=" + a.personId() + ", institutionId=" + a.institutionId() + ", valid="
            + a.validUntil().plusDays(1) + ".." + until));
    return true;
  }

  /**
   * Records that the agreement is not to renew (the person leaves the site, or the institution leaves): it runs
   * to the end of its current term (R-PERS-1 "无解除记录的自动续签" — this is that record). Once; audited.
   */
  @Transactional
  public PersonAgreement cancel(long personId, long agreementId, String reason) {
    personnel.get(personId); // region check: 404 for other regions
    PersonAgreement a = mapper.findAgreement(agreementId);
    if (a == null || !Objects.equals(a.personId(), personId)) {
      throw DomainRuleException.notFound("相关人员服务协议 / person agreement", String.valueOf(agreementId));
    }
    DomainRuleException.requireText(reason, "reason", "解除登记理由", "reason");
    if (PersonAgreement.TERMINATED.equals(a.state())) {
      throw DomainRuleException.conflict("state", "R-PERS-1", "服务协议已解除，无需登记不再续签",
          "The agreement is terminated already");
    }
    if (mapper.cancel(agreementId, today(), reason.trim()) == 0) {
      throw DomainRuleException.conflict("cancelledOn", "R-PERS-1", "该协议已于 " + a.cancelledOn() + " 登记不再续签",
          "A cancellation is recorded already (" + a.cancelledOn() + ")");
    }
    audit.record(AuditEntry.of(a.region(), PersonnelService.AGREEMENT_ENTITY, a.id().toString(), "CANCELLED",
        a.state(), a.state(), "R-PERS-1", reason.trim(), null, "personId=" + personId + ", runsUntil="
            + a.validUntil() + " (not renewed)"));
    return mapper.findAgreement(agreementId);
  }

  // ---------------------------------------------------------------- R-PERS-2 / R-PERS-8 bars

  /** The re-sign bar running for a person on a day, with its rule, or null. */
  public record Bar(LocalDate until, String ruleId) {
  }

  /**
   * The bar on a new agreement: the latest bar_until after today of the person's terminated agreements; its rule
   * is R-PERS-2 when a failed yearly test set it, otherwise R-PERS-8 (termination for points).
   */
  Bar barOf(long personId, LocalDate today) {
    LocalDate until = mapper.agreementsOf(personId).stream().map(PersonAgreement::barUntil)
        .filter(b -> b != null && b.isAfter(today)).max(Comparator.naturalOrder()).orElse(null);
    if (until == null) {
      return null;
    }
    boolean failedTest = measures.ofPerson(personId).stream().anyMatch(m ->
        PersonnelMeasure.FAILED_TEST.equals(m.measure()) && until.equals(m.barUntil()));
    return new Bar(until, failedTest ? "R-PERS-2" : "R-PERS-8");
  }

  /**
   * Gives an existing person a new agreement at a site of their region: a new site, or the site of an agreement
   * that was terminated or ran out. Refused with 409 naming the rule and the bar's end while a bar runs
   * (R-PERS-2, R-PERS-8), and while the person has an agreement at that site still in force. The site must have
   * an agreement in force itself (R-PERS-11). Term as at registration (R-PERS-1). Audited.
   */
  @Transactional
  public PersonDetail signAt(long personId, Long institutionId, LocalDate validFrom, String reason) {
    PersonDetail detail = personnel.get(personId);
    Person p = detail.person();
    DomainRuleException.requireText(reason, "reason", "理由", "reason");
    LocalDate today = today();
    Bar bar = barOf(personId, today);
    if (bar != null) {
      throw DomainRuleException.conflict("personId", bar.ruleId(), "不再签订协议期限内（至 " + bar.until()
          + "），不能签订新的服务协议", "A re-sign bar runs until " + bar.until() + " (" + bar.ruleId()
          + "): no new agreement").with("barUntil", bar.until().toString());
    }
    Institution site = institutionId == null ? null : institutions.findOrNull(institutionId);
    if (site == null || !site.region().equals(p.region())) {
      throw DomainRuleException.badRequest("institutionId", "R-PERS-1", "执业机构须为本统筹地区的定点医药机构",
          "The practice site must be an institution of the person's region");
    }
    String initial = PersonnelService.initialState(agreements.ofInstitutionUnchecked(site.id()));
    if (initial == null) {
      throw DomainRuleException.conflict("institutionId", "R-PERS-11", "执业机构 " + site.name()
          + " 没有正在履行的服务协议，不能为其人员签订协议", "Practice site " + site.code() + " has no agreement in force");
    }
    LocalDate from = validFrom != null ? validFrom : today;
    if (from.isBefore(today)) {
      throw DomainRuleException.badRequest("validFrom", "R-PERS-1", "协议起始日不能早于今天", "validFrom must not be in the past");
    }
    LocalDate until = PersonAgreement.termEnd(from, settings.value(p.region(), RegionSetting.PERSONNEL_AGREEMENT_TERM));
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean follows = PersonAgreement.SUSPENDED.equals(initial);
    PersonAgreement existing = detail.agreements().stream().filter(a -> a.institutionId().equals(site.id()))
        .findFirst().orElse(null);
    String before = null;
    if (existing == null) {
      mapper.insertAgreement(new PersonAgreement(null, personId, site.id(), null, site.region(), initial, from, until,
          null, null, follows, now, 0L, null));
    } else {
      boolean ranOut = existing.validUntil().isBefore(today) && !existing.renews();
      if (!PersonAgreement.TERMINATED.equals(existing.state()) && !ranOut) {
        throw DomainRuleException.conflict("institutionId", "R-PERS-1", "该人员在 " + site.name()
            + " 已有正在履行的服务协议", "The person has an agreement in force at this site");
      }
      before = existing.state();
      if (mapper.signAgain(existing.id(), existing.version(), initial, from, until, follows, now) == 0) {
        throw DomainRuleException.conflict("version", "CONCURRENCY", "服务协议已被他人同时变更，请刷新后重试",
            "The agreement was changed concurrently; reload and try again");
      }
    }
    PersonAgreement signed = mapper.agreementsOf(personId).stream().filter(a -> a.institutionId().equals(site.id()))
        .findFirst().orElseThrow();
    audit.record(AuditEntry.of(p.region(), PersonnelService.AGREEMENT_ENTITY, signed.id().toString(), "SIGNED", before,
        signed.state(), "R-PERS-1", reason.trim(), null, "personId=" + personId + ", institutionId=" + site.id()
            + ", valid=" + from + ".." + until));
    return personnel.get(personId);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }
}
