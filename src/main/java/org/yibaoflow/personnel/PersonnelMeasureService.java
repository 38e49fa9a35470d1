package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.personnel.PersonnelMeasuresDecision.Measure;
import org.yibaoflow.personnel.PersonnelRuleSets.RuleSet;
import org.yibaoflow.personnel.PointsMapper.Inspection;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;

/**
 * The personnel measure case (记分处理案件, 004 §五, §六): opened when a deduction reaches a band (R-PERS-6),
 * the written notice to the institution that opens the objection window (R-PERS-12), the interview record.
 * What follows lives beside it: {@link PersonnelObjectionService} (objection outcomes),
 * {@link PersonnelMeasureEffects} (suspension, termination, restoration R-PERS-6/7/8), {@link PersonnelShareService}
 * (R-PERS-10), {@link KeyMonitoringService} (R-PERS-13), {@link PersonnelPayability} (R-PERS-9) and
 * {@link PersonnelTestService} (R-PERS-2). Every method a process job calls is idempotent.
 */
@Service
public class PersonnelMeasureService {

  static final String PROCESS_KEY = "personnel-scoring";
  static final String CASE_PREFIX = "RY";
  static final String ENTITY = "PERSONNEL_MEASURE";
  /** Ends a running suspension's wait when a higher band replaces it (R-PERS-7 product decision). */
  static final String MESSAGE_REPLACED = "PersonnelSuspensionReplaced";
  static final String DECISION_TYPE = "PERSONNEL_MEASURE";
  /** Starts personnel-scoring straight at the R-PERS-10 check when a yearly test is failed (R-PERS-2). */
  static final String MESSAGE_TEST_FAILED = "PersonnelTestFailed";

  private final MeasureMapper mapper;
  private final PersonnelService personnel;
  private final PersonnelRuleSets ruleSets;
  private final RegionSettingsService settings;
  private final CaseNumbers caseNumbers;
  private final RuntimeService runtime;
  private final EngineAsApplication engine;
  private final AuditService audit;
  private final Clock clock;

  PersonnelMeasureService(MeasureMapper mapper, PersonnelService personnel, PersonnelRuleSets ruleSets,
      RegionSettingsService settings, CaseNumbers caseNumbers, RuntimeService runtime, EngineAsApplication engine,
      AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.personnel = personnel;
    this.ruleSets = ruleSets;
    this.settings = settings;
    this.caseNumbers = caseNumbers;
    this.runtime = runtime;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- the case

  /**
   * Opens the measure case of a band reached and starts personnel-scoring with its number as business key,
   * in the deduction's transaction (the process continues asynchronously).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String open(Person person, Inspection inspection, RuleSet ruleSet, Measure reached, boolean singleIncident) {
    String caseNo = caseNumbers.next(CASE_PREFIX, person.region());
    OffsetDateTime now = OffsetDateTime.now(clock);
    Integer months = reached.months() == 0 ? null : months(person.region(), reached.measure());
    mapper.insert(new PersonnelMeasure(null, caseNo, person.region(), person.id(), inspection.id(), ruleSet.key(),
        inspection.pointsYear(), inspection.totalAfter(), reached.band(), reached.measure(), singleIncident,
        PersonnelMeasure.DECIDED, months, null, null, null, null, null, null, null, null, null, now));
    Map<String, Object> variables = new HashMap<>();
    variables.put("region", person.region());
    variables.put("caseNo", caseNo);
    variables.put("nationalCode", person.nationalCode());
    variables.put("personName", person.name());
    variables.put("measure", reached.measure());
    variables.put("band", reached.band());
    variables.put("total", inspection.totalAfter());
    variables.put("pointsYear", inspection.pointsYear());
    variables.put("ruleSet", ruleSet.key());
    boolean choose = reached.measure().startsWith("SUSPEND") && reached.months() == 0;
    variables.put("chooseMonths", choose);
    variables.put("monthsMin", ruleSet.chosenMonthsMin());
    variables.put("monthsMax", ruleSet.chosenMonthsMax());
    String pi = engine.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, caseNo, variables)).getId();
    mapper.attachProcess(caseNo, pi);
    audit.record(AuditEntry.of(person.region(), ENTITY, caseNo, "MEASURE_DECIDED", null, PersonnelMeasure.DECIDED,
        "R-PERS-6", "年度累计扣分 " + inspection.totalAfter() + " 分，达到 " + reached.band() + " 档 / " + inspection.totalAfter()
            + " points reach band " + reached.band(), pi, "personId=" + person.id() + ", measure=" + reached.measure()
            + ", ruleSet=" + ruleSet.key() + ", inspection=" + inspection.inspectionRef()));
    return caseNo;
  }

  /** The case an inspection started, if any (for the replay of a resubmitted inspection). */
  @Transactional(readOnly = true)
  public String caseOf(long inspectionId) {
    return mapper.ofInspection(inspectionId);
  }

  @Transactional(readOnly = true)
  public PersonnelMeasure find(String caseNo) {
    PersonnelMeasure m = mapper.find(caseNo);
    if (m == null) {
      throw DomainRuleException.notFound("记分处理案件 / measure case", caseNo);
    }
    return m;
  }

  int months(String region, String measure) {
    return switch (measure) {
      case "SUSPEND_3_MONTHS" -> settings.value(region, RegionSetting.PERSONNEL_SUSPENSION_SHORT);
      case "SUSPEND_6_MONTHS" -> settings.value(region, RegionSetting.PERSONNEL_SUSPENSION_LONG);
      default -> 0;
    };
  }

  /** The written notice to the institution (R-PERS-12): what the objection call activity receives. */
  public record Notice(String decisionType, String decision, String party, LocalDate servedOn) {
  }

  /**
   * Serves the written decision on the person's institution(s) today (R-PERS-12 "书面通知其所在单位").
   * {@code chosenMonths}: the caseworker's choice when the rule set leaves the months open.
   */
  @Transactional
  public Notice notifyInstitution(String caseNo, Integer chosenMonths, String processInstanceId) {
    PersonnelMeasure m = find(caseNo);
    RuleSet ruleSet = ruleSets.byKey(m.ruleSet()).orElseThrow();
    Integer months = m.months();
    if (PersonnelMeasure.DECIDED.equals(m.status()) && m.isSuspension() && months == null) {
      if (chosenMonths == null || chosenMonths < ruleSet.chosenMonthsMin() || chosenMonths > ruleSet.chosenMonthsMax()) {
        throw DomainRuleException.badRequest("suspensionMonths", "R-PERS-6",
            "中止期限须为 " + ruleSet.chosenMonthsMin() + "-" + ruleSet.chosenMonthsMax() + " 个月",
            "The suspension must be " + ruleSet.chosenMonthsMin() + "-" + ruleSet.chosenMonthsMax() + " months");
      }
      months = chosenMonths;
    }
    LocalDate today = LocalDate.now(clock);
    if (mapper.notified(caseNo, months, today) == 1) {
      audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "NOTICE_SERVED", m.status(), PersonnelMeasure.NOTIFIED,
          "R-PERS-12", "处理决定书面通知执业机构 / written notice served on the institution", processInstanceId,
          "months=" + months));
    }
    m = find(caseNo);
    Person p = personnel.personUnchecked(m.personId());
    String text = PersonnelMeasure.FAILED_TEST.equals(m.measure())
        ? failedTestText(p, m, failedTestBarYears(m.region())) : decisionText(p, m);
    return new Notice(DECISION_TYPE, text, party(p), m.noticeServedOn());
  }

  /** The bar after a failed yearly test, in years (R-PERS-2, region setting personnel-failed-test-bar). */
  int failedTestBarYears(String region) {
    return settings.value(region, RegionSetting.PERSONNEL_FAILED_TEST_BAR);
  }

  static String failedTestText(Person p, PersonnelMeasure m, int barYears) {
    return p.name() + "（" + p.nationalCode() + "）" + m.pointsYear() + " 年度医保政策法规培训测试未合格，解除医保支付资格相关人员"
        + "服务协议，自解除之日起 " + barYears + " 年内不再签订（R-PERS-2）。";
  }

  static String decisionText(Person p, PersonnelMeasure m) {
    String what = switch (m.measure()) {
      case "TERMINATE" -> "解除医保支付资格相关人员服务协议";
      case "INTERVIEW" -> "责令定点医药机构约谈";
      default -> "中止医保支付资格相关人员服务协议 " + m.months() + " 个月";
    };
    return p.name() + "（" + p.nationalCode() + "）" + m.pointsYear() + " 年度累计扣 " + m.total() + " 分（" + m.band()
        + " 档），" + what + "。";
  }

  private String party(Person p) {
    Set<String> names = new LinkedHashSet<>();
    personnel.agreementsOfUnchecked(p.id()).forEach(a -> names.add(a.institutionName()));
    return String.join("、", names);
  }

  /** 约谈记录 (R-PERS-6: reaching 5 points, "责令定点医药机构进行约谈，并做好约谈记录"). */
  @Transactional
  public void recordInterview(String caseNo, LocalDate interviewedOn, String note, String processInstanceId) {
    PersonnelMeasure m = find(caseNo);
    DomainRuleException.requireText(note, "interviewNote", "约谈记录", "interview record");
    if (interviewedOn == null || interviewedOn.isAfter(LocalDate.now(clock))) {
      throw DomainRuleException.badRequest("interviewedOn", "R-PERS-6", "须填写约谈日期（不晚于今天）",
          "The interview date is required and must not be in the future");
    }
    String text = interviewedOn + "：" + note.trim();
    if (mapper.interviewed(caseNo, text.length() > 2000 ? text.substring(0, 2000) : text) == 1) {
      audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "INTERVIEW_RECORDED", m.status(),
          PersonnelMeasure.INTERVIEWED, "R-PERS-6", "约谈已记录 / interview recorded", processInstanceId, text));
    }
  }
}
