package org.yibaoflow.enforcement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.ViolationCatalogue.Violation;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.institution.TransitionResult;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * Violation cases (违约处理, R-VIO-1..16): intake, findings against the catalogue, document production
 * (R-VIO-7), the decision (DMN violation-measures, amounts R-VIO-10/13), notice, execution after the objection
 * window, rectification and its escalation to suspension and termination (R-VIO-2/3/4/5), closing.
 *
 * <p>Every step a process job runs is idempotent: each measure is one row per case and measure (unique
 * constraint), recorded first in the transaction of the agreement's state change; a retried job finds the row
 * and changes nothing. The agreement's suspension count and ban are written by {@link AgreementService} in
 * the same transaction.
 */
@Service
public class ViolationCaseService {

  static final String ENTITY = "VIOLATION_CASE";
  static final String PROCESS_KEY = "violation-case";
  static final String PREFIX = "VC";
  static final Set<String> SOURCES = Set.of("COMPLAINT", "SMART_MONITORING", "ROUTINE_INSPECTION",
      "SPECIAL_INSPECTION", "YEAR_END_INSPECTION", "FLYING_INSPECTION", "EXPENSE_REVIEW", "REGULATOR_NOTICE",
      // a founded whistle-blower report (whistleblower/, R-VIO-1, R-VIO-15)
      "REPORT");
  static final Set<AgreementState> IN_FORCE = Set.of(AgreementState.ACTIVE, AgreementState.SETTLEMENT_SUSPENDED,
      AgreementState.SUSPENDED);

  private final ViolationCaseMapper mapper;
  private final ViolationCatalogue catalogue;
  private final ViolationMeasures measures;
  private final AgreementPointsService points;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final RegionAccess regionAccess;
  private final CaseNumbers caseNumbers;
  private final Clock clock;

  ViolationCaseService(ViolationCaseMapper mapper, ViolationCatalogue catalogue, ViolationMeasures measures,
      AgreementPointsService points, InstitutionService institutions, AgreementService agreements, RegionSettingsService settings, AuditService audit,
      RuntimeService runtimeService, EngineAsApplication engine, RegionAccess regionAccess, CaseNumbers caseNumbers,
      Clock clock) {
    this.mapper = mapper;
    this.catalogue = catalogue;
    this.measures = measures;
    this.points = points;
    this.institutions = institutions;
    this.agreements = agreements;
    this.settings = settings;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regionAccess = regionAccess;
    this.caseNumbers = caseNumbers;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- intake (立案)

  /** An intake request (R-VIO-1). */
  public record Intake(String region, String source, String institutionCode, List<String> suspectedViolations,
      BigDecimal suspectedAmount, String externalRef, String summary) {
  }

  /** The case and whether this request opened it (false: the same external reference was submitted before). */
  public record Opened(ViolationCase violationCase, boolean created) {
  }

  /**
   * Opens a case (立案) and starts the process {@value #PROCESS_KEY} with the case number as business key. The
   * same external reference in the same region opens one case: a repeated submission answers the existing
   * case (unique constraint uq_violation_case_external for concurrent ones). Bad input: 400, nothing written.
   */
  @Transactional
  public Opened open(Intake in) {
    String region = regionAccess.caseRegion(in.region());
    return openIn(region, in, regionAccess.currentUser().userId(), Map.of());
  }

  /**
   * Opens a case a process asks for (expense review, inspections; R-VIO-1): the region is the calling process's
   * own (from its domain row, not a user's request), {@code externalRef} makes it idempotent (a retried job finds
   * the case), and {@code variables} pre-fill the investigation (e.g. the amounts and ratio of an expense review,
   * R-VIO-13). Bad input: DomainRuleException, nothing written.
   */
  @Transactional
  public Opened openForProcess(Intake in, String openedBy, Map<String, Object> variables) {
    DomainRuleException.requireText(in.region(), "region", "统筹地区", "region");
    DomainRuleException.requireText(in.externalRef(), "externalRef", "外部编号", "external reference");
    return openIn(in.region(), in, openedBy == null ? AuditService.SYSTEM : openedBy, variables);
  }

  /**
   * A case as a process reads it, without the user's regions (the whistle-blower process joins a founded report
   * to it and reads its recovered amount for the reward, R-VIO-15); 404 when there is none.
   */
  @Transactional(readOnly = true)
  public ViolationCase forProcess(String caseNo) {
    return find(caseNo);
  }

  /** Whether the institution has an agreement in force, so a violation case can be opened for it (R-VIO-2). */
  @Transactional(readOnly = true)
  public boolean canOpenFor(long institutionId) {
    return agreements.ofInstitutionUnchecked(institutionId).stream().anyMatch(a -> IN_FORCE.contains(a.state()));
  }

  private Opened openIn(String region, Intake in, String user, Map<String, Object> extra) {
    Checked checked = check(region, in);
    if (checked.externalRef() != null) {
      ViolationCase existing = mapper.findByExternalRef(region, checked.externalRef());
      if (existing != null) {
        return new Opened(existing, false);
      }
    }
    Agreement agreement = agreementInForce(checked.institution());
    String caseNo = caseNumbers.next(PREFIX, region);
    mapper.insert(caseNo, region, in.source(), checked.externalRef(), checked.institution().id(),
        checked.institution().type(), agreement.id(), checked.codes(), checked.amount(), checked.summary(),
        "pending:" + UUID.randomUUID(), user, OffsetDateTime.now(clock));
    Map<String, Object> variables = new HashMap<>();
    variables.put("region", region);
    variables.put("caseNo", caseNo);
    variables.put("source", in.source());
    variables.put("institutionCode", checked.institution().code());
    variables.put("institutionName", checked.institution().name());
    variables.put("institutionType", checked.institution().type());
    variables.put("suspectedViolations", checked.codes());
    variables.put("suspectedAmount", checked.amount().toPlainString());
    variables.put("startedBy", user);
    variables.putAll(extra);
    String pi = engine.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseNo, variables)).getId();
    mapper.attachProcess(caseNo, pi);
    auditOpened(region, caseNo, checked, in.source(), pi);
    return new Opened(mapper.find(caseNo), true);
  }

  /**
   * 登记案件, the first (async) step of every case: a case opened through the API is already registered (its
   * row is linked to the process instance); a case a caseworker starts from Tasklist's start form is checked like the API's
   * intake and registered here, its number becoming the business key. Idempotent per process instance.
   */
  @Transactional
  public ViolationCase register(String processInstanceId, String region, String source,
      String institutionCode, String suspectedViolations, BigDecimal suspectedAmount, String summary,
      String startedBy) {
    // the API's intake attached its row to this process instance in the starting transaction
    ViolationCase existing = mapper.findByProcessInstance(processInstanceId);
    if (existing != null) {
      return existing;
    }
    DomainRuleException.requireText(region, "region", "统筹地区", "region");
    List<String> codes = ViolationCodes.parse(suspectedViolations);
    Intake in = new Intake(region, source, institutionCode, codes, suspectedAmount, null, summary);
    Checked checked = check(region, in);
    Agreement agreement = agreementInForce(checked.institution());
    String number = caseNumbers.next(PREFIX, region);
    mapper.insert(number, region, source, null, checked.institution().id(), checked.institution().type(),
        agreement.id(), checked.codes(), checked.amount(), checked.summary(), processInstanceId,
        startedBy == null ? AuditService.SYSTEM : startedBy, OffsetDateTime.now(clock));
    auditOpened(region, number, checked, source, processInstanceId);
    return mapper.find(number);
  }

  /**
   * Checks a Tasklist intake (start form) as {@link #register} will, writing nothing: source, institution of the
   * region with an agreement in force, catalogue codes for its type, amount (R-VIO-1/2). Issue 15: bad input is
   * answered in the form before the process starts, never an incident of the registration job.
   */
  @Transactional(readOnly = true)
  public void checkIntake(String region, String source, String institutionCode, Object suspectedViolations,
      BigDecimal suspectedAmount, String summary) {
    DomainRuleException.requireText(region, "region", "统筹地区", "region");
    Checked checked = check(region, new Intake(region, source, institutionCode,
        ViolationCodes.parse(suspectedViolations), suspectedAmount, null, summary));
    agreementInForce(checked.institution());
  }

  /** Checks an investigation (调查取证) as {@link #recordFindings} will, writing nothing (R-VIO-2/10/13). */
  @Transactional(readOnly = true)
  public void checkFindings(String caseNo, Object findingCodes, BigDecimal defraudedAmount, BigDecimal sampleAmount,
      BigDecimal samplingRatio, Integer fineMultiple) {
    ViolationCase c = find(caseNo);
    violations(ViolationCodes.parse(findingCodes), c.institutionType(), "findingCodes");
    MeasureAmounts.validate(defraudedAmount, sampleAmount, samplingRatio, fineMultiple);
  }

  /** The name of the case's institution: a display variable of the process (Tasklist cards and forms). */
  @Transactional(readOnly = true)
  public String institutionName(String caseNo) {
    return institutions.find(find(caseNo).institutionId()).name();
  }

  private record Checked(Institution institution, String codes, BigDecimal amount, String summary,
      String externalRef) {
  }

  private Checked check(String region, Intake in) {
    if (in.source() == null || !SOURCES.contains(in.source())) {
      throw DomainRuleException.badRequest("source", "R-VIO-1",
          "案件来源须为举报投诉、智能监控、日常检查、专项检查、年终检查、飞行检查、费用审核、其他部门通报或核实的举报之一",
          "source must be one of " + String.join(", ", SOURCES.stream().sorted().toList()));
    }
    String externalRef = in.externalRef() == null || in.externalRef().isBlank() ? null : in.externalRef().trim();
    if (externalRef != null && externalRef.length() > 64) {
      throw DomainRuleException.badRequest("externalRef", "INPUT", "外部编号不能超过 64 个字符",
          "externalRef is at most 64 characters");
    }
    DomainRuleException.requireText(in.institutionCode(), "institutionCode", "定点医药机构编码", "institution code");
    Institution institution = institutions.findByCode(region, in.institutionCode().trim());
    if (institution == null) {
      throw DomainRuleException.badRequest("institutionCode", "R-VIO-1", "本统筹地区没有编码为 " + in.institutionCode()
          + " 的定点医药机构", "No institution " + in.institutionCode() + " in region " + region);
    }
    List<Violation> suspected = violations(in.suspectedViolations(), institution.type(), "suspectedViolations");
    BigDecimal amount = in.suspectedAmount() == null ? BigDecimal.ZERO : in.suspectedAmount();
    if (amount.signum() < 0 || amount.compareTo(new BigDecimal("999999999999")) > 0) {
      throw DomainRuleException.badRequest("suspectedAmount", "R-VIO-1", "涉嫌违规金额须为非负数",
          "suspectedAmount must be a non-negative amount");
    }
    String summary = in.summary() == null || in.summary().isBlank() ? null : in.summary().trim();
    if (summary != null && summary.length() > 2000) {
      throw DomainRuleException.badRequest("summary", "INPUT", "案情摘要不能超过 2000 字", "summary is at most 2000 characters");
    }
    return new Checked(institution, suspected.stream().map(Violation::code).collect(Collectors.joining(",")), amount,
        summary, externalRef);
  }

  private Agreement agreementInForce(Institution institution) {
    return agreements.ofInstitutionUnchecked(institution.id()).stream()
        .filter(a -> IN_FORCE.contains(a.state())).findFirst()
        .orElseThrow(() -> DomainRuleException.conflict("institutionCode", "R-VIO-2",
            "该机构没有正在履行的服务协议，不能按协议处理违约行为",
            "The institution has no agreement in force to handle a violation under"));
  }

  private void auditOpened(String region, String caseNo, Checked checked, String source, String pi) {
    audit.record(AuditEntry.of(region, ENTITY, caseNo, "OPENED", null, ViolationCase.INVESTIGATING, "R-VIO-1",
        "立案：" + checked.institution().name() + "，来源 " + source + "，涉嫌 " + checked.codes() + "，涉嫌金额 "
            + checked.amount().toPlainString(), pi,
        checked.externalRef() == null ? null : "externalRef=" + checked.externalRef()));
  }

  /** A case with its findings and measures, for the current user's regions; 404 otherwise (not disclosed). */
  public record CaseView(ViolationCase violationCase, List<ViolationCase.Finding> findings,
      List<ViolationCase.Measure> measures) {
  }

  @Transactional(readOnly = true)
  public CaseView visible(String caseNo) {
    ViolationCase c = mapper.find(caseNo);
    if (c == null || !regionAccess.canSee(c.region())) {
      throw DomainRuleException.notFound("违约处理案件 / violation case", caseNo);
    }
    return new CaseView(c, mapper.findings(caseNo), mapper.measures(caseNo));
  }

  // ---------------------------------------------------------------- investigation (调查取证)

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
    ViolationCase c = find(caseNo);
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
    OffsetDateTime now = OffsetDateTime.now(clock);
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
      if (a.state() == AgreementState.ACTIVE && record(c, "RISK_SETTLEMENT_SUSPENSION", "R-VIO-6", null,
          "可能造成重大风险的行为，即时暂停结算", processInstanceId)) {
        transition(c, AgreementState.SETTLEMENT_SUSPENDED, "SERIOUS_RISK", "R-VIO-6",
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
    check(find(caseNo), report);
  }

  private List<Violation> check(ViolationCase c, FindingsReport report) {
    List<String> codes = ViolationCodes.parse(report.findingCodes());
    List<Violation> found = violations(codes, c.institutionType(), "findingCodes");
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
    ViolationCase c = find(caseNo);
    int days = settings.value(c.region(), RegionSetting.DOCUMENT_DEADLINE);
    if (record(c, "DOCUMENTS_REQUESTED", "R-VIO-7", null, "责令 " + days + " 日内提供资料，期间暂停结算",
        processInstanceId)) {
      Agreement a = agreements.find(c.agreementId());
      if (a.state() == AgreementState.ACTIVE) {
        transition(c, AgreementState.SETTLEMENT_SUSPENDED, "RECORDS_NOT_PROVIDED", "R-VIO-7",
            "案件 " + caseNo + " 未按要求提供资料，暂停结算，限 " + days + " 日内提供", processInstanceId);
      }
      mapper.updateStatus(caseNo, ViolationCase.DOCUMENTS_REQUESTED, OffsetDateTime.now(clock));
    }
    return days;
  }

  /** Sufficient records in time: settlement resumes (R-VIO-7), unless serious-risk conduct keeps it stopped. */
  @Transactional
  public void resumeSettlement(String caseNo, String processInstanceId) {
    ViolationCase c = find(caseNo);
    if (record(c, "DOCUMENTS_PROVIDED", "R-VIO-7", null, "已在期限内提供充分资料", processInstanceId)) {
      Agreement a = agreements.find(c.agreementId());
      if (a.state() == AgreementState.SETTLEMENT_SUSPENDED && !Boolean.TRUE.equals(c.seriousRisk())) {
        transition(c, AgreementState.ACTIVE, "RECORDS_PROVIDED", "R-VIO-7",
            "案件 " + caseNo + " 已在期限内提供资料，恢复结算", processInstanceId);
      }
      mapper.updateStatus(caseNo, ViolationCase.DECIDING, OffsetDateTime.now(clock));
    }
  }

  /** The deadline passed without sufficient records: the agreement is terminated (R-VIO-7) with the ban (R-VIO-9). */
  @Transactional
  public void terminateForMissingRecords(String caseNo, String processInstanceId) {
    ViolationCase c = find(caseNo);
    if (record(c, "DOCUMENTS_NOT_PROVIDED", "R-VIO-7", null, "期限内仍不能提供资料，解除协议", processInstanceId)) {
      Agreement a = agreements.find(c.agreementId());
      if (a.state() == AgreementState.SETTLEMENT_SUSPENDED) {
        transition(c, AgreementState.TERMINATED, "RECORDS_NOT_PROVIDED", "R-VIO-7",
            "案件 " + caseNo + " 在规定期限内仍不能提供资料，解除服务协议", processInstanceId);
      }
    }
  }

  // ---------------------------------------------------------------- decision (认定与处理)

  /** The proposed decision shown to legal review and the supervisor. */
  public record Decision(String measureClass, String ruleId, boolean rectification, Integer rectificationDays,
      BigDecimal recovery, BigDecimal refusal, BigDecimal fine, Integer fineMultiple, String text) {
  }

  /**
   * Determines the measures from the findings, the institution type and the agreement's history (DMN
   * violation-measures; R-VIO-2..6, R-VIO-8) and computes the amounts (R-VIO-10, R-VIO-13). Deterministic,
   * so a retried job writes the same.
   */
  @Transactional
  public Decision determineMeasures(String caseNo, String processInstanceId) {
    ViolationCase c = find(caseNo);
    List<Violation> found = findings(c);
    Agreement a = agreements.find(c.agreementId());
    MeasureAmounts amounts = MeasureAmounts.compute(c.defraudedAmount(), c.sampleAmount(), c.samplingRatio(),
        found.stream().anyMatch(Violation::fraud), found.stream().anyMatch(Violation::sanJia), c.fineMultiple());
    ViolationMeasures.Inputs inputs = inputs(c.institutionType(), found, Boolean.TRUE.equals(c.seriousRisk()),
        amounts.recovery().signum() > 0 || amounts.refusal().signum() > 0,
        a.suspensionCount() == null ? 0 : a.suspensionCount(),
        settings.value(c.region(), RegionSetting.SUSPENSION_TERMINATION_THRESHOLD));
    String mandatory = inputs.mandatoryTermination();
    int severity = inputs.severity();
    var outcome = measures.decide(inputs);
    Integer days = outcome.rectification() ? settings.value(c.region(), RegionSetting.RECTIFICATION_PERIOD) : null;
    mapper.recordDecision(caseNo, outcome.measureClass(), outcome.ruleId(), amounts.recovery(), amounts.refusal(),
        amounts.fine(), days, OffsetDateTime.now(clock));
    String text = decisionText(outcome.measureClass(), outcome.ruleId(), days, amounts);
    audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "MEASURES_PROPOSED", c.status(), ViolationCase.DECIDING,
        outcome.ruleId(), truncate("拟处理意见：" + text), processInstanceId, "severity=" + severity + ", mandatory="
            + mandatory + ", suspensionCount=" + a.suspensionCount()));
    return new Decision(outcome.measureClass(), outcome.ruleId(), outcome.rectification(), days, amounts.recovery(),
        amounts.refusal(), amounts.fine(), amounts.fineMultiple(), text);
  }

  /**
   * The DMN's inputs from the findings: the rule of the first mandatory termination for the institution type
   * (R-VIO-3/4/6/8/16), the most severe finding's severity, and the measure a graded finding prescribes when it is
   * the most severe (R-VIO-16 阴阳价格).
   */
  static ViolationMeasures.Inputs inputs(String institutionType, List<Violation> found, boolean seriousRisk,
      boolean fundLoss, int suspensionCount, int suspensionThreshold) {
    String mandatory = found.stream().map(v -> v.terminationFor(institutionType))
        .flatMap(java.util.Optional::stream).map(ViolationCatalogue.Termination::ruleId).findFirst().orElse("NONE");
    int severity = found.stream().mapToInt(Violation::severity).max().orElse(1);
    String graded = found.stream().filter(v -> v.measure() != null && v.severity() == severity)
        .map(Violation::measure).findFirst().orElse("NONE");
    return new ViolationMeasures.Inputs(institutionType, mandatory, severity, seriousRisk, fundLoss, suspensionCount,
        suspensionThreshold, graded);
  }

  static String decisionText(String measureClass, String ruleId, Integer days, MeasureAmounts amounts) {
    StringBuilder b = new StringBuilder("依据 ").append(ruleId).append("，作出「").append(MeasureClass.zhOf(measureClass))
        .append("」处理");
    if (days != null) {
      b.append("，责令 ").append(days).append(" 日内整改");
    }
    if (amounts.recovery().signum() > 0) {
      b.append("；追回医保基金 ").append(amounts.recovery().toPlainString()).append(" 元");
    }
    if (amounts.refusal().signum() > 0) {
      b.append("；按抽查比例放大拒付 ").append(amounts.refusal().toPlainString()).append(" 元（R-VIO-13）");
    }
    if (amounts.fine().signum() > 0) {
      b.append("；建议医保行政部门处骗取金额 ").append(amounts.fineMultiple()).append(" 倍罚款 ")
          .append(amounts.fine().toPlainString()).append(" 元（R-VIO-10）");
    }
    return b.append("。").toString();
  }

  /** The written notice (送达) for the objection window: what was decided, to whom, served today. */
  public record Notice(String decisionType, String decision, String party, String servedOn) {
  }

  @Transactional
  public Notice serveNotice(String caseNo, String processInstanceId) {
    ViolationCase c = find(caseNo);
    LocalDate today = today();
    MeasureAmounts amounts = new MeasureAmounts(zero(c.recoveryAmount()), zero(c.refusalAmount()),
        zero(c.fineProposal()), fineMultipleOf(c));
    String text = decisionText(c.measureClass(), c.measureRule(), c.rectificationDays(), amounts);
    if (c.noticeServedOn() == null) {
      mapper.recordNotice(caseNo, today, OffsetDateTime.now(clock));
      audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "NOTICE_SERVED", c.status(), ViolationCase.NOTICE_SERVED,
          c.measureRule(), truncate("送达处理决定书：" + text), processInstanceId, "servedOn=" + today));
    }
    LocalDate served = c.noticeServedOn() == null ? today : c.noticeServedOn();
    return new Notice("VIOLATION_MEASURE", text, institutions.find(c.institutionId()).name(), served.toString());
  }

  private Integer fineMultipleOf(ViolationCase c) {
    List<Violation> found = findings(c);
    if (found.stream().noneMatch(Violation::fraud)) {
      return null;
    }
    return found.stream().anyMatch(Violation::sanJia) ? MeasureAmounts.MAX_MULTIPLE
        : c.fineMultiple() == null ? MeasureAmounts.MIN_MULTIPLE : c.fineMultiple();
  }

  /** What the execution of the decision leaves to do. */
  public record Execution(String measureClass, boolean rectificationOrdered, Integer rectificationDays,
      boolean agreementTerminated) {
  }

  /**
   * Executes the decision once the objection window is over (R-PERS-12; the objection process): as decided,
   * or with the class the objection changed it to (CHANGED), or nothing when it was revoked (REVOKED). Records
   * the measure and its amounts (recovery, refusal, fine proposal to the administrative department) and moves
   * the agreement: settlement suspension, agreement suspension (count + 1; R-VIO-5 may terminate at once),
   * termination (R-VIO-3/4/8; R-VIO-5 through the suspension that reaches the count), and books the agreement
   * points of the class in effect (R-EVA-3, {@link AgreementPointsService}). Idempotent per case and measure.
   */
  @Transactional
  public Execution executeDecision(String caseNo, String objectionOutcome, String changedMeasureClass,
      String processInstanceId) {
    ViolationCase c = find(caseNo);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if ("REVOKED".equals(objectionOutcome)) {
      if (record(c, "REVOKED", "R-PERS-12", null, "处理决定经异议程序撤销", processInstanceId)) {
        mapper.recordExecution(caseNo, objectionOutcome, c.measureClass(), ViolationCase.DECIDING, now);
      }
      return new Execution(c.measureClass(), false, null, false);
    }
    String measureClass = c.measureClass();
    boolean rectification = c.rectificationDays() != null;
    if ("CHANGED".equals(objectionOutcome) && changedMeasureClass != null
        && !changedMeasureClass.equals(c.measureClass())) {
      if (!MeasureClass.NAMES.contains(changedMeasureClass)) {
        throw DomainRuleException.badRequest("changedMeasureClass", "R-VIO-2", "变更后的处理措施类别无效：" + changedMeasureClass,
            "Unknown measure class " + changedMeasureClass);
      }
      measureClass = changedMeasureClass;
      rectification = MeasureClass.valueOf(measureClass).withRectification();
    }
    Integer days = rectification ? (c.rectificationDays() != null ? c.rectificationDays()
        : settings.value(c.region(), RegionSetting.RECTIFICATION_PERIOD)) : null;
    String rule = measureClass.equals(c.measureClass()) ? c.measureRule() : "R-VIO-2";
    if (record(c, measureClass, rule, null, truncate(MeasureClass.zhOf(measureClass) + "（异议结果 " + objectionOutcome + "）"),
        processInstanceId)) {
      if (zero(c.recoveryAmount()).signum() > 0) {
        record(c, "RECOVERY", "R-VIO-10", c.recoveryAmount(), "追回违规支付的医保基金", processInstanceId);
      }
      if (zero(c.refusalAmount()).signum() > 0) {
        record(c, "REFUSAL", "R-VIO-13", c.refusalAmount(), "抽查发现的违规金额按抽查比例放大拒付：" + c.sampleAmount()
            + " / " + c.samplingRatio(), processInstanceId);
      }
      if (zero(c.fineProposal()).signum() > 0) {
        record(c, "FINE_PROPOSAL", "R-VIO-10", c.fineProposal(), "移交医保行政部门：建议处骗取金额 " + fineMultipleOf(c)
            + " 倍罚款", processInstanceId);
        audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "FINE_PROPOSED", null, null, "R-VIO-10",
            "罚款建议 " + c.fineProposal().toPlainString() + " 元移交医保行政部门（admindept）", processInstanceId, null));
      }
      // R-EVA-3: the decision in effect books its agreement points (once per case)
      points.recordDecision(c, measureClass, objectionOutcome, processInstanceId);
      apply(c, measureClass, rule, processInstanceId);
      mapper.recordExecution(caseNo, objectionOutcome, measureClass,
          rectification ? ViolationCase.RECTIFYING : ViolationCase.DECIDING, now);
      audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "MEASURE_EXECUTED", c.status(),
          rectification ? ViolationCase.RECTIFYING : c.status(), rule, "处理决定生效并执行：" + MeasureClass.zhOf(measureClass),
          processInstanceId, "objectionOutcome=" + objectionOutcome));
    }
    boolean terminated = agreements.find(c.agreementId()).state() == AgreementState.TERMINATED;
    return new Execution(measureClass, rectification && !terminated, rectification && !terminated ? days : null,
        terminated);
  }

  private void apply(ViolationCase c, String measureClass, String rule, String pi) {
    Agreement a = agreements.find(c.agreementId());
    if (a.state() == AgreementState.TERMINATED) {
      return;
    }
    String why = "案件 " + c.caseNo() + " 处理决定：" + MeasureClass.zhOf(measureClass);
    switch (measureClass) {
      case "SETTLEMENT_SUSPENSION" -> {
        if (a.state() == AgreementState.ACTIVE) {
          boolean risk = "R-VIO-6".equals(rule);
          boolean yinyang = "R-VIO-16".equals(rule);
          transition(c, AgreementState.SETTLEMENT_SUSPENDED, risk ? "SERIOUS_RISK" : yinyang ? "YINYANG_PRICE"
              : "VIOLATION", risk || yinyang ? rule : "R-VIO-2", why, pi);
        }
      }
      case "AGREEMENT_SUSPENSION" -> suspendOrTerminate(c, a, why, "R-VIO-16".equals(rule), pi);
      case "TERMINATION" -> {
        if ("R-VIO-5".equals(rule)) {
          // the suspension this case imposes reaches the region's count: AgreementService terminates at once
          suspendOrTerminate(c, a, why + "（累计中止达到本地区上限，R-VIO-5）", false, pi);
        } else {
          var termination = findings(c).stream().map(v -> v.terminationFor(c.institutionType()))
              .flatMap(java.util.Optional::stream).filter(t -> t.ruleId().equals(rule)).findFirst()
              .orElse(new ViolationCatalogue.Termination("OTHER_SERIOUS",
                  "PHARMACY".equals(c.institutionType()) ? "R-VIO-4" : "R-VIO-3"));
          transition(c, AgreementState.TERMINATED, termination.cause(), termination.ruleId(), why, pi);
        }
      }
      default -> {
        // interview, rectification, public criticism, refusal/recovery: no change of the agreement
      }
    }
  }

  private void suspendOrTerminate(ViolationCase c, Agreement a, String why, boolean yinyang, String pi) {
    if (a.state() == AgreementState.SUSPENDED) {
      // R-VIO-3/4: a new violation while suspended — not rectified while suspended
      transition(c, AgreementState.TERMINATED, "NOT_RECTIFIED", terminationRule(c), why, pi);
    } else {
      transition(c, AgreementState.SUSPENDED, yinyang ? "YINYANG_PRICE" : "VIOLATION", yinyang ? "R-VIO-16" : "R-VIO-2",
          why, pi);
    }
  }

  // ---------------------------------------------------------------- rectification (限期整改)

  /** Opens a rectification period: the decided days, or the region's default (R-VIO-2). Returns the days. */
  @Transactional
  public int openRectification(String caseNo, Integer requestedDays, String processInstanceId) {
    ViolationCase c = find(caseNo);
    int days = requestedDays != null && requestedDays > 0 ? requestedDays
        : c.rectificationDays() != null ? c.rectificationDays()
            : settings.value(c.region(), RegionSetting.RECTIFICATION_PERIOD);
    audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "RECTIFICATION_ORDERED", c.status(),
        ViolationCase.RECTIFYING, "R-VIO-2", "责令限期整改，期限 " + days + " 日（R-TIME-2）", processInstanceId, null));
    return days;
  }

  /** Re-inspection passed: rectified. A suspension ends (SUSPENDED -> ACTIVE, RECTIFIED), a settlement stop too. */
  @Transactional
  public void recordRectified(String caseNo, String processInstanceId) {
    ViolationCase c = find(caseNo);
    if (record(c, "RECTIFIED", "R-VIO-2", null, "整改复查通过", processInstanceId)) {
      Agreement a = agreements.find(c.agreementId());
      if (a.state() == AgreementState.SUSPENDED) {
        transition(c, AgreementState.ACTIVE, "RECTIFIED", "R-VIO-2", "案件 " + caseNo + " 整改到位，恢复履行协议",
            processInstanceId);
      } else if (a.state() == AgreementState.SETTLEMENT_SUSPENDED) {
        transition(c, AgreementState.ACTIVE, "SETTLEMENT_RESUMED", "R-VIO-2", "案件 " + caseNo + " 整改到位，恢复结算",
            processInstanceId);
      }
    }
  }

  /**
   * Re-inspection failed or the period lapsed: escalation to agreement suspension (count + 1; at the region's
   * count the agreement is terminated at once, R-VIO-5); when already suspended, not rectified while suspended
   * terminates (R-VIO-3 hospital, R-VIO-4 pharmacy). Returns whether the agreement is terminated.
   */
  @Transactional
  public boolean recordNotRectified(String caseNo, boolean lapsed, String processInstanceId) {
    ViolationCase c = find(caseNo);
    Agreement a = agreements.find(c.agreementId());
    String why = "案件 " + caseNo + (lapsed ? " 整改期限届满未报告整改" : " 整改复查不合格");
    if (a.state() == AgreementState.SUSPENDED) {
      if (record(c, "NOT_RECTIFIED_TERMINATION", terminationRule(c), null, why + "，中止期间未按时整改，解除协议",
          processInstanceId)) {
        transition(c, AgreementState.TERMINATED, "NOT_RECTIFIED", terminationRule(c), why + "，中止期间未按时整改或整改不到位",
            processInstanceId);
      }
    } else if (a.state() != AgreementState.TERMINATED) {
      if (record(c, "NOT_RECTIFIED_SUSPENSION", "R-VIO-2", null, why + "，中止协议", processInstanceId)) {
        transition(c, AgreementState.SUSPENDED, "VIOLATION", "R-VIO-2", why + "，中止协议", processInstanceId);
      }
    }
    return agreements.find(c.agreementId()).state() == AgreementState.TERMINATED;
  }

  // ---------------------------------------------------------------- closing (结案)

  /**
   * Closes the case with its outcome; amounts, measures and dates are in the case's rows and the audit trail.
   * A settlement this case stopped (serious risk R-VIO-6, records R-VIO-7) and no measure kept stopped resumes:
   * the case is decided and the agreement was neither terminated nor suspended.
   */
  @Transactional
  public ViolationCase close(String caseNo, String processInstanceId) {
    ViolationCase c = find(caseNo);
    Agreement a = agreements.find(c.agreementId());
    boolean stoppedHere = mapper.measureCount(caseNo, "RISK_SETTLEMENT_SUSPENSION")
        + mapper.measureCount(caseNo, "DOCUMENTS_REQUESTED") + mapper.measureCount(caseNo, "SETTLEMENT_SUSPENSION") > 0;
    if (a.state() == AgreementState.SETTLEMENT_SUSPENDED && c.closedAt() == null && stoppedHere
        && record(c, "SETTLEMENT_RESUMED", "R-VIO-2", null, "结案，恢复结算", processInstanceId)) {
      transition(c, AgreementState.ACTIVE, "SETTLEMENT_RESUMED", "R-VIO-2",
          "案件 " + caseNo + " 已处理完毕，恢复结算", processInstanceId);
      a = agreements.find(c.agreementId());
    }
    String outcome = a.state() == AgreementState.TERMINATED ? "AGREEMENT_TERMINATED"
        : "REVOKED".equals(c.objectionOutcome()) ? "DECISION_REVOKED" : "MEASURES_EXECUTED";
    if (mapper.close(caseNo, outcome, OffsetDateTime.now(clock)) > 0) {
      String measuresList = mapper.measures(caseNo).stream()
          .map(m -> m.measure() + (m.amount() == null ? "" : " " + m.amount().toPlainString()))
          .collect(Collectors.joining(", "));
      audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "CLOSED", c.status(), ViolationCase.CLOSED,
          c.measureRule() == null ? "R-VIO-7" : c.measureRule(), "结案：" + outcome + "，协议状态 " + a.state().zh(),
          processInstanceId, truncate("measures=" + measuresList + "; agreementState=" + a.state()
              + "; suspensionCount=" + a.suspensionCount())));
    }
    return mapper.find(caseNo);
  }

  // ---------------------------------------------------------------- helpers

  /** Records a measure once per case (unique constraint); false when a retried job finds it recorded. */
  private boolean record(ViolationCase c, String measure, String ruleId, BigDecimal amount, String detail,
      String processInstanceId) {
    if (mapper.measureCount(c.caseNo(), measure) > 0) {
      return false;
    }
    mapper.insertMeasure(c.caseNo(), measure, ruleId, amount, truncate(detail), processInstanceId,
        OffsetDateTime.now(clock));
    return true;
  }

  private TransitionResult transition(ViolationCase c, AgreementState to, String cause, String ruleId, String reason,
      String processInstanceId) {
    return agreements.transition(c.agreementId(), new TransitionCommand(to, cause, ruleId, truncate(reason),
        processInstanceId));
  }

  private static String terminationRule(ViolationCase c) {
    return "PHARMACY".equals(c.institutionType()) ? "R-VIO-4" : "R-VIO-3";
  }

  private List<Violation> violations(List<String> codes, String institutionType, String field) {
    if (codes == null || codes.isEmpty()) {
      throw DomainRuleException.badRequest(field, "R-VIO-2", "须列明至少一项违约行为（违约行为目录编码）",
          "Name at least one violation of the catalogue");
    }
    List<Violation> result = new ArrayList<>();
    for (String code : new LinkedHashSet<>(codes)) {
      Violation v = catalogue.find(code == null ? null : code.trim()).orElseThrow(() -> DomainRuleException.badRequest(
          field, "R-VIO-2", "违约行为目录中没有编码 " + code, "No violation " + code + " in the catalogue")
          .with("code", code));
      if (!v.appliesTo(institutionType)) {
        throw DomainRuleException.badRequest(field, "R-VIO-2", "违约行为 " + code + "（" + v.name() + "）不适用于该类机构",
            "Violation " + code + " does not apply to a " + institutionType).with("code", code);
      }
      result.add(v);
    }
    return result;
  }

  private List<Violation> findings(ViolationCase c) {
    return mapper.findings(c.caseNo()).stream().map(f -> catalogue.find(f.code()).orElseThrow()).toList();
  }

  private ViolationCase find(String caseNo) {
    ViolationCase c = caseNo == null ? null : mapper.find(caseNo);
    if (c == null) {
      throw DomainRuleException.notFound("违约处理案件 / violation case", caseNo);
    }
    return c;
  }


  private LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }

  private static BigDecimal zero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
