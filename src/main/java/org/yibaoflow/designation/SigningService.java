package org.yibaoflow.designation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * After the public notice (R-DES-4): negotiation rounds (协商谈判) until agreement or breakdown, then the
 * online signing (网签) that creates the agreement in the registry, ACTIVE for the region's agreement term,
 * and publishes the designation.
 */
@Service
public class SigningService {

  static final Set<String> OUTCOMES = Set.of(DesignationRecords.NegotiationRound.CONTINUE,
      DesignationRecords.NegotiationRound.AGREED, DesignationRecords.NegotiationRound.BROKEN_DOWN);

  /** What one negotiation round recorded. */
  public record Round(String serviceContent, String paymentMethod, String settlementStandard, String minutes,
      String participants, String outcome) {
  }

  private final DesignationMapper mapper;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final Clock clock;
  private final ApplicationLicences licences;

  SigningService(DesignationMapper mapper, InstitutionService institutions, AgreementService agreements,
      RegionSettingsService settings, AuditService audit, Clock clock, ApplicationLicences licences) {
    this.licences = licences;
    this.mapper = mapper;
    this.institutions = institutions;
    this.agreements = agreements;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records negotiation round {@code roundNo} (R-DES-4): service content, payment method, settlement
   * standard, minutes and participants are all required. AGREED moves the application to signing,
   * BROKEN_DOWN ends it without agreement. Idempotent: a retried job finds its round.
   */
  @Transactional
  public String recordRound(String applicationNo, int roundNo, Round r, String recordedBy) {
    DesignationApplication a = find(applicationNo);
    DesignationRecords.NegotiationRound existing = mapper.findRound(applicationNo, roundNo);
    if (existing != null) {
      return existing.outcome();
    }
    if (!DesignationApplication.STATUS_NEGOTIATION.equals(a.status())) {
      throw DomainRuleException.conflict("status", "R-DES-4", "申请状态为 " + a.status() + "，不在协商谈判中",
          "The application is " + a.status() + ", not in negotiation");
    }
    text(r.serviceContent(), "serviceContent", "服务内容", 2000);
    text(r.paymentMethod(), "paymentMethod", "支付方式", 500);
    text(r.settlementStandard(), "settlementStandard", "结算标准", 1000);
    text(r.minutes(), "negotiationMinutes", "谈判纪要", 4000);
    text(r.participants(), "participants", "参加人员", 1000);
    if (r.outcome() == null || !OUTCOMES.contains(r.outcome())) {
      throw DomainRuleException.badRequest("negotiationOutcome", "R-DES-4", "谈判结果须为继续谈判、达成一致或谈判破裂",
          "The outcome must be CONTINUE, AGREED or BROKEN_DOWN");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    mapper.insertRound(new DesignationRecords.NegotiationRound(null, applicationNo, roundNo, r.serviceContent().trim(),
        r.paymentMethod().trim(), r.settlementStandard().trim(), r.minutes().trim(), r.participants().trim(),
        r.outcome(), recordedBy, now));
    String target = switch (r.outcome()) {
      case DesignationRecords.NegotiationRound.AGREED -> DesignationApplication.STATUS_SIGNING;
      case DesignationRecords.NegotiationRound.BROKEN_DOWN -> DesignationApplication.STATUS_NEGOTIATION_BROKEN_DOWN;
      default -> a.status();
    };
    if (!target.equals(a.status())) {
      mapper.transition(applicationNo, List.of(a.status()), target, now);
    }
    String label = switch (r.outcome()) {
      case DesignationRecords.NegotiationRound.AGREED -> "达成一致，进入网签";
      case DesignationRecords.NegotiationRound.BROKEN_DOWN -> "谈判破裂，不签订协议";
      default -> "继续谈判";
    };
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, applicationNo, "NEGOTIATION_ROUND", a.status(),
        target, "R-DES-4", "第 " + roundNo + " 轮协商谈判：" + label + "；参加人员：" + r.participants().trim(),
        a.processInstanceId(), "round=" + roundNo + ", outcome=" + r.outcome()));
    return r.outcome();
  }

  private static void text(String value, String field, String zh, int max) {
    DomainRuleException.requireText(value, field, zh, field);
    if (value.trim().length() > max) {
      throw DomainRuleException.badRequest(field, "INPUT", zh + "不能超过 " + max + " 字",
          field + " is at most " + max + " characters");
    }
  }

  /**
   * Online signing (网签, R-DES-4): both signatures recorded with channel ONLINE, the institution registered
   * in the registry if it is not yet, the agreement signed ACTIVE from today for the region's
   * {@code agreement-term} years, the designation published (status DESIGNATED). Idempotent: the signing row
   * (unique per application and per agreement) makes a retried job return the agreement it created.
   */
  @Transactional
  public Agreement signOnline(String applicationNo, String institutionSigner, String agencySigner,
      String processInstanceId) {
    DesignationApplication a = find(applicationNo);
    DesignationRecords.Signing done = mapper.signingOf(applicationNo);
    if (done != null) {
      return agreements.find(done.agreementId());
    }
    if (!DesignationApplication.STATUS_SIGNING.equals(a.status())) {
      throw DomainRuleException.conflict("status", "R-DES-4", "申请状态为 " + a.status() + "，未达成一致不能签约",
          "The application is " + a.status() + "; signing needs an agreed negotiation");
    }
    text(institutionSigner, "institutionSigner", "机构签署人", 100);
    text(agencySigner, "agencySigner", "经办机构签署人", 100);
    Institution institution = institution(a, processInstanceId);
    LocalDate start = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    int years = settings.value(a.region(), RegionSetting.AGREEMENT_TERM);
    Agreement agreement = agreements.sign(institution.id(), start, start.plusYears(years).minusDays(1),
        AgreementState.ACTIVE, "定点申请 " + applicationNo + " 网签：机构签署人 " + institutionSigner.trim()
            + "，经办机构签署人 " + agencySigner.trim(), processInstanceId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    mapper.insertSigning(new DesignationRecords.Signing(null, applicationNo, institutionSigner.trim(),
        agencySigner.trim(), DesignationRecords.Signing.ONLINE, agreement.id(), now));
    mapper.designate(applicationNo, agreement.id(), now);
    audit.record(AuditEntry.of(a.region(), DesignationService.ENTITY, applicationNo, "DESIGNATED", a.status(),
        DesignationApplication.STATUS_DESIGNATED, "R-DES-4", "网签完成，服务协议 " + agreement.id() + " 生效（"
            + agreement.periodStart() + " 至 " + agreement.periodEnd() + "），定点结果予以公布",
        processInstanceId, "agreementId=" + agreement.id() + ", institutionId=" + institution.id() + ", channel=ONLINE"));
    return agreement;
  }

  /**
   * The registry's institution of the application (same region and credit code), registered now if it is
   * new: its 医保机构编码 is derived from the application number (H/P + year + sequence, 11 digits).
   */
  private Institution institution(DesignationApplication a, String processInstanceId) {
    Institution known = institutions.findByCreditCode(a.region(), a.creditCode());
    if (known != null) {
      return known;
    }
    ApplicationLicences.Declared declared = licences.of(a.applicationNo()); // R-DES-1: the institution keeps them
    return institutions.register(new NewInstitution(a.region(), institutionCode(a), a.institutionName(),
        a.institutionType(), a.creditCode(), null, declared.licences(), declared.penalties(),
        "定点申请 " + a.applicationNo() + " 评估、公示、协商谈判通过，网签时登记为定点医药机构", processInstanceId));
  }

  /** DA-2026-huaibei-000123 → H20260000123 (hospital) / P20260000123 (pharmacy). */
  static String institutionCode(DesignationApplication a) {
    String[] parts = a.applicationNo().split("-");
    String year = parts[1];
    String seq = parts[parts.length - 1];
    String digits = year + String.format("%07d", Long.parseLong(seq) % 10_000_000L);
    return (Institution.HOSPITAL.equals(a.institutionType()) ? "H" : "P") + digits;
  }

  @Transactional(readOnly = true)
  public List<DesignationRecords.NegotiationRound> rounds(String applicationNo) {
    return mapper.rounds(applicationNo);
  }

  @Transactional(readOnly = true)
  public DesignationRecords.Signing signing(String applicationNo) {
    return mapper.signingOf(applicationNo);
  }

  private DesignationApplication find(String applicationNo) {
    DesignationApplication a = mapper.findByApplicationNo(applicationNo);
    if (a == null) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    return a;
  }
}
