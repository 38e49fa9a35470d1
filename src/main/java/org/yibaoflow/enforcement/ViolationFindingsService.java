package org.yibaoflow.enforcement;

import static org.yibaoflow.enforcement.ViolationCaseSupport.ENTITY;
import static org.yibaoflow.enforcement.ViolationCaseSupport.truncate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.enforcement.ViolationCatalogue.Violation;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * 调查取证 of a violation case: the findings against the catalogue (R-VIO-2), amounts (R-VIO-10/13), serious risk
 * suspending settlement at once (R-VIO-6), transfers (R-VIO-11), and the records the institution must produce
 * (R-VIO-7: settlement suspended, resumed when provided in time, termination when not).
 */
@Service
public class ViolationFindingsService {

  private final ViolationCaseMapper mapper;
  private final ViolationCaseSupport support;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final AuditService audit;

  ViolationFindingsService(ViolationCaseMapper mapper, ViolationCaseSupport support, InstitutionService institutions,
      AgreementService agreements, RegionSettingsService settings, AuditService audit) {
    this.mapper = mapper;
    this.support = support;
    this.institutions = institutions;
    this.agreements = agreements;
    this.settings = settings;
    this.audit = audit;
  }

  /** What the investigation found, as the process needs it. */
  public record Findings(boolean documentsRequired, boolean seriousRisk, List<String> referralKinds,
      String caseSummary) {

    /** Whether a transfer starts now (kinds not transferred before in this case). */
    public boolean referralRequired() {
      return !referralKinds.isEmpty();
    }
  }

  /**
   * Records the findings of the investigation against the catalogue (R-VIO-2), the amounts (R-VIO-10/13), and
   * what follows from them: records to produce (R-VIO-7), serious-risk conduct suspending settlement at once
   * (R-VIO-6), a transfer (R-VIO-11: crime to the judicial authorities, always; public officials to the
   * discipline commission; another regulator's matter to that regulator). A repeated investigation (after a
   * review returned the case) replaces the findings.
   */
  @Transactional
  public Findings recordFindings(String caseNo, FindingsReport report, String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    List<Violation> found = check(c, report);
    BigDecimal defraudedAmount = report.defraudedAmount();
    BigDecimal sampleAmount = report.sampleAmount();
    BigDecimal samplingRatio = report.samplingRatio();
    Integer fineMultiple = report.fineMultiple();
    boolean documentsRequested = report.documentsRequested();
    boolean seriousRiskFound = report.seriousRiskFound();
    boolean crimeSuspected = report.crimeSuspected();
    boolean publicOfficial = report.publicOfficial();
    boolean otherRegulator = report.otherRegulator();
    // records already provided in this case are not asked for again after a returned review
    boolean documents = (documentsRequested || found.stream().anyMatch(Violation::documents))
        && mapper.measureCount(caseNo, "DOCUMENTS_PROVIDED") == 0;
    boolean serious = seriousRiskFound || found.stream().anyMatch(Violation::seriousRisk);
    // R-VIO-11: each kind that applies, crime always to the judicial authorities; a kind transferred before in
    // this case (a repeated investigation after a returned review) is not transferred again
    Set<String> before = c.referralKinds() == null ? Set.of() : Set.of(c.referralKinds().split(","));
    List<String> requested = new ArrayList<>();
    if (crimeSuspected) {
      requested.add("JUDICIAL");
    }
    if (publicOfficial) {
      requested.add("DISCIPLINE");
    }
    if (otherRegulator) {
      requested.add("REGULATOR");
    }
    List<String> newReferrals = requested.stream().filter(k -> !before.contains(k)).toList();
    LinkedHashSet<String> all = new LinkedHashSet<>(before);
    all.addAll(requested);
    String referralKinds = all.isEmpty() ? null : String.join(",", all);
    mapper.deleteFindings(caseNo);
    for (Violation v : found) {
      mapper.insertFinding(caseNo, v.code(), v.severity(), v.clause());
    }
    OffsetDateTime now = support.now();
    String status = documents ? ViolationCase.DOCUMENTS_REQUESTED : ViolationCase.DECIDING;
    mapper.recordFindings(caseNo, defraudedAmount, sampleAmount, samplingRatio, fineMultiple, serious, referralKinds,
        status, now);
    String list = found.stream().map(v -> v.name() + "（" + v.code() + "，" + v.clause() + "）")
        .collect(Collectors.joining("；"));
    audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "FINDINGS_RECORDED", c.status(), status, "R-VIO-2",
        truncate("调查认定：" + list), processInstanceId, "defraudedAmount=" + defraudedAmount + ", sampleAmount="
            + sampleAmount + ", samplingRatio=" + samplingRatio + ", seriousRisk=" + serious + ", documents=" + documents
            + ", referral=" + newReferrals));
    if (serious) {
      Agreement a = agreements.find(c.agreementId());
      if (a.state() == AgreementState.ACTIVE && support.record(c, "RISK_SETTLEMENT_SUSPENSION", "R-VIO-6", null,
          "可能造成重大风险的行为，即时暂停结算", processInstanceId)) {
        support.transition(c, AgreementState.SETTLEMENT_SUSPENDED, "SERIOUS_RISK", "R-VIO-6",
            "案件 " + caseNo + " 发现可能造成重大风险的行为，即时暂停医保基金结算", processInstanceId);
      }
    }
    String summary = truncate("违约处理案件 " + caseNo + "：" + institutions.find(c.institutionId()).name() + "，" + list);
    return new Findings(documents, serious, newReferrals, summary);
  }

  /**
   * Checks an investigation's report without writing anything: the codes against the catalogue and the
   * institution type, the amounts (R-VIO-10/13), and the sampling ratio against the region's minimum (R-VIO-13,
   * region setting second-review-sample-minimum, default 5 %). The investigation task's completion calls it, so
   * bad input is a message in the form and the task stays open.
   */
  @Transactional(readOnly = true)
  public void checkFindings(String caseNo, FindingsReport report) {
    check(support.find(caseNo), report);
  }

  private List<Violation> check(ViolationCase c, FindingsReport report) {
    List<String> codes = ViolationCodes.parse(report.findingCodes());
    List<Violation> found = support.violations(codes, c.institutionType(), "findingCodes");
    MeasureAmounts.validate(report.defraudedAmount(), report.sampleAmount(), report.samplingRatio(),
        report.fineMultiple());
    int minimum = settings.value(c.region(), RegionSetting.SECOND_REVIEW_SAMPLE_MINIMUM);
    if (report.samplingRatio() != null
        && report.samplingRatio().movePointRight(2).compareTo(BigDecimal.valueOf(minimum)) < 0) {
      throw DomainRuleException.badRequest("samplingRatio", "R-VIO-13", "抽查比例不得低于本地区最低抽查比例 " + minimum
          + "%（如 0.05 表示 5%）", "samplingRatio must be at least the region's minimum of " + minimum + " %")
          .with("minimum", BigDecimal.valueOf(minimum).movePointLeft(2));
    }
    return found;
  }

  // ---------------------------------------------------------------- document production (R-VIO-7)

  /**
   * The institution must produce its records: settlement is suspended at once (ACTIVE -> SETTLEMENT_SUSPENDED,
   * R-VIO-7) and it has the region's document deadline (default 7 days, R-TIME-2). Returns the days.
   */
  @Transactional
  public int suspendSettlementForRecords(String caseNo, String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    int days = settings.value(c.region(), RegionSetting.DOCUMENT_DEADLINE);
    if (support.record(c, "DOCUMENTS_REQUESTED", "R-VIO-7", null, "责令 " + days + " 日内提供资料，期间暂停结算",
        processInstanceId)) {
      Agreement a = agreements.find(c.agreementId());
      if (a.state() == AgreementState.ACTIVE) {
        support.transition(c, AgreementState.SETTLEMENT_SUSPENDED, "RECORDS_NOT_PROVIDED", "R-VIO-7",
            "案件 " + caseNo + " 未按要求提供资料，暂停结算，限 " + days + " 日内提供", processInstanceId);
      }
      mapper.updateStatus(caseNo, ViolationCase.DOCUMENTS_REQUESTED, support.now());
    }
    return days;
  }

  /** Sufficient records in time: settlement resumes (R-VIO-7), unless serious-risk conduct keeps it stopped. */
  @Transactional
  public void resumeSettlement(String caseNo, String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    if (support.record(c, "DOCUMENTS_PROVIDED", "R-VIO-7", null, "已在期限内提供充分资料", processInstanceId)) {
      Agreement a = agreements.find(c.agreementId());
      if (a.state() == AgreementState.SETTLEMENT_SUSPENDED && !Boolean.TRUE.equals(c.seriousRisk())) {
        support.transition(c, AgreementState.ACTIVE, "RECORDS_PROVIDED", "R-VIO-7",
            "案件 " + caseNo + " 已在期限内提供资料，恢复结算", processInstanceId);
      }
      mapper.updateStatus(caseNo, ViolationCase.DECIDING, support.now());
    }
  }

  /** The deadline passed without sufficient records: the agreement is terminated (R-VIO-7) with the ban (R-VIO-9). */
  @Transactional
  public void terminateForMissingRecords(String caseNo, String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    if (support.record(c, "DOCUMENTS_NOT_PROVIDED", "R-VIO-7", null, "期限内仍不能提供资料，解除协议", processInstanceId)) {
      Agreement a = agreements.find(c.agreementId());
      if (a.state() == AgreementState.SETTLEMENT_SUSPENDED) {
        support.transition(c, AgreementState.TERMINATED, "RECORDS_NOT_PROVIDED", "R-VIO-7",
            "案件 " + caseNo + " 在规定期限内仍不能提供资料，解除服务协议", processInstanceId);
      }
    }
  }
  /** Checks an investigation (调查取证) as {@link #recordFindings} will, writing nothing (R-VIO-2/10/13). */
  @Transactional(readOnly = true)
  public void checkFindings(String caseNo, Object findingCodes, BigDecimal defraudedAmount, BigDecimal sampleAmount,
      BigDecimal samplingRatio, Integer fineMultiple) {
    // the same check as the completion's (the region's minimum sampling ratio included, R-VIO-13)
    check(support.find(caseNo), new FindingsReport(String.join(",", ViolationCodes.parse(findingCodes)),
        defraudedAmount, sampleAmount, samplingRatio, fineMultiple, false, false, false, false, false));
  }
}
