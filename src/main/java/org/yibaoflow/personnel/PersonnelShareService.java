package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * R-PERS-10 (004 §五(三)): an institution whose personnel suspended or terminated in a year reach the region's
 * share gets a proposal once a year, and the supervisor's decision suspends (with an end) or terminates the
 * institution's agreement, its personnel following (R-PERS-11).
 */
@Service
public class PersonnelShareService {

  private final MeasureMapper mapper;
  private final PersonnelMeasureService measures;
  private final PersonnelService personnel;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final Clock clock;

  PersonnelShareService(MeasureMapper mapper, PersonnelMeasureService measures, PersonnelService personnel,
      InstitutionService institutions, AgreementService agreements, RegionSettingsService settings,
      AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.measures = measures;
    this.personnel = personnel;
    this.institutions = institutions;
    this.agreements = agreements;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** An institution whose suspended/terminated personnel reached the region's share this year. */
  public record Threshold(long institutionId, String institutionName, int affected, int personnel, int percent) {

    public String summaryZh() {
      return institutionName + "：" + personnel + " 名相关人员中 " + affected + " 名本年度被中止或解除服务协议（"
          + (personnel == 0 ? 0 : affected * 100 / personnel) + "%，本地区标准 " + percent + "%）";
    }
  }

  /**
   * R-PERS-10: the next of the person's institutions whose personnel suspended or terminated in the year of
   * the case reach the region's share (personnel-institution-threshold, 30 %) and that has no proposal yet
   * this year; null when none. The proposal row makes each institution come up once a year.
   */
  @Transactional
  public Threshold nextThreshold(String caseNo, String processInstanceId) {
    PersonnelMeasure m = measures.find(caseNo);
    LocalDate on = m.effectiveOn() != null ? m.effectiveOn() : LocalDate.now(clock);
    int percent = settings.value(m.region(), RegionSetting.PERSONNEL_INSTITUTION_THRESHOLD);
    Set<Long> sites = new LinkedHashSet<>();
    personnel.agreementsOfUnchecked(m.personId()).forEach(a -> sites.add(a.institutionId()));
    for (long institutionId : sites) {
      int total = mapper.personnelAt(institutionId);
      int affected = mapper.affectedAt(institutionId, on.withDayOfYear(1), on.withDayOfYear(on.lengthOfYear()));
      if (total == 0 || affected * 100 < percent * total) {
        continue;
      }
      Institution institution = institutions.find(institutionId);
      if (mapper.insertProposalIfAbsent(m.region(), institutionId, on.getYear(), affected, total, caseNo,
          OffsetDateTime.now(clock)) == 1) {
        Threshold t = new Threshold(institutionId, institution.name(), affected, total, percent);
        audit.record(AuditEntry.of(m.region(), "INSTITUTION", String.valueOf(institutionId), "PERSONNEL_THRESHOLD_REACHED",
            null, null, "R-PERS-10", t.summaryZh(), processInstanceId, "caseNo=" + caseNo + ", year=" + on.getYear()));
        return t;
      }
    }
    return null;
  }

  /**
   * The supervisor's decision on the R-PERS-10 proposal: SUSPEND or TERMINATE the institution's agreement in
   * force (cause PERSONNEL_THRESHOLD; its personnel follow, R-PERS-11), or NONE. Once per institution and year.
   */
  @Transactional
  public void decideInstitution(String caseNo, long institutionId, String proposal, String reason,
      String processInstanceId) {
    PersonnelMeasure m = measures.find(caseNo);
    if (!List.of("SUSPEND", "TERMINATE", "NONE").contains(proposal)) {
      throw DomainRuleException.badRequest("institutionProposal", "R-PERS-10", "须选择中止、解除或不处理",
          "Choose SUSPEND, TERMINATE or NONE");
    }
    DomainRuleException.requireText(reason, "institutionProposalReason", "理由", "reason");
    int year = (m.effectiveOn() != null ? m.effectiveOn() : LocalDate.now(clock)).getYear();
    if (mapper.decideProposal(institutionId, year, proposal, reason.trim()) == 0) {
      return;
    }
    audit.record(AuditEntry.of(m.region(), "INSTITUTION", String.valueOf(institutionId), "PERSONNEL_THRESHOLD_DECIDED",
        null, proposal, "R-PERS-10", reason.trim(), processInstanceId, "caseNo=" + caseNo + ", year=" + year));
    if ("NONE".equals(proposal)) {
      return;
    }
    AgreementState to = "SUSPEND".equals(proposal) ? AgreementState.SUSPENDED : AgreementState.TERMINATED;
    // a suspension for the share has an end: the region's months, then the agreement resumes (ShareSuspensions)
    LocalDate until = to == AgreementState.SUSPENDED ? LocalDate.now(clock)
        .plusMonths(settings.value(m.region(), RegionSetting.PERSONNEL_INSTITUTION_SUSPENSION)) : null;
    for (Agreement a : agreements.ofInstitutionUnchecked(institutionId)) {
      boolean fits = a.state() == AgreementState.ACTIVE || a.state() == AgreementState.SETTLEMENT_SUSPENDED
          || to == AgreementState.TERMINATED && a.state() == AgreementState.SUSPENDED;
      if (fits) {
        agreements.transition(a.id(), new TransitionCommand(to, "PERSONNEL_THRESHOLD", "R-PERS-10",
            "相关人员被中止或解除协议达到比例（R-PERS-10）：" + reason.trim() + (until == null ? ""
                : "；中止至 " + until + "，期满自动恢复"), processInstanceId));
        if (until != null) {
          mapper.proposalSuspendedUntil(institutionId, year, until);
        }
        return;
      }
    }
  }

  /**
   * The measures the personnel share imposed on the institution in the year (R-PERS-10: the supervisor's
   * suspension or termination of its agreement), for the annual evaluation (R-EVA-1).
   */
  @Transactional(readOnly = true)
  public int institutionMeasuresInYear(long institutionId, int year) {
    return mapper.institutionMeasures(institutionId, year);
  }
}
