package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.personnel.MeasureMapper.KeyMonitoringEntry;
import org.yibaoflow.personnel.PersonnelMeasuresDecision.Measure;
import org.yibaoflow.personnel.PersonnelRuleSets.RuleSet;
import org.yibaoflow.personnel.PointsMapper.Inspection;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * What the personnel-scoring process does with a band a person reached [004 §五, §六]: the measure case,
 * the written notice to the institution (R-PERS-12), ledger corrections after an objection, suspension with
 * its own expiry (R-PERS-7), termination with the re-sign bar (R-PERS-8), the institution ripple
 * (R-PERS-10), the key monitoring list (R-PERS-13) and whether a person's services are payable (R-PERS-9).
 * Every method a process job calls is idempotent: a retried job changes nothing twice.
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
  private final PointsMapper points;
  private final PersonnelService personnel;
  private final PersonnelRuleSets ruleSets;
  private final PersonnelMeasuresDecision decision;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final CaseNumbers caseNumbers;
  private final RuntimeService runtime;
  private final EngineAsApplication engine;
  private final Deadlines deadlines;
  private final RegionAccess regions;
  private final AuditService audit;
  private final Clock clock;

  PersonnelMeasureService(MeasureMapper mapper, PointsMapper points, PersonnelService personnel,
      PersonnelRuleSets ruleSets, PersonnelMeasuresDecision decision, InstitutionService institutions,
      AgreementService agreements, RegionSettingsService settings, CaseNumbers caseNumbers, RuntimeService runtime,
      EngineAsApplication engine, Deadlines deadlines, RegionAccess regions, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.points = points;
    this.personnel = personnel;
    this.ruleSets = ruleSets;
    this.decision = decision;
    this.institutions = institutions;
    this.agreements = agreements;
    this.settings = settings;
    this.caseNumbers = caseNumbers;
    this.runtime = runtime;
    this.engine = engine;
    this.deadlines = deadlines;
    this.regions = regions;
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

  private int months(String region, String measure) {
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
    return new Notice(DECISION_TYPE, decisionText(p, m), party(p), m.noticeServedOn());
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

  // ---------------------------------------------------------------- objections (R-PERS-12)

  /** The objection revoked the decision: the inspection's points leave the ledger, audited. */
  @Transactional
  public void revoke(String caseNo, String objectionNo, String processInstanceId) {
    PersonnelMeasure m = find(caseNo);
    Inspection i = inspection(m);
    adjustLedger(m, i, -i.points(), "异议 " + objectionNo + " 撤销原处理决定，冲回检查 " + i.inspectionRef() + " 的扣分",
        processInstanceId);
    if (mapper.changeStatus(caseNo, PersonnelMeasure.NOTIFIED, PersonnelMeasure.REVOKED) == 1) {
      audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "REVOKED", m.status(), PersonnelMeasure.REVOKED,
          "R-PERS-12", "异议 " + objectionNo + " 撤销原处理决定 / revoked on objection", processInstanceId, null));
    }
  }

  /**
   * The objection changed the decision: the inspection counts {@code adjustedPoints} instead, the year's total
   * is corrected and the band re-read from the rule set's table; answers the measure now in force.
   */
  @Transactional
  public String change(String caseNo, String objectionNo, int adjustedPoints, Integer chosenMonths, String note,
      String processInstanceId) {
    PersonnelMeasure m = find(caseNo);
    if (!PersonnelMeasure.NOTIFIED.equals(m.status())) {
      return m.status().equals(PersonnelMeasure.NO_MEASURE) ? "NONE" : m.measure();
    }
    DomainRuleException.requireText(note, "changeNote", "变更说明", "change note");
    Inspection i = inspection(m);
    if (adjustedPoints < 0 || adjustedPoints > i.points()) {
      throw DomainRuleException.badRequest("adjustedPoints", "R-PERS-12",
          "变更后的扣分须在 0 到原扣分 " + i.points() + " 之间", "The changed points must be 0.." + i.points());
    }
    adjustLedger(m, i, adjustedPoints - i.points(), "异议 " + objectionNo + " 变更原处理决定：" + note.trim(),
        processInstanceId);
    RuleSet ruleSet = ruleSets.byKey(m.ruleSet()).orElseThrow();
    int total = points.yearTotal(m.personId(), m.pointsYear());
    Measure now = decision.measure(ruleSet, total, m.personId(), m.pointsYear());
    Integer months = null;
    if (now.measure().startsWith("SUSPEND")) {
      months = now.months() != 0 ? months(m.region(), now.measure())
          : chosenMonths != null ? chosenMonths : m.months() != null ? m.months() : ruleSet.chosenMonthsMin();
    }
    String status = "NONE".equals(now.measure()) ? PersonnelMeasure.NO_MEASURE : PersonnelMeasure.NOTIFIED;
    mapper.changed(caseNo, objectionNo, total, now.band(), now.measure(), months, status);
    audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "CHANGED", m.measure(), now.measure(), "R-PERS-12",
        "异议 " + objectionNo + " 变更原处理决定：" + note.trim(), processInstanceId,
        "total=" + total + ", band=" + now.band() + ", months=" + months));
    return now.measure();
  }

  private Inspection inspection(PersonnelMeasure m) {
    Inspection i = m.inspectionId() == null ? null : points.findInspectionById(m.inspectionId());
    if (i == null) {
      throw DomainRuleException.conflict("inspection", "R-PERS-12", "该案件没有对应的检查扣分", "The case has no inspection");
    }
    return i;
  }

  private void adjustLedger(PersonnelMeasure m, Inspection i, int delta, String reason, String processInstanceId) {
    if (mapper.adjustmentExists(m.caseNo()) > 0) {
      return;
    }
    mapper.insertAdjustment(m.personId(), i.id(), i.pointsYear(), delta, m.caseNo(), reason, OffsetDateTime.now(clock));
    audit.record(AuditEntry.of(m.region(), PersonnelService.ENTITY, m.personId().toString(), "POINTS_ADJUSTED", null,
        null, "R-PERS-12", reason, processInstanceId, "caseNo=" + m.caseNo() + ", inspection=" + i.inspectionRef()
            + ", delta=" + delta + ", pointsYear=" + i.pointsYear()));
  }

  // ---------------------------------------------------------------- effect

  /**
   * Suspends the person's agreements at all sites from today for the case's months (R-PERS-6); the answer is
   * the moment the suspension ends by itself (R-PERS-7; end of the last day, calendar R-TIME-2), the timer of
   * the process. A suspension of an earlier case still running is replaced from today (R-PERS-7 product
   * decision): that case is marked REPLACED and its process told so, so its timer cannot restore early.
   */
  @Transactional
  public Date suspend(String caseNo, String processInstanceId) {
    PersonnelMeasure m = find(caseNo);
    if (PersonnelMeasure.NOTIFIED.equals(m.status())) {
      LocalDate today = LocalDate.now(clock);
      PersonnelMeasure stronger = strongerInEffect(m);
      if (stronger != null) {
        // a more severe case of the person took effect while this one was in its objection window: it stands
        mapper.changeStatus(caseNo, PersonnelMeasure.NOTIFIED, PersonnelMeasure.REPLACED);
        audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "REPLACED", m.status(), PersonnelMeasure.REPLACED,
            "R-PERS-7", "更严重的处理 " + stronger.caseNo() + " 已生效，本次中止不再执行 / a more severe case is in effect",
            processInstanceId, "by=" + stronger.caseNo()));
        return expiry(today.minusDays(1));
      }
      LocalDate lastDay = lastDay(deadlines.months(today, m.months()));
      String reason = "记分处理 " + caseNo + "：年度累计扣 " + m.total() + " 分，中止服务协议 " + m.months() + " 个月至 " + lastDay;
      replaceRunning(m, today, processInstanceId);
      for (PersonAgreement pa : personnel.agreementsOfUnchecked(m.personId())) {
        if (!PersonAgreement.TERMINATED.equals(pa.state())) {
          personnel.suspend(pa.id(), lastDay, "R-PERS-6", reason, processInstanceId);
        }
      }
      mapper.suspended(caseNo, today, lastDay);
      audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "SUSPENDED", m.status(), PersonnelMeasure.SUSPENDED,
          "R-PERS-7", reason, processInstanceId, "until=" + lastDay));
      m = find(caseNo);
    }
    return expiry(m.suspendedUntil());
  }

  private PersonnelMeasure strongerInEffect(PersonnelMeasure m) {
    for (PersonnelMeasure other : mapper.ofPerson(m.personId())) {
      boolean inEffect = PersonnelMeasure.SUSPENDED.equals(other.status())
          || PersonnelMeasure.TERMINATED.equals(other.status());
      if (!other.caseNo().equals(m.caseNo()) && inEffect && (PersonnelMeasure.TERMINATED.equals(other.status())
          || PersonnelMeasuresDecision.moreSevere(other.measure(), m.measure()))) {
        return other;
      }
    }
    return null;
  }

  /** The end of a suspension's last day (24:00 Asia/Shanghai). */
  static Date expiry(LocalDate lastDay) {
    return Date.from(lastDay.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
  }

  static LocalDate lastDay(Date end) {
    return end.toInstant().minusSeconds(1).atZone(WorkingDayCalendar.ZONE).toLocalDate();
  }

  /**
   * Terminates the person's agreements at all sites with the re-sign bar of the rule set (R-PERS-8: by
   * severity — reached cumulatively, one incident of 12, or three years at 9+).
   */
  @Transactional
  public LocalDate terminate(String caseNo, String processInstanceId) {
    PersonnelMeasure m = find(caseNo);
    if (PersonnelMeasure.NOTIFIED.equals(m.status())) {
      RuleSet ruleSet = ruleSets.byKey(m.ruleSet()).orElseThrow();
      LocalDate today = LocalDate.now(clock);
      int years = ruleSet.barYears(m.band(), Boolean.TRUE.equals(m.singleIncident()));
      LocalDate barUntil = today.plusYears(years);
      String reason = "记分处理 " + caseNo + "：年度累计扣 " + m.total() + " 分（" + m.band() + " 档），解除服务协议，" + years
          + " 年内（至 " + barUntil + "）不再签订";
      replaceRunning(m, today, processInstanceId);
      terminateAll(m.personId(), barUntil, "R-PERS-8", reason, processInstanceId);
      mapper.terminated(caseNo, today, barUntil);
      audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "TERMINATED", m.status(), PersonnelMeasure.TERMINATED,
          "R-PERS-8", reason, processInstanceId, "barUntil=" + barUntil + ", barYears=" + years));
      m = find(caseNo);
    }
    return m.barUntil();
  }

  void terminateAll(long personId, LocalDate barUntil, String ruleId, String reason, String processInstanceId) {
    for (PersonAgreement pa : personnel.agreementsOfUnchecked(personId)) {
      if (!PersonAgreement.TERMINATED.equals(pa.state()) || Boolean.TRUE.equals(pa.followsInstitution())) {
        personnel.terminate(pa.id(), barUntil, ruleId, reason, processInstanceId);
      }
    }
  }

  private void replaceRunning(PersonnelMeasure by, LocalDate today, String processInstanceId) {
    for (PersonnelMeasure earlier : mapper.ofPerson(by.personId())) {
      if (earlier.caseNo().equals(by.caseNo()) || !PersonnelMeasure.SUSPENDED.equals(earlier.status())) {
        continue;
      }
      mapper.ended(earlier.caseNo(), PersonnelMeasure.REPLACED, today, by.caseNo());
      audit.record(AuditEntry.of(earlier.region(), ENTITY, earlier.caseNo(), "REPLACED", earlier.status(),
          PersonnelMeasure.REPLACED, "R-PERS-7", "更高档次的处理 " + by.caseNo() + " 自今日起取代本次中止的剩余期限 / replaced by "
              + by.caseNo(), processInstanceId, "endedOn=" + today));
      engine.run(() -> runtime.createMessageCorrelation(MESSAGE_REPLACED)
          .processInstanceBusinessKey(earlier.caseNo()).correlateAll());
    }
  }

  /**
   * The suspension's expiry (R-PERS-7 "中止服务协议期满后自动恢复"): the person's agreements this case suspended
   * are ACTIVE again. A case replaced meanwhile restores nothing (answers false).
   */
  @Transactional
  public boolean restore(String caseNo, String processInstanceId) {
    PersonnelMeasure m = find(caseNo);
    if (!PersonnelMeasure.SUSPENDED.equals(m.status())) {
      return false;
    }
    String reason = "记分处理 " + caseNo + " 的中止期限（至 " + m.suspendedUntil() + "）届满，自动恢复 / suspension expired";
    for (PersonAgreement pa : personnel.agreementsOfUnchecked(m.personId())) {
      if (PersonAgreement.SUSPENDED.equals(pa.state()) && !Boolean.TRUE.equals(pa.followsInstitution())
          && m.suspendedUntil().equals(pa.suspendedUntil())) {
        personnel.restore(pa.id(), "R-PERS-7", reason, processInstanceId);
      }
    }
    mapper.ended(caseNo, PersonnelMeasure.RESTORED, LocalDate.now(clock), null);
    audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "RESTORED", m.status(), PersonnelMeasure.RESTORED,
        "R-PERS-7", reason, processInstanceId, null));
    return true;
  }

  // ---------------------------------------------------------------- R-PERS-10

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
    PersonnelMeasure m = find(caseNo);
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
    PersonnelMeasure m = find(caseNo);
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
    for (Agreement a : agreements.ofInstitutionUnchecked(institutionId)) {
      boolean fits = a.state() == AgreementState.ACTIVE || a.state() == AgreementState.SETTLEMENT_SUSPENDED
          || to == AgreementState.TERMINATED && a.state() == AgreementState.SUSPENDED;
      if (fits) {
        agreements.transition(a.id(), new TransitionCommand(to, "PERSONNEL_THRESHOLD", "R-PERS-10",
            "相关人员被中止或解除协议达到比例（R-PERS-10）：" + reason.trim(), processInstanceId));
        return;
      }
    }
  }

  // ---------------------------------------------------------------- R-PERS-13

  /**
   * R-PERS-13: a 12-point violation ("一次性扣12分") or 3 or more other violations of the person in the cycle
   * (natural year) put the person's institutions on the key monitoring list, once per institution and year.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void checkKeyMonitoring(Person person, int pointsYear) {
    List<Integer> year = mapper.deductionPointsOfYear(person.id(), pointsYear);
    String cause = year.stream().anyMatch(p -> p >= PersonnelScoringService.YEARLY_POINTS) ? "TWELVE_POINTS"
        : year.stream().filter(p -> p < PersonnelScoringService.YEARLY_POINTS).count() >= 3 ? "THREE_VIOLATIONS"
        : null;
    if (cause == null) {
      return;
    }
    Set<Long> sites = new LinkedHashSet<>();
    personnel.agreementsOfUnchecked(person.id()).forEach(a -> sites.add(a.institutionId()));
    for (long institutionId : sites) {
      if (mapper.listIfAbsent(person.region(), institutionId, pointsYear, person.id(), cause,
          OffsetDateTime.now(clock)) == 1) {
        audit.record(AuditEntry.of(person.region(), "INSTITUTION", String.valueOf(institutionId), "KEY_MONITORING_LISTED",
            null, null, "R-PERS-13", "相关人员 " + person.nationalCode() + " 本记分周期" + ("TWELVE_POINTS".equals(cause)
                ? "出现一次性扣12分的严重违规" : "违规3项以上") + "，列入重点监控名单", null, "year=" + pointsYear));
      }
    }
  }

  /** The key monitoring list of the user's regions, optionally one cycle (roles: docs/security.md). */
  @Transactional(readOnly = true)
  public List<KeyMonitoringEntry> keyMonitoring(Integer year) {
    List<String> visible = regions.visibleRegions();
    return visible.isEmpty() ? List.of() : mapper.keyMonitoring(visible, year);
  }

  // ---------------------------------------------------------------- R-PERS-9

  /** Whether the fund pays a person's services on a date, and why not (R-PERS-9, R-PERS-11). */
  public record Payable(String nationalCode, LocalDate date, boolean payable, String rule, String reasonZh,
      String reason, String caseNo) {
  }

  @Transactional(readOnly = true)
  public Payable payable(String nationalCode, LocalDate date) {
    Person p = personnel.visibleByCode(nationalCode);
    if (date == null) {
      throw DomainRuleException.badRequest("date", "R-PERS-9", "须给出服务日期（yyyy-MM-dd）", "date is required (yyyy-MM-dd)");
    }
    for (PersonnelMeasure m : mapper.ofPerson(p.id())) {
      if (m.effectiveOn() == null || date.isBefore(m.effectiveOn())) {
        continue;
      }
      if (PersonnelMeasure.TERMINATED.equals(m.status())) {
        return new Payable(nationalCode, date, false, PersonnelMeasure.FAILED_TEST.equals(m.measure()) ? "R-PERS-2"
            : "R-PERS-9", "服务协议已于 " + m.effectiveOn() + " 解除，医保基金不予支付（急诊、抢救除外），不得转嫁参保人员",
            "Agreement terminated on " + m.effectiveOn() + ": not paid by the fund (emergencies excepted)", m.caseNo());
      }
      if (m.isSuspension() && m.suspendedUntil() != null) {
        LocalDate end = m.endedOn() != null && PersonnelMeasure.REPLACED.equals(m.status())
            ? m.endedOn().minusDays(1) : m.suspendedUntil();
        if (!date.isAfter(end)) {
          return new Payable(nationalCode, date, false, "R-PERS-9", "服务协议中止期间（" + m.effectiveOn() + " 至 " + end
              + "），医保基金不予支付（急诊、抢救除外），不得转嫁参保人员", "Agreement suspended " + m.effectiveOn() + " to " + end
              + ": not paid by the fund (emergencies excepted)", m.caseNo());
        }
      }
    }
    List<PersonAgreement> all = personnel.agreementsOfUnchecked(p.id());
    boolean inForce = all.stream().anyMatch(a -> !date.isBefore(a.validFrom()) && !date.isAfter(a.validUntil())
        && (PersonAgreement.ACTIVE.equals(a.state())
            || PersonAgreement.SUSPENDED.equals(a.state()) && !Boolean.TRUE.equals(a.followsInstitution())
            || date.isBefore(a.stateSince().atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate())));
    if (!inForce) {
      return new Payable(nationalCode, date, false, "R-PERS-11", "该日没有正在履行的服务协议（含随执业机构中止或解除），医保基金不予支付",
          "No agreement in force on that date (incl. following the institution): not paid by the fund", null);
    }
    return new Payable(nationalCode, date, true, "R-PERS-9", "可由医保基金支付", "Payable by the fund", null);
  }

  // ---------------------------------------------------------------- R-PERS-2

  /** The exam form by age on the test date: closed book under 50, open book from 50 [004 §三(三)]. */
  static String examForm(LocalDate birthDate, LocalDate testedOn) {
    return Period.between(birthDate, testedOn).getYears() >= 50 ? PersonTest.OPEN_BOOK : PersonTest.CLOSED_BOOK;
  }

  /** The answer to a test result: the test, and the bar when failing terminated the person's agreements. */
  public record TestResult(PersonTest test, LocalDate barUntil, String caseNo) {
  }

  /**
   * Records a yearly test result (R-PERS-2). Failing terminates the person's agreements at all sites and bars
   * a new one for personnel-failed-test-bar years from the test date; it also counts as a termination for
   * R-PERS-10, checked at once for each of the person's sites (personnel-scoring's failed-test start path). The same
   * person and test date twice records once (answers the first result) and starts nothing.
   */
  @Transactional
  public Recorded<TestResult> recordTest(String nationalCode, LocalDate testedOn, Boolean passed, Integer score,
      String reason) {
    Person p = personnel.visibleByCode(nationalCode);
    if (testedOn == null || testedOn.isAfter(LocalDate.now(clock))) {
      throw DomainRuleException.badRequest("testedOn", "R-PERS-2", "须给出测试日期（不晚于今天）",
          "testedOn is required and must not be in the future");
    }
    if (passed == null) {
      throw DomainRuleException.badRequest("passed", "R-PERS-2", "须给出测试是否合格", "passed is required");
    }
    if (score != null && (score < 0 || score > 100)) {
      throw DomainRuleException.badRequest("score", "R-PERS-2", "成绩须在 0-100 之间", "score must be 0..100");
    }
    DomainRuleException.requireText(reason, "reason", "理由", "reason");
    PersonTest earlier = mapper.findTest(p.id(), testedOn);
    if (earlier != null) {
      return new Recorded<>(testResult(p, earlier), false);
    }
    LocalDate today = LocalDate.now(clock);
    PersonTest test = new PersonTest(null, p.id(), testedOn, examForm(p.birthDate(), testedOn),
        Period.between(p.birthDate(), testedOn).getYears(), passed, score, OffsetDateTime.now(clock));
    mapper.insertTest(test);
    audit.record(AuditEntry.of(p.region(), PersonnelService.ENTITY, p.id().toString(), "TEST_RECORDED", null, null,
        "R-PERS-2", reason.trim(), null, "testedOn=" + testedOn + ", form=" + test.examForm() + ", passed=" + passed
            + ", score=" + score));
    if (!passed) {
      LocalDate barUntil = testedOn.plusYears(settings.value(p.region(), RegionSetting.PERSONNEL_FAILED_TEST_BAR));
      if (!barUntil.isAfter(today)) {
        barUntil = today.plusDays(1);
      }
      String caseNo = caseNumbers.next(CASE_PREFIX, p.region());
      RuleSet ruleSet = ruleSets.of(p.region());
      String why = "年度测试 " + testedOn + " 未合格，解除服务协议，至 " + barUntil + " 不再签订（R-PERS-2）";
      for (PersonnelMeasure m : mapper.ofPerson(p.id())) {
        if (PersonnelMeasure.SUSPENDED.equals(m.status())) {
          mapper.ended(m.caseNo(), PersonnelMeasure.REPLACED, today, caseNo);
          engine.run(() -> runtime.createMessageCorrelation(MESSAGE_REPLACED)
              .processInstanceBusinessKey(m.caseNo()).correlateAll());
        }
      }
      terminateAll(p.id(), barUntil, "R-PERS-2", why, null);
      mapper.insert(new PersonnelMeasure(null, caseNo, p.region(), p.id(), null, ruleSet.key(), testedOn.getYear(), 0,
          "TEST", PersonnelMeasure.FAILED_TEST, false, PersonnelMeasure.TERMINATED, null, null, today, null, null,
          barUntil, null, null, null, null, OffsetDateTime.now(clock)));
      audit.record(AuditEntry.of(p.region(), ENTITY, caseNo, "TERMINATED", null, PersonnelMeasure.TERMINATED, "R-PERS-2",
          why, null, "barUntil=" + barUntil));
      startRippleCheck(p, caseNo, testedOn.getYear());
    }
    return new Recorded<>(testResult(p, mapper.findTest(p.id(), testedOn)), true);
  }

  /**
   * R-PERS-10 at once for a failed test: personnel-scoring starts at its message start event (年度测试未合格)
   * with the failed-test case as business key and goes straight to the share check of each of the person's
   * sites, so the supervisors get the same proposal task as from a scoring case. In the test's transaction; the
   * check itself runs as a job (asyncBefore) and is idempotent through the one proposal per institution and year.
   */
  private void startRippleCheck(Person p, String caseNo, int testYear) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("region", p.region());
    variables.put("caseNo", caseNo);
    variables.put("nationalCode", p.nationalCode());
    variables.put("personName", p.name());
    variables.put("measure", PersonnelMeasure.FAILED_TEST);
    variables.put("pointsYear", testYear);
    String pi = engine.call(() -> runtime.createMessageCorrelation(MESSAGE_TEST_FAILED)
        .processInstanceBusinessKey(caseNo).setVariables(variables).correlateStartMessage()).getId();
    mapper.attachProcess(caseNo, pi);
  }

  private TestResult testResult(Person p, PersonTest t) {
    if (Boolean.TRUE.equals(t.passed())) {
      return new TestResult(t, null, null);
    }
    List<PersonnelMeasure> failed = new ArrayList<>(mapper.ofPerson(p.id()).stream()
        .filter(m -> PersonnelMeasure.FAILED_TEST.equals(m.measure())).toList());
    PersonnelMeasure last = failed.isEmpty() ? null : failed.get(failed.size() - 1);
    return new TestResult(t, last == null ? null : last.barUntil(), last == null ? null : last.caseNo());
  }

  /** The exam form a person takes on a date (R-PERS-2). */
  @Transactional(readOnly = true)
  public Map<String, Object> examFormOf(String nationalCode, LocalDate on) {
    Person p = personnel.visibleByCode(nationalCode);
    LocalDate date = on != null ? on : LocalDate.now(clock);
    return Map.of("nationalCode", nationalCode, "date", date.toString(), "age",
        Period.between(p.birthDate(), date).getYears(), "examForm", examForm(p.birthDate(), date));
  }

  /** A value and whether this call recorded it (false = the same request again). */
  public record Recorded<T>(T value, boolean created) {
  }
}
