package org.yibaoflow.enforcement;

import static org.yibaoflow.enforcement.ViolationCaseSupport.ENTITY;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.enforcement.ViolationCatalogue.Violation;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * 立案 of a violation case (R-VIO-1/2): the intake checked (source, institution of the region with an agreement
 * in force, catalogue codes for its type, amount), the case row and its process {@value #PROCESS_KEY} started
 * with the case number as business key, or, for a case started from Tasklist's start form, registered by the
 * process's first step.
 */
@Service
public class ViolationIntakeService {

  static final String PROCESS_KEY = "violation-case";
  static final String PREFIX = "VC";
  static final Set<String> SOURCES = Set.of("COMPLAINT", "SMART_MONITORING", "ROUTINE_INSPECTION",
      "SPECIAL_INSPECTION", "YEAR_END_INSPECTION", "FLYING_INSPECTION", "EXPENSE_REVIEW", "REGULATOR_NOTICE",
      // a founded whistle-blower report (whistleblower/, R-VIO-1, R-VIO-15)
      "REPORT");
  /** The agreement states a violation case can be handled under (R-VIO-2). */
  public static final Set<AgreementState> IN_FORCE = Set.of(AgreementState.ACTIVE,
      AgreementState.SETTLEMENT_SUSPENDED, AgreementState.SUSPENDED);

  private final ViolationCaseMapper mapper;
  private final ViolationCaseSupport support;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final RegionAccess regionAccess;
  private final CaseNumbers caseNumbers;

  ViolationIntakeService(ViolationCaseMapper mapper, ViolationCaseSupport support, InstitutionService institutions,
      AgreementService agreements, AuditService audit, RuntimeService runtimeService, EngineAsApplication engine,
      RegionAccess regionAccess, CaseNumbers caseNumbers) {
    this.mapper = mapper;
    this.support = support;
    this.institutions = institutions;
    this.agreements = agreements;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regionAccess = regionAccess;
    this.caseNumbers = caseNumbers;
  }

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
    return support.find(caseNo);
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
        "pending:" + UUID.randomUUID(), user, support.now());
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
        startedBy == null ? AuditService.SYSTEM : startedBy, support.now());
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
    List<Violation> suspected = support.violations(in.suspectedViolations(), institution.type(), "suspectedViolations");
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
  }}
