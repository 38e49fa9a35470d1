package org.yibaoflow.designation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.CreditCode;
import org.yibaoflow.institution.Eligibility;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * Designation applications: filing, registration, the eligibility check (R-DES-1, R-VIO-9) and the
 * completeness review (受理审查).
 */
@Service
public class DesignationService {

  static final Set<String> INSTITUTION_TYPES = Set.of("HOSPITAL", "PHARMACY");
  static final String ENTITY = "DESIGNATION_APPLICATION";
  static final String PROCESS_KEY = "designation";
  static final String SUPPLEMENT_MESSAGE = "ApplicationSupplemented";

  private final DesignationMapper mapper;
  private final InstitutionService institutions;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final org.camunda.bpm.engine.ManagementService managementService;
  private final EngineAsApplication engine;
  private final RegionAccess regionAccess;
  private final CaseNumbers caseNumbers;
  private final DesignationPlanService plans;
  private final ApplicationLicences licences;
  private final Clock clock;

  DesignationService(DesignationMapper mapper, InstitutionService institutions, RegionSettingsService settings,
      AuditService audit, RuntimeService runtimeService, org.camunda.bpm.engine.ManagementService managementService,
      EngineAsApplication engine, RegionAccess regionAccess, CaseNumbers caseNumbers, DesignationPlanService plans,
      ApplicationLicences licences, Clock clock) {
    this.managementService = managementService;
    this.licences = licences;
    this.caseNumbers = caseNumbers;
    this.plans = plans;
    this.mapper = mapper;
    this.institutions = institutions;
    this.settings = settings;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regionAccess = regionAccess;
    this.clock = clock;
  }

  /**
   * Files an application for the current user and starts the process {@code designation}. The region is
   * the given one (it must be the user's) or the user's single region. An institution still banned after
   * termination is refused at once and no case is started (R-VIO-9); every other eligibility finding is
   * refused in writing by the process (R-DES-1). Returns the registered application, its number the
   * business key.
   */
  public DesignationApplication apply(String region, String institutionName, String institutionType,
      String creditCode) {
    return apply(region, institutionName, institutionType, creditCode, ApplicationLicences.Declared.none());
  }

  /** As above, with the licences the application carries and the penalties it declares (R-DES-1). */
  @Transactional
  public DesignationApplication apply(String region, String institutionName, String institutionType,
      String creditCode, ApplicationLicences.Declared declared) {
    String caseRegion = regionAccess.caseRegion(region);
    validate(caseRegion, institutionName, institutionType, creditCode);
    ApplicationLicences.validate(declared);
    Eligibility eligibility = institutions.eligibility(creditCode, today());
    if (eligibility.bannedUntil() != null) {
      // R-VIO-9: refused at once, nothing is registered and no case is started
      throw DomainRuleException.conflict("creditCode", "R-VIO-9",
          "被解除协议的机构 3 年内不得申请定点（R-VIO-9），禁止期至 " + eligibility.bannedUntil(),
          "A terminated institution may not apply within 3 years (R-VIO-9); banned until "
              + eligibility.bannedUntil())
          .with("bannedUntil", eligibility.bannedUntil().toString());
    }
    DesignationRecords.Bar bar = activeBar(creditCode, today());
    if (bar != null) {
      // R-DES-1: a failed re-evaluation bars new applications; refused at once like the R-VIO-9 ban
      throw DomainRuleException.conflict("creditCode", "R-DES-1",
          "再次评估不通过的机构在禁止期内不得申请定点（R-DES-1），禁止期至 " + bar.barredUntil(),
          "An institution that failed its re-evaluation may not apply until " + bar.barredUntil() + " (R-DES-1)")
          .with("barredUntil", bar.barredUntil().toString());
    }
    String user = regionAccess.currentUser().userId();
    Map<String, Object> variables = new HashMap<>();
    variables.put("region", caseRegion);
    variables.put("institutionName", institutionName.trim());
    variables.put("institutionType", institutionType);
    variables.put("creditCode", creditCode);
    variables.put("startedBy", user);
    // the number comes first so the case starts with it as its business key; the process starts with an
    // async continuation, so this transaction only records the request; the registration job finds this row
    // by its process instance (idempotent) and runs the eligibility check
    OffsetDateTime now = OffsetDateTime.now(clock);
    String applicationNo = caseNumbers.next("DA", caseRegion);
    var row = new DesignationMapper.NewApplication(applicationNo, caseRegion, institutionName.trim(), institutionType,
        creditCode, "pending:" + UUID.randomUUID(), DesignationApplication.STATUS_RECEIVED, user, now);
    mapper.insert(row);
    licences.store(applicationNo, declared);
    variables.put("applicationNo", applicationNo);
    String processInstanceId = engine.call(
        () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, applicationNo, variables)).getId();
    mapper.attachProcess(row.getId(), processInstanceId);
    DesignationApplication application = mapper.findByApplicationNo(applicationNo);
    audit.record(AuditEntry.of(caseRegion, ENTITY, application.applicationNo(), "FILED", null,
        DesignationApplication.STATUS_RECEIVED, "R-DES-1", "提交定点申请：" + application.institutionName(),
        processInstanceId, null));
    return application;
  }


  /**
   * Registers the application of a process instance and gives it its number. Idempotent: a retried job
   * gets the application its first attempt registered (one row per process instance, unique constraint).
   */
  @Transactional
  public DesignationApplication register(String region, String institutionName, String institutionType,
      String creditCode, String processInstanceId, String createdBy, ApplicationLicences.Declared declared) {
    DesignationApplication existing = mapper.findByProcessInstance(processInstanceId);
    if (existing != null) {
      return existing;
    }
    validate(region, institutionName, institutionType, creditCode);
    ApplicationLicences.validate(declared);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String applicationNo = caseNumbers.next("DA", region);
    mapper.insert(new DesignationMapper.NewApplication(applicationNo, region, institutionName.trim(),
        institutionType, creditCode, processInstanceId, DesignationApplication.STATUS_RECEIVED, createdBy, now));
    licences.store(applicationNo, declared);
    return mapper.findByProcessInstance(processInstanceId);
  }

  /** R-DES-1: the working days the completeness review (受理审查) has in the region (default 5). */
  public int completenessReviewPeriod(String region) {
    return settings.value(region, RegionSetting.COMPLETENESS_REVIEW_PERIOD);
  }

  /** The application as registration requires it (R-DES-1, GB 32100); 400 naming the field otherwise. */
  public static void validate(String region, String institutionName, String institutionType,
      String creditCode) {
    DomainRuleException.requireText(region, "region", "统筹地区", "region");
    DomainRuleException.requireText(institutionName, "institutionName", "机构名称", "institution name");
    if (institutionName.trim().length() > 200) {
      throw DomainRuleException.badRequest("institutionName", "INPUT", "机构名称不能超过 200 字",
          "institution name is at most 200 characters");
    }
    if (!INSTITUTION_TYPES.contains(institutionType)) {
      throw DomainRuleException.badRequest("institutionType", "INPUT",
          "机构类型须为 HOSPITAL（定点医疗机构）或 PHARMACY（定点零售药店）",
          "institutionType must be HOSPITAL or PHARMACY");
    }
    if (creditCode == null || !CreditCode.isValid(creditCode)) {
      // the signed agreement registers the institution, which needs a valid code (GB 32100): refused at the door
      throw DomainRuleException.badRequest("creditCode", "GB 32100",
          "统一社会信用代码不合法（须为 18 位且校验码符合 GB 32100）",
          "creditCode must be a valid 18-character unified social credit code (GB 32100)");
    }
  }

  /**
   * The eligibility check before anything else (R-DES-1, R-VIO-9, R-DES-5): a terminated institution within its
   * ban, a revoked or expired licence, a serious administrative penalty or a region without a resource-allocation
   * plan in force refuses the application in writing,
   * naming the rule (R-VIO-9 before R-DES-1). Idempotent for a retried job. Returns whether it is eligible.
   */
  @Transactional
  public boolean checkEligibility(String applicationNo) {
    DesignationApplication application = mapper.findByApplicationNo(applicationNo);
    if (application == null) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    if (DesignationApplication.STATUS_REFUSED.equals(application.status())) {
      return false;
    }
    Eligibility eligibility = withPlan(application.region(),
        withBar(institutions.eligibility(application.creditCode(), today())));
    // R-DES-1 for every applicant, a first-time one too: the licences it carries, the penalties it declares
    for (Eligibility.Finding f : ApplicationLicences.findings(application.institutionType(),
        licences.of(applicationNo), today())) {
      eligibility = withFinding(eligibility, f);
    }
    if (eligibility.eligible() || eligibility.findings().isEmpty()) {
      audit.record(AuditEntry.of(application.region(), ENTITY, applicationNo, "ELIGIBILITY_CHECKED",
          application.status(), application.status(), "R-DES-1", "资格审查通过：无禁止申请情形、证照有效、无严重行政处罚",
          application.processInstanceId(), null));
      return true;
    }
    String rule = eligibility.findings().get(0).ruleId();
    String reason = "不予受理定点申请：" + eligibility.findings().stream()
        .map(f -> f.messageZh() + "（" + f.ruleId() + "）").collect(Collectors.joining("；"));
    if (reason.length() > 2000) {
      reason = reason.substring(0, 2000);
    }
    mapper.refuse(applicationNo, rule, reason, OffsetDateTime.now(clock));
    audit.record(AuditEntry.of(application.region(), ENTITY, applicationNo, "REFUSED", application.status(),
        DesignationApplication.STATUS_REFUSED, rule, reason, application.processInstanceId(), null));
    return false;
  }

  /**
   * Tells the institution, once, everything missing (R-DES-1) and returns the days it has to supplement:
   * the region's {@code supplement-period} (default 30). Audited with the missing list.
   */
  @Transactional
  public int requestSupplement(String applicationNo) {
    DesignationApplication application = find(applicationNo);
    int days = settings.value(application.region(), RegionSetting.SUPPLEMENT_PERIOD);
    audit.record(AuditEntry.of(application.region(), ENTITY, applicationNo, "SUPPLEMENT_REQUESTED",
        application.status(), application.status(), "R-DES-1",
        "一次性告知补正，补正期限 " + days + " 日，缺少材料：" + application.missingMaterials(),
        application.processInstanceId(), null));
    return days;
  }

  /**
   * R-DES-1: the institution hands in the missing material. Correlates {@code ApplicationSupplemented} by the
   * application number; the process records it and returns the case to the completeness review. Region-checked
   * (another region's application: 404); 409 when the application is not waiting for a supplement.
   */
  @Transactional
  public DesignationApplication supplement(String applicationNo) {
    return supplement(applicationNo, null);
  }

  /**
   * As above with what arrived (issue 15): the materials (null: every one told missing), the day received (null:
   * today) and a note, checked by the rules of {@link SupplementReceipt} that Tasklist's 登记补正材料 applies (400).
   */
  @Transactional
  public DesignationApplication supplement(String applicationNo, SupplementReceipt given) {
    DesignationApplication a = mapper.findByApplicationNo(applicationNo);
    if (a == null || !regionAccess.canSee(a.region())) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    requireAwaitingSupplement(a);
    List<String> missing = SupplementReceipt.missingItems(a.missingMaterials());
    SupplementReceipt receipt = new SupplementReceipt(given == null || given.materials() == null ? missing
        : given.materials(), given == null || given.receivedOn() == null ? today() : given.receivedOn(),
        given == null ? null : given.note());
    // the period ends with the due date of its timer (recomputed there when provisional, R-TIME-3)
    java.util.Date end = engine.call(() -> managementService.createJobQuery().processInstanceId(a.processInstanceId())
        .activityId("Event_SupplementLapsed").timers().list().stream().findFirst().map(j -> j.getDuedate())
        .orElse(null));
    receipt.check(missing, ComplaintReceipt.lastDay(end), today());
    Map<String, Object> received = new HashMap<>();
    received.put("supplementedBy", regionAccess.currentUser().userId());
    received.put("suppliedMaterials", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        org.camunda.spin.Spin.JSON(receipt.materials())).create());
    received.put("supplementReceivedOn", receipt.receivedOn().toString());
    received.put("supplementNote", receipt.note() == null ? null : receipt.note().trim());
    try {
      engine.run(() -> runtimeService.createMessageCorrelation(SUPPLEMENT_MESSAGE)
          .processInstanceBusinessKey(applicationNo).setVariables(received).correlate());
    } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
      throw DomainRuleException.conflict("applicationNo", "CONCURRENCY", "该申请正被同时处理，请稍后重试",
          "The application is being changed concurrently; try again");
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      throw DomainRuleException.conflict("applicationNo", "R-DES-1", "申请不在等待补正材料的阶段（补正期限已过？）",
          "The application is not waiting for a supplement (period over?)");
    }
    return mapper.findByApplicationNo(applicationNo);
  }

  /** Tasklist's check before 登记补正材料 completes: the application still awaits its supplement (409). */
  public List<String> awaitingSupplement(String applicationNo) {
    DesignationApplication a = find(applicationNo);
    requireAwaitingSupplement(a);
    return SupplementReceipt.missingItems(a.missingMaterials());
  }

  private static void requireAwaitingSupplement(DesignationApplication a) {
    if (!DesignationApplication.STATUS_INCOMPLETE.equals(a.status())) {
      throw DomainRuleException.conflict("status", "R-DES-1", "申请不在补正期内（当前状态 " + a.status() + "）",
          "The application is not awaiting a supplement (now " + a.status() + ")");
    }
  }

  /**
   * The supplemented material arrived in time: the application goes back to the completeness review, the audit
   * naming what arrived and when (R-DES-1).
   */
  @Transactional
  public DesignationApplication recordSupplement(String applicationNo, SupplementReceipt receipt) {
    String what = receipt == null || receipt.materials() == null || receipt.materials().isEmpty() ? ""
        : "：" + String.join("、", receipt.materials()) + (receipt.receivedOn() == null ? "" : "，" + receipt.receivedOn()
            + " 收到") + (receipt.note() == null || receipt.note().isBlank() ? "" : "；说明：" + receipt.note().trim());
    return move(find(applicationNo), DesignationApplication.STATUS_RECEIVED, "SUPPLEMENTED",
        EvaluationService.abbreviate("机构已在补正期限内补充材料" + what + "，重新受理审查", 2000));
  }

  /** The supplement period ended without the material (R-DES-1): the application is closed. */
  @Transactional
  public DesignationApplication closeLapsed(String applicationNo) {
    return move(find(applicationNo), DesignationApplication.STATUS_LAPSED, "LAPSED",
        "补正期限届满未补充材料，申请已关闭");
  }

  /**
   * The check against the information system at evaluation time (R-DES-2): the registry's bans, licences
   * and serious penalties are checked again for the day of the evaluation (R-DES-1, R-VIO-9). Audited.
   */
  @Transactional
  public boolean systemCheck(String applicationNo) {
    DesignationApplication application = find(applicationNo);
    Eligibility eligibility = withBar(institutions.eligibility(application.creditCode(), today()));
    boolean passed = eligibility.findings().isEmpty();
    String reason = passed ? "信息系统核查无问题：无禁止申请情形、证照有效、无严重行政处罚"
        : "信息系统核查发现问题：" + eligibility.findings().stream()
            .map(f -> f.messageZh() + "（" + f.ruleId() + "）").collect(Collectors.joining("；"));
    audit.record(AuditEntry.of(application.region(), ENTITY, applicationNo, "SYSTEM_CHECKED", application.status(),
        application.status(), "R-DES-2", reason.length() > 2000 ? reason.substring(0, 2000) : reason,
        application.processInstanceId(), null));
    return passed;
  }

  /**
   * Records the evaluation (R-DES-2): passed only if the expert passed it and the system check found nothing.
   * The expert's score (0-100), conclusion (PASS/FAIL) and opinion are required. Idempotent for a retried job.
   */
  @Transactional
  public boolean recordEvaluation(String applicationNo, Number expertScore, String expertResult, String expertOpinion,
      boolean systemCheckPassed) {
    DesignationApplication application = find(applicationNo);
    if (expertScore == null || expertScore.doubleValue() < 0 || expertScore.doubleValue() > 100) {
      throw DomainRuleException.badRequest("expertScore", "R-DES-2", "评估得分须在 0 至 100 之间",
          "The expert score must be between 0 and 100");
    }
    if (!"PASS".equals(expertResult) && !"FAIL".equals(expertResult)) {
      throw DomainRuleException.badRequest("expertResult", "R-DES-2", "专家评估结论须为通过或不通过",
          "The expert result must be PASS or FAIL");
    }
    DomainRuleException.requireText(expertOpinion, "expertOpinion", "评估意见", "expert opinion");
    int round = application.evaluationRound() == null ? 0 : application.evaluationRound();
    long adverse = mapper.inquiries(applicationNo, round).stream().filter(i -> Boolean.TRUE.equals(i.adverse())).count();
    // R-DES-2: expert evaluation, system check and the departments' written replies together
    boolean passed = "PASS".equals(expertResult) && systemCheckPassed && adverse == 0;
    String target = passed ? DesignationApplication.STATUS_EVALUATION_PASSED
        : DesignationApplication.STATUS_EVALUATION_FAILED;
    if (application.status().equals(target)) {
      return passed;
    }
    int updated = mapper.updateStatus(applicationNo, DesignationApplication.STATUS_UNDER_EVALUATION, target,
        application.missingMaterials(), OffsetDateTime.now(clock));
    if (updated == 0) {
      throw DomainRuleException.conflict("status", "STATE", "申请状态为 " + application.status() + "，不在评估中",
          "The application is " + application.status() + ", not under evaluation");
    }
    String opinion = expertOpinion.trim();
    audit.record(AuditEntry.of(application.region(), ENTITY, applicationNo, "EVALUATED", application.status(), target,
        "R-DES-2", "专家评估" + ("PASS".equals(expertResult) ? "通过" : "不通过") + "（得分 " + expertScore + "），信息系统核查"
            + (systemCheckPassed ? "无问题" : "发现问题") + "，部门函询" + (adverse == 0 ? "无异议" : adverse + " 个部门反映问题")
            + "；评估意见："
            + (opinion.length() > 1500 ? opinion.substring(0, 1500) : opinion),
        application.processInstanceId(), null));
    return passed;
  }

  /**
   * R-DES-1: the bar a failed re-evaluation recorded for the credit code, in force on {@code date}; null if
   * none. Read from designation_bar (the registry's R-VIO-9 bans are in institution_ban).
   */
  DesignationRecords.Bar activeBar(String creditCode, LocalDate date) {
    return mapper.barsByCreditCode(creditCode).stream().filter(b -> b.appliesOn(date)).findFirst().orElse(null);
  }

  /** R-DES-5: no resource-allocation plan in force in the region adds its finding (after the others). */
  private Eligibility withPlan(String region, Eligibility eligibility) {
    return plans.missingPlan(region, eligibility.date()).map(finding -> withFinding(eligibility, finding))
        .orElse(eligibility);
  }

  private static Eligibility withFinding(Eligibility eligibility, Eligibility.Finding finding) {
    List<Eligibility.Finding> findings = new java.util.ArrayList<>(eligibility.findings());
    findings.add(finding);
    return new Eligibility(eligibility.identifier(), eligibility.date(), false, eligibility.bannedUntil(),
        List.copyOf(findings));
  }

  /** The registry's eligibility plus the bar after a failed re-evaluation (R-DES-1). */
  private Eligibility withBar(Eligibility eligibility) {
    DesignationRecords.Bar bar = activeBar(eligibility.identifier(), eligibility.date());
    if (bar == null) {
      return eligibility;
    }
    return withFinding(eligibility, new Eligibility.Finding("R-DES-1", "FAILED_RE_EVALUATION",
        "再次评估不通过（申请 " + bar.applicationNo() + "），" + bar.barredUntil() + " 前不得再次申请定点",
        "Failed re-evaluation of " + bar.applicationNo() + ": no application before " + bar.barredUntil()));
  }

  private DesignationApplication move(DesignationApplication application, String target, String action,
      String reason) {
    if (application.status().equals(target)) {
      return application; // a retried job
    }
    int updated = mapper.updateStatus(application.applicationNo(), DesignationApplication.STATUS_INCOMPLETE, target,
        application.missingMaterials(), OffsetDateTime.now(clock));
    if (updated == 0) {
      throw DomainRuleException.conflict("status", "STATE", "申请状态为 " + application.status() + "，不在补正期内",
          "The application is " + application.status() + ", not awaiting a supplement");
    }
    audit.record(AuditEntry.of(application.region(), ENTITY, application.applicationNo(), action,
        application.status(), target, "R-DES-1", reason, application.processInstanceId(), null));
    return mapper.findByApplicationNo(application.applicationNo());
  }

  private DesignationApplication find(String applicationNo) {
    DesignationApplication application = mapper.findByApplicationNo(applicationNo);
    if (application == null) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    return application;
  }

  /** Today in Beijing: the day a supplement is requested, the latest day one is received. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }

  /**
   * Records the completeness review with the departments the caseworker writes to (R-DES-2); complete
   * material needs at least one. Audited when accepted. Returns the departments (empty when incomplete).
   */
  @Transactional
  public List<String> recordAcceptance(String applicationNo, boolean complete, String missingMaterials,
      List<String> inquiryDepartments) {
    List<String> departments = complete ? EvaluationService.inquiryDepartments(inquiryDepartments) : List.of();
    DesignationApplication before = find(applicationNo);
    DesignationApplication after = recordAcceptance(applicationNo, complete, missingMaterials);
    if (complete && !before.status().equals(after.status())) {
      audit.record(AuditEntry.of(after.region(), ENTITY, applicationNo, "ACCEPTED", before.status(), after.status(),
          "R-DES-2", "材料齐全，予以受理；函询部门：" + EvaluationService.departmentNames(departments),
          after.processInstanceId(), "departments=" + String.join(",", departments)));
    }
    return departments;
  }

  /**
   * Records the completeness review. Incomplete material is told to the institution once, listing
   * everything missing (R-DES-1 / issue "designation" step 2), so the list is mandatory. Idempotent for a
   * retried job; a second, different conclusion is a conflict.
   */
  @Transactional
  public DesignationApplication recordAcceptance(String applicationNo, boolean complete, String missingMaterials) {
    DesignationApplication application = mapper.findByApplicationNo(applicationNo);
    if (application == null) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    String target = complete ? DesignationApplication.STATUS_ACCEPTED : DesignationApplication.STATUS_INCOMPLETE;
    if (!complete && (missingMaterials == null || missingMaterials.isBlank())) {
      throw DomainRuleException.badRequest("missingMaterials", "R-DES-1",
          "材料不全时须一次性列明全部缺少的材料", "Incomplete material: list everything missing, once");
    }
    if (application.status().equals(target)) {
      return application;
    }
    int updated = mapper.updateStatus(applicationNo, DesignationApplication.STATUS_RECEIVED, target,
        complete ? null : missingMaterials.trim(), OffsetDateTime.now(clock));
    if (updated == 0) {
      throw DomainRuleException.conflict("status", "STATE", "申请已有受理结论：" + application.status(),
          "The application already has a conclusion: " + application.status());
    }
    return mapper.findByApplicationNo(applicationNo);
  }
}
