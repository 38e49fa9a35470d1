package org.yibaoflow.insured;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * Suspending an insured person's direct settlement (暂停医保直接结算, R-VIO-12 [000 §二(四)]): a caseworker proposes
 * it from a violation case of the person's region that found fraud, for the region's range of months
 * (insured-suspension-min/max-months); the process {@code insured-suspension} has it approved, notified and objected
 * to, puts it into effect and ends it by its timer. {@link #directSettlement} answers the settlement system.
 */
@Service
public class InsuredSuspensionService {

  public static final String PROCESS_KEY = "insured-suspension";
  static final String PREFIX = "ZT";
  static final String ENTITY = "INSURED_SUSPENSION";
  static final String RULE = "R-VIO-12";

  private final InsuredMapper mapper;
  private final InsuredPersons persons;
  private final ViolationCatalogue catalogue;
  private final RegionSettingsService settings;
  private final CaseNumbers caseNumbers;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final RegionAccess regions;
  private final Clock clock;

  InsuredSuspensionService(InsuredMapper mapper, InsuredPersons persons, ViolationCatalogue catalogue,
      RegionSettingsService settings, CaseNumbers caseNumbers, AuditService audit, RuntimeService runtimeService,
      EngineAsApplication engine, RegionAccess regions, Clock clock) {
    this.mapper = mapper;
    this.persons = persons;
    this.catalogue = catalogue;
    this.settings = settings;
    this.caseNumbers = caseNumbers;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regions = regions;
    this.clock = clock;
  }

  /** The proposal's answer: the suspension, and whether this request created it (a repeat returns the first). */
  public record Proposed(InsuredSuspension suspension, boolean created) {
  }

  /**
   * Proposes the suspension and starts its process as the application (not startable from outside). The case must
   * be of a region of the user's where the person is registered and have found fraud (the catalogue's fraud codes);
   * months within the region's range. One proposal per case and person.
   */
  @Transactional
  public Proposed propose(String idNumber, String caseNo, Integer months, String reasons) {
    String number = InsuredPersons.checkIdNumber(idNumber);
    persons.visible(number);
    String region = caseNo == null ? null : mapper.caseRegion(caseNo.strip());
    InsuredPerson p = region == null || !regions.canSee(region) ? null : persons.inRegion(number, region);
    if (p == null) {
      throw DomainRuleException.badRequest("caseNo", RULE, "须填写该参保人所在统筹地区的违约处理案件编号",
          "caseNo must name a violation case of the region where the person is registered");
    }
    String c = caseNo.strip();
    if (!catalogue.anyFraud(mapper.caseFindings(c))) {
      throw DomainRuleException.badRequest("caseNo", RULE, "该案件未认定骗取医保基金行为，不能暂停参保人医保直接结算",
          "The case found no fraud (R-VIO-12 applies to persons found defrauding)");
    }
    int checked = checkMonths(region, months, "months");
    DomainRuleException.requireText(reasons, "reasons", "暂停直接结算的事实和理由", "reasons");
    InsuredSuspension existing = mapper.findByCase(c, p.id());
    if (existing != null) {
      return new Proposed(existing, false);
    }
    String no = caseNumbers.next(PREFIX, region);
    mapper.insert(no, region, p.id(), c, checked, reasons.strip(), "pending:" + no, audit.currentActor(),
        OffsetDateTime.now(clock));
    int[] range = range(region);
    Map<String, Object> vars = new HashMap<>();
    vars.put("region", region);
    vars.put("caseNo", no);
    vars.put("violationCaseNo", c);
    // the task cards' labels (CaseLabelListener): the person, and the institution where the case found the fraud
    vars.put("personName", p.name());
    vars.put("institutionName", mapper.caseInstitution(c));
    vars.put("suspensionMonths", checked);
    vars.put("minSuspensionMonths", range[0]);
    vars.put("maxSuspensionMonths", range[1]);
    vars.put("suspensionReasons", reasons.strip());
    String pi = engine.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, no, vars)).getId();
    mapper.attachProcess(no, pi);
    audit.record(AuditEntry.of(region, ENTITY, no, "PROPOSED", null, InsuredSuspension.PROPOSED, RULE,
        "违约处理案件 " + c + " 查实参保人 " + p.name() + " 参与骗取医保基金，拟暂停医保直接结算 " + checked + " 个月："
            + reasons.strip(), pi, "insured=" + p.id()));
    return new Proposed(mapper.find(no), true);
  }

  /** The region's range of months [min, max] (a min set above the max counts as the max). */
  int[] range(String region) {
    int max = settings.value(region, RegionSetting.INSURED_SUSPENSION_MAX_MONTHS);
    return new int[] {Math.min(settings.value(region, RegionSetting.INSURED_SUSPENSION_MIN_MONTHS), max), max};
  }

  /** Months within the region's range (R-VIO-12, region settings); 400 naming the field otherwise. */
  public int checkMonths(String region, Integer months, String field) {
    int[] r = range(region);
    if (months == null || months < r[0] || months > r[1]) {
      throw DomainRuleException.badRequest(field, RULE, "暂停医保直接结算的期限须为 " + r[0] + " 至 " + r[1]
          + " 个月（本地区设置，R-VIO-12）", field + " must be " + r[0] + " to " + r[1] + " months (region setting, R-VIO-12)");
    }
    return months;
  }

  /** The months the adjust form's check reads for a suspension's region. */
  public void checkChangedMonths(String suspensionNo, Integer months) {
    checkMonths(find(suspensionNo).region(), months, "changedMonths");
  }

  /** The supervisor's approval; a rejection needs its reason and ends the proposal. */
  @Transactional
  public InsuredSuspension approve(String no, boolean approved, String comment, String pi) {
    InsuredSuspension s = find(no);
    if (!approved) {
      DomainRuleException.requireText(comment, "approvalComment", "不同意的理由", "approvalComment");
      if (mapper.status(no, InsuredSuspension.PROPOSED, InsuredSuspension.REJECTED) == 1) {
        audit.record(AuditEntry.of(s.region(), ENTITY, no, "REJECTED", s.status(), InsuredSuspension.REJECTED, RULE,
            "科室负责人不同意暂停医保直接结算：" + comment.strip(), pi, null));
      }
    }
    return mapper.find(no);
  }

  /** What the notice says and the day it was served. */
  public record Notice(String decision, LocalDate servedOn) {
  }

  /** The written notice served today: what is decided; the objection window counts from it (R-PERS-12). */
  @Transactional
  public Notice serveNotice(String no, String pi) {
    InsuredSuspension s = find(no);
    LocalDate today = today();
    if (mapper.notified(no, today) == 1) {
      audit.record(AuditEntry.of(s.region(), ENTITY, no, "NOTICE_SERVED", s.status(), InsuredSuspension.NOTIFIED,
          RULE, "送达暂停医保直接结算决定：" + s.months() + " 个月", pi, "servedOn=" + today));
    }
    return new Notice("依据 " + RULE + "，暂停其医保直接结算 " + s.months() + " 个月（自决定生效之日起）；期间发生的医疗费用"
        + "先由本人垫付，再按规定到经办机构手工报销。", s.noticeServedOn() == null ? today : s.noticeServedOn());
  }

  /**
   * The decision as the objection left it: revoked, or in effect from today for the months (changed: the months the
   * review set) until the day before the same date so many months later; the audit names the objection.
   */
  @Transactional
  public InsuredSuspension takeEffect(String no, String objectionOutcome, Integer changedMonths, String objectionNo,
      String pi) {
    InsuredSuspension s = find(no);
    if (!InsuredSuspension.NOTIFIED.equals(s.status())) {
      return s;
    }
    if ("REVOKED".equals(objectionOutcome)) {
      mapper.status(no, InsuredSuspension.NOTIFIED, InsuredSuspension.REVOKED);
      audit.record(AuditEntry.of(s.region(), ENTITY, no, "REVOKED", s.status(), InsuredSuspension.REVOKED,
          "R-PERS-12", "暂停医保直接结算的决定经异议程序撤销", pi, "objection=" + objectionNo));
      return mapper.find(no);
    }
    int months = "CHANGED".equals(objectionOutcome) ? checkMonths(s.region(), changedMonths, "changedMonths")
        : s.months();
    LocalDate from = today();
    LocalDate until = from.plusMonths(months).minusDays(1);
    mapper.suspended(no, months, from, until, objectionNo);
    audit.record(AuditEntry.of(s.region(), ENTITY, no, "SUSPENDED", s.status(), InsuredSuspension.SUSPENDED, RULE,
        "暂停医保直接结算 " + months + " 个月：" + from + " 至 " + until, pi, "objectionOutcome=" + objectionOutcome));
    return mapper.find(no);
  }

  /** When the suspension's timer fires: the start of the day after its last day, Beijing time. */
  public static Date endsAt(InsuredSuspension s) {
    return Date.from(s.suspendedUntil().plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
  }

  /** The period is over (the process's timer): ENDED, direct settlement again from the day after its last day. */
  @Transactional
  public InsuredSuspension end(String no, String pi) {
    InsuredSuspension s = find(no);
    if (mapper.status(no, InsuredSuspension.SUSPENDED, InsuredSuspension.ENDED) == 1) {
      audit.record(AuditEntry.of(s.region(), ENTITY, no, "ENDED", s.status(), InsuredSuspension.ENDED, RULE,
          "暂停医保直接结算期满（" + s.suspendedUntil() + "），恢复直接结算", pi, null));
    }
    return mapper.find(no);
  }

  /** Whether direct settlement is allowed on a date, and why not (R-VIO-12; for settlement systems). */
  public record DirectSettlement(String idNumber, LocalDate date, boolean directSettlement, String rule,
      String reasonZh, String reason, String caseNo) {
  }

  /** R-VIO-12: refused on every day a suspension covers (in the user's regions), allowed otherwise. */
  @Transactional(readOnly = true)
  public DirectSettlement directSettlement(String idNumber, LocalDate date) {
    List<InsuredPerson> visible = persons.visible(idNumber);
    if (date == null) {
      throw DomainRuleException.badRequest("date", RULE, "须给出结算日期（yyyy-MM-dd）", "date is required (yyyy-MM-dd)");
    }
    String number = visible.get(0).idNumber();
    return visible.stream().flatMap(p -> mapper.ofPerson(p.id()).stream()).filter(s -> s.covers(date)).findFirst()
        .map(s -> new DirectSettlement(number, date, false, RULE, "医保直接结算已暂停（" + s.effectiveOn() + " 至 "
            + s.suspendedUntil() + "），医疗费用先由本人垫付，再按规定手工报销", "Direct settlement suspended "
            + s.effectiveOn() + " to " + s.suspendedUntil() + ": the person pays and claims afterwards", s.suspensionNo()))
        .orElseGet(() -> new DirectSettlement(number, date, true, RULE, "可以直接结算", "Direct settlement allowed", null));
  }

  /** A person's suspensions in the user's regions, newest first. */
  @Transactional(readOnly = true)
  public List<InsuredSuspension> ofPerson(String idNumber) {
    return persons.visible(idNumber).stream().flatMap(p -> mapper.ofPerson(p.id()).stream()).toList();
  }

  InsuredSuspension find(String no) {
    InsuredSuspension s = no == null ? null : mapper.find(no);
    if (s == null) {
      throw DomainRuleException.notFound("暂停医保直接结算 / insured suspension", no);
    }
    return s;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }
}
