package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.personnel.DeductionCatalogue.DeductionCase;
import org.yibaoflow.personnel.DeductionReport.Finding;
import org.yibaoflow.personnel.PointsMapper.Deduction;
import org.yibaoflow.personnel.PersonnelMeasuresDecision.Measure;
import org.yibaoflow.personnel.PersonnelRuleSets.Grade;
import org.yibaoflow.personnel.PersonnelRuleSets.RuleSet;
import org.yibaoflow.personnel.PointsMapper.Inspection;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/**
 * The 12-point scoring of qualified personnel [004 §四, §五]: deductions per natural year (R-PERS-3), per
 * violation at the highest matching case (R-PERS-5), over all practice sites, and the measure the year's
 * total reaches (R-PERS-6, the DMN of the region's rule set). A deduction that moves the person into a more
 * severe band starts the personnel-scoring process; a 12-point violation or a third other violation in the
 * cycle lists the person's institutions for key monitoring (R-PERS-13).
 */
@Service
public class PersonnelScoringService {

  static final String DECISION = "personnel-measures";
  static final int YEARLY_POINTS = 12;

  private final PersonnelMapper personnel;
  private final PointsMapper points;
  private final DeductionCatalogue catalogue;
  private final PersonnelRuleSets ruleSets;
  private final PersonnelMeasuresDecision decision;
  private final PersonnelMeasureService measures;
  private final KeyMonitoringService keyMonitoring;
  private final RegionSettingsService settings;
  private final RegionAccess regions;
  private final AuditService audit;
  private final Clock clock;

  PersonnelScoringService(PersonnelMapper personnel, PointsMapper points, DeductionCatalogue catalogue,
      PersonnelRuleSets ruleSets, PersonnelMeasuresDecision decision, PersonnelMeasureService measures,
      KeyMonitoringService keyMonitoring, RegionSettingsService settings, RegionAccess regions, AuditService audit, Clock clock) {
    this.personnel = personnel;
    this.points = points;
    this.catalogue = catalogue;
    this.ruleSets = ruleSets;
    this.decision = decision;
    this.measures = measures;
    this.keyMonitoring = keyMonitoring;
    this.settings = settings;
    this.regions = regions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Deducts an inspection's findings from the person's points of the inspection's natural year. The same
   * inspection submitted again deducts nothing and answers as the first time did.
   */
  @Transactional
  public Deducted deduct(String nationalCode, DeductionReport report) {
    Person person = nationalCode == null ? null : personnel.findByNationalCode(nationalCode);
    if (person == null || !regions.canSee(person.region())) {
      throw DomainRuleException.notFound("医保支付资格相关人员 / person", String.valueOf(nationalCode));
    }
    return deductFrom(person, report);
  }

  /**
   * Deducts the findings of an inspection a process records (the yearly inspection plan, R-VIO-14): the person
   * must be of the process's region (not a user's); idempotent per inspection like {@link #deduct}.
   */
  @Transactional
  public Deducted deductForProcess(String region, String nationalCode, DeductionReport report) {
    return deductFrom(personOfRegion(region, nationalCode), report);
  }

  /** Checks as {@link #deductForProcess} will, writing nothing (a form answers bad input before any write). */
  @Transactional(readOnly = true)
  public void checkForProcess(String region, String nationalCode, DeductionReport report) {
    Person person = personOfRegion(region, nationalCode);
    validate(report, ruleSets.of(person.region()));
  }

  /** The deduction cases as a Tasklist multi-select's choices (label: text and clause, value: code; R-PERS-4). */
  public List<java.util.Map<String, String>> deductionOptions() {
    return catalogue.all().stream().map(c -> java.util.Map.of("label", c.text() + "（" + c.clause() + "，"
        + c.points() + " 分）", "value", c.code())).toList();
  }

  private Person personOfRegion(String region, String nationalCode) {
    Person person = nationalCode == null ? null : personnel.findByNationalCode(nationalCode.trim());
    if (person == null || !person.region().equals(region)) {
      throw DomainRuleException.badRequest("personCode", "R-PERS-5", "本统筹地区没有该医保支付资格相关人员（国家医保编码）",
          "No person with this national code in the region");
    }
    return person;
  }

  private Deducted deductFrom(Person person, DeductionReport report) {
    RuleSet ruleSet = ruleSets.of(person.region());
    validate(report, ruleSet);
    Inspection earlier = points.findInspection(person.id(), report.inspectionRef().trim());
    if (earlier != null) {
      return new Deducted(answer(person, earlier, ruleSet, measures.caseOf(earlier.id())), false);
    }
    int pointsYear = report.inspectedOn().getYear();
    List<Deduction> deductions = new ArrayList<>();
    int deducted = 0;
    boolean singleIncident = false;
    for (Finding f : report.findings()) {
      // R-PERS-5: one violation matching several cases is deducted once, at the highest value; a graded rule
      // set takes the points chosen by severity within that case's grade
      int highest = highestCase(f);
      int value = ruleSet.gradedPoints() ? f.points() : highest;
      singleIncident |= value >= YEARLY_POINTS;
      deducted += value;
      deductions.add(new Deduction(null, null, person.id(), pointsYear,
          String.join(",", new LinkedHashSet<>(f.codes())), value, f.description().trim()));
    }
    // R-PERS-3 and R-PERS-5: the year's points from all the person's practice sites add up
    int before = points.yearTotal(person.id(), pointsYear);
    int total = before + deducted;
    Measure previous = decision.measure(person.region(), ruleSet, before, person.id(), pointsYear);
    Measure reached = decision.measure(person.region(), ruleSet, total, person.id(), pointsYear);
    boolean triggered = PersonnelMeasuresDecision.moreSevere(reached.measure(), previous.measure());
    points.insertInspection(new Inspection(null, person.id(), report.inspectionRef().trim(), report.inspectedOn(),
        pointsYear, deducted, total, reached.band(), reached.measure(), triggered, OffsetDateTime.now(clock)));
    Inspection saved = points.findInspection(person.id(), report.inspectionRef().trim());
    for (Deduction d : deductions) {
      points.insertDeduction(new Deduction(null, saved.id(), d.personId(), d.pointsYear(), d.matchedCodes(),
          d.points(), d.description()));
    }
    audit.record(AuditEntry.of(person.region(), PersonnelService.ENTITY, person.id().toString(), "POINTS_DEDUCTED",
        null, null, "R-PERS-5", "检查 " + saved.inspectionRef() + " 扣 " + deducted + " 分 / inspection deducted "
            + deducted + " points", null, "pointsYear=" + pointsYear + ", total=" + total + ", band="
            + reached.band() + ", measure=" + reached.measure() + ", triggered=" + triggered + ", ruleSet="
            + ruleSet.key()));
    keyMonitoring.checkKeyMonitoring(person, pointsYear);
    String caseNo = null;
    if (triggered) {
      caseNo = measures.open(person, saved, ruleSet, reached, singleIncident);
    }
    return new Deducted(answer(person, saved, ruleSet, caseNo), true);
  }

  /** The answer and whether this call recorded it (false = a resubmitted inspection). */
  public record Deducted(ScoringAnswer answer, boolean created) {
  }

  private int highestCase(Finding f) {
    return f.codes().stream().mapToInt(c -> catalogue.find(c).orElseThrow().points()).max().orElseThrow();
  }

  private ScoringAnswer answer(Person person, Inspection i, RuleSet ruleSet, String caseNo) {
    int months = switch (i.measure()) {
      case "SUSPEND_3_MONTHS" -> settings.value(person.region(), RegionSetting.PERSONNEL_SUSPENSION_SHORT);
      case "SUSPEND_6_MONTHS" -> settings.value(person.region(), RegionSetting.PERSONNEL_SUSPENSION_LONG);
      default -> 0;
    };
    return new ScoringAnswer(person.nationalCode(), i.inspectionRef(), i.inspectedOn(), i.pointsYear(), i.points(),
        i.totalAfter(), Math.max(0, YEARLY_POINTS - i.totalAfter()), i.band(), i.measure(), months, i.triggered(),
        ruleSet.key(), caseNo);
  }

  void validate(DeductionReport r, RuleSet ruleSet) {
    if (r == null || r.inspectionRef() == null || r.inspectionRef().isBlank() || r.inspectionRef().trim().length() > 64) {
      throw DomainRuleException.badRequest("inspectionRef", "R-PERS-5", "须给出检查编号（不超过 64 个字符）",
          "inspectionRef is required (at most 64 characters)");
    }
    if (r.inspectedOn() == null) {
      throw DomainRuleException.badRequest("inspectedOn", "R-PERS-3", "须给出检查日期", "inspectedOn is required");
    }
    if (r.inspectedOn().isAfter(LocalDate.now(clock))) {
      throw DomainRuleException.badRequest("inspectedOn", "R-PERS-3", "检查日期不能晚于今天",
          "inspectedOn must not be in the future");
    }
    if (r.findings() == null || r.findings().isEmpty()) {
      throw DomainRuleException.badRequest("findings", "R-PERS-5", "至少须有一项违规行为",
          "At least one finding is required");
    }
    for (int i = 0; i < r.findings().size(); i++) {
      Finding f = r.findings().get(i);
      String field = "findings[" + i + "]";
      if (f == null || f.codes() == null || f.codes().isEmpty()) {
        throw DomainRuleException.badRequest(field + ".codes", "R-PERS-4", "每项违规行为须至少对应一个扣分情形",
            "Each finding must match at least one deduction case");
      }
      for (int j = 0; j < f.codes().size(); j++) {
        String code = f.codes().get(j);
        if (catalogue.find(code).isEmpty()) {
          throw DomainRuleException.badRequest(field + ".codes[" + j + "]", "R-PERS-4",
              "扣分情形 " + code + " 不在扣分目录中（004 §四）", "Unknown deduction case " + code + " (004 §四)");
        }
      }
      validatePoints(f, field, ruleSet);
      if (f.description() == null || f.description().isBlank() || f.description().length() > 2000) {
        throw DomainRuleException.badRequest(field + ".description", "R-PERS-5", "须描述违规行为（不超过 2000 字）",
            "A finding needs a description (at most 2000 characters)");
      }
    }
  }

  /** Graded rule sets: points within the grade of the highest matching case; fixed rule sets: none given. */
  private void validatePoints(Finding f, String field, RuleSet ruleSet) {
    if (!ruleSet.gradedPoints()) {
      if (f.points() != null && f.points() != highestCase(f)) {
        throw DomainRuleException.badRequest(field + ".points", "R-PERS-4",
            "本地区按扣分目录固定分值扣分，不能另定分值", "This region deducts the catalogue's fixed points; omit points");
      }
      return;
    }
    Grade grade = ruleSet.grade(highestCase(f)).orElseThrow();
    if (f.points() == null || f.points() < grade.min() || f.points() > grade.max()) {
      throw DomainRuleException.badRequest(field + ".points", "R-PERS-4",
          "本地区按情节轻重分级扣分：该违规行为须扣 " + grade.min() + "-" + grade.max() + " 分",
          "This region grades deductions by severity: this violation costs " + grade.min() + "-" + grade.max()
              + " points").with("min", String.valueOf(grade.min())).with("max", String.valueOf(grade.max()));
    }
  }

  /** The catalogue, for clients choosing codes. */
  List<DeductionCase> catalogue() {
    return catalogue.all();
  }
}
