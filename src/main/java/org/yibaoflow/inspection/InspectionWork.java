package org.yibaoflow.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.ViolationIntakeService;
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.personnel.DeductionReport;
import org.yibaoflow.personnel.PersonnelScoringService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * One inspection of the plan as its inspectors work it (R-VIO-14): what its task shows, and its findings recorded
 * against the violation catalogue and the personnel deduction catalogue, which open the violation case (source =
 * the inspection's kind, R-VIO-1; one case per institution and inspection: external reference
 * {@code <inspectionNo>/<institutionCode>}) and the person's deduction (R-PERS-5, idempotent per inspection).
 * Everything is checked before anything is written, so refused input returns the task with the message.
 */
@Service
public class InspectionWork {

  private final InspectionMapper mapper;
  private final InspectionPlanService plans;
  private final InstitutionService institutions;
  private final ViolationCatalogue catalogue;
  private final ViolationIntakeService cases;
  private final PersonnelScoringService personnel;
  private final AuditService audit;
  private final Clock clock;

  InspectionWork(InspectionMapper mapper, InspectionPlanService plans, InstitutionService institutions,
      ViolationCatalogue catalogue, ViolationIntakeService cases, PersonnelScoringService personnel, AuditService audit,
      Clock clock) {
    this.mapper = mapper;
    this.plans = plans;
    this.institutions = institutions;
    this.catalogue = catalogue;
    this.cases = cases;
    this.personnel = personnel;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the inspection's task shows and who works it (the drawn inspectors; the first is the lead). */
  public record TaskData(String inspectionNo, String kind, String kindName, String institutionCode,
      String institutionName, List<String> inspectors, LocalDate dueOn, String abnormalIndicators, String documentNo,
      List<Map<String, String>> violationOptions, List<Map<String, String>> deductionOptions) {
  }

  @Transactional(readOnly = true)
  public TaskData taskData(long inspectionId) {
    Inspection i = inspection(inspectionId);
    Institution inst = i.institutionId() == null ? null : institutions.find(i.institutionId());
    return new TaskData(i.inspectionNo(), i.kind(), i.kindEnum().nameZh(), inst == null ? null : inst.code(),
        inst == null ? "（专项检查：办理时填写被检查机构）" : inst.name(), i.inspectorList(), i.dueOn(),
        i.abnormalIndicators(), i.documentNo(), catalogue.options(inst == null ? null : inst.type()),
        personnel.deductionOptions());
  }

  /** What the inspectors recorded (the findings form). */
  public record Findings(String institutionCode, List<String> violationCodes, BigDecimal amount, String personCode,
      List<String> deductionCodes, Integer deductionPoints, String deductionNote, String note) {
  }

  /** The recorded inspection, the case its findings opened (or null) and the person's points deducted (or null). */
  public record Recorded(Inspection inspection, String caseNo, Integer pointsDeducted) {
  }

  /** Checks the findings as {@link #record} will, writing nothing (DomainRuleException naming field and rule). */
  @Transactional(readOnly = true)
  public void check(long inspectionId, Findings f) {
    Inspection i = inspection(inspectionId);
    checked(i, plans.plan(planNo(i)), f);
  }

  /**
   * Records the findings once (a retried job finds the inspection done): the case for the violations found (if the
   * institution has an agreement in force, R-VIO-2; else audited) and the deduction of the person named.
   */
  @Transactional
  public Recorded record(long inspectionId, Findings f, String by, String processInstanceId) {
    Inspection i = inspection(inspectionId);
    if (Inspection.DONE.equals(i.status())) {
      return new Recorded(i, i.caseNo(), null);
    }
    InspectionPlan p = plans.plan(planNo(i));
    Institution inst = checked(i, p, f);
    DeductionReport report = report(i, f);
    mapper.complete(i.id(), inst.id(), join(f.violationCodes()), join(f.deductionCodes()), blank(f.personCode()),
        f.note().trim(), null, by, OffsetDateTime.now(clock));
    String caseNo = null;
    if (!empty(f.violationCodes())) {
      if (cases.canOpenFor(inst.id())) {
        caseNo = cases.openForProcess(new ViolationIntakeService.Intake(p.region(), i.kindEnum().caseSource(),
            inst.code(), f.violationCodes(), f.amount(), i.inspectionNo() + "/" + inst.code(),
            i.kindEnum().nameZh() + " " + i.inspectionNo() + "（" + p.planYear() + " 年度稽核检查计划）发现：" + f.note()
                .trim()), by, Map.of()).violationCase().caseNo();
        mapper.attachCase(i.id(), caseNo);
      } else {
        audit.record(AuditEntry.of(p.region(), InspectionPlanService.ENTITY, p.planNo(), "NO_CASE", null, null,
            "R-VIO-2", "机构 " + inst.name() + " 没有正在履行的服务协议，检查发现已记录，未立违约处理案件",
            processInstanceId, "inspection=" + i.inspectionNo()));
      }
    }
    Integer points = null;
    if (report != null) {
      points = personnel.deductForProcess(p.region(), f.personCode(), report).answer().deducted();
    }
    audit.record(AuditEntry.of(p.region(), InspectionPlanService.ENTITY, p.planNo(), "INSPECTED", Inspection.PLANNED,
        Inspection.DONE, "R-VIO-14", i.kindEnum().nameZh() + " " + i.inspectionNo() + " 完成：" + inst.name()
            + (caseNo == null ? "" : "，立案 " + caseNo) + (points == null ? "" : "，相关人员扣 " + points + " 分"),
        processInstanceId, "violations=" + join(f.violationCodes()) + ";deductions=" + join(f.deductionCodes())));
    return new Recorded(inspection(inspectionId), caseNo, points);
  }

  private Institution checked(Inspection i, InspectionPlan p, Findings f) {
    Institution inst;
    if (i.institutionId() != null) {
      inst = institutions.find(i.institutionId());
    } else {
      DomainRuleException.requireText(f.institutionCode(), "institutionCode", "被检查机构编码", "institution code");
      inst = institutions.findByCode(p.region(), f.institutionCode().trim());
      if (inst == null) {
        throw DomainRuleException.badRequest("institutionCode", "R-VIO-14", "本统筹地区没有编码为 "
            + f.institutionCode().trim() + " 的定点医药机构", "No institution " + f.institutionCode() + " in the region");
      }
    }
    for (String code : f.violationCodes() == null ? List.<String>of() : f.violationCodes()) {
      if (catalogue.find(code).filter(v -> v.appliesTo(inst.type())).isEmpty()) {
        throw DomainRuleException.badRequest("findingCodes", "R-VIO-1", "违约行为 " + code + " 不在适用于该类机构的违约行为目录中",
            "Violation " + code + " is not in the catalogue for this institution type");
      }
    }
    if (f.amount() != null && (f.amount().signum() < 0 || f.amount().compareTo(new BigDecimal("999999999999")) > 0)) {
      throw DomainRuleException.badRequest("suspectedAmount", "R-VIO-1", "涉嫌违规金额须为非负数",
          "suspectedAmount must be a non-negative amount");
    }
    if (f.note() == null || f.note().isBlank() || f.note().length() > 2000) {
      throw DomainRuleException.badRequest("inspectionNote", "R-VIO-14", "须填写检查情况（不超过 2000 字）",
          "inspectionNote is required (at most 2000 characters)");
    }
    DeductionReport report = report(i, f);
    if (report == null && blank(f.personCode()) != null) {
      throw DomainRuleException.badRequest("deductionCodes", "R-PERS-4", "填写了相关人员时须选择扣分情形",
          "A person named needs the deduction cases found");
    }
    if (report != null) {
      personnel.checkForProcess(p.region(), f.personCode(), report);
    }
    return inst;
  }

  private DeductionReport report(Inspection i, Findings f) {
    if (empty(f.deductionCodes())) {
      return null;
    }
    if (blank(f.personCode()) == null) {
      throw DomainRuleException.badRequest("personCode", "R-PERS-5", "选择了扣分情形时须填写相关人员的国家医保编码",
          "Deduction cases need the person's national code");
    }
    String description = blank(f.deductionNote()) == null ? f.note() : f.deductionNote();
    return new DeductionReport(i.inspectionNo(), LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)),
        List.of(new DeductionReport.Finding(f.deductionCodes(), description == null ? "" : description.trim(),
            f.deductionPoints())));
  }

  Inspection inspection(long id) {
    Inspection i = mapper.find(id);
    if (i == null) {
      throw DomainRuleException.notFound("检查 / inspection", String.valueOf(id));
    }
    return i;
  }

  private String planNo(Inspection i) {
    return mapper.planNoOf(i.planId());
  }

  private static boolean empty(List<String> l) {
    return l == null || l.isEmpty();
  }

  private static String join(List<String> l) {
    return empty(l) ? null : String.join(",", l);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
