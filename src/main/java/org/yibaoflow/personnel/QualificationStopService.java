package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * Stopping a person's settlement qualification (停止医保结算资格, R-VIO-12 [000 §二(四)]): a caseworker proposes it
 * from a violation case that found fraud, for 1 to the region's qualification-stop-max-years (at most the seed's 5)
 * by severity; the process {@code qualification-stop} has it approved, notified and objected to, then stops the
 * qualification and informs the health department (referral of kind HEALTH). The payable check honours the stop.
 */
@Service
public class QualificationStopService {

  public static final String PROCESS_KEY = "qualification-stop";
  static final String PREFIX = "TZ";
  static final String ENTITY = "QUALIFICATION_STOP";
  static final String RULE = "R-VIO-12";

  private final QualificationStopMapper mapper;
  private final PersonnelService personnel;
  private final ViolationCatalogue catalogue;
  private final RegionSettingsService settings;
  private final CaseNumbers caseNumbers;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final Clock clock;

  QualificationStopService(QualificationStopMapper mapper, PersonnelService personnel, ViolationCatalogue catalogue,
      RegionSettingsService settings, CaseNumbers caseNumbers, AuditService audit, RuntimeService runtimeService,
      EngineAsApplication engine, Clock clock) {
    this.mapper = mapper;
    this.personnel = personnel;
    this.catalogue = catalogue;
    this.settings = settings;
    this.caseNumbers = caseNumbers;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.clock = clock;
  }

  /** The proposal's answer: the stop, and whether this request created it (a repeat returns the first). */
  public record Proposed(QualificationStop stop, boolean created) {
  }

  /**
   * Proposes the stop and starts its process as the application (not startable from outside). The case must be of
   * the person's region and have found fraud (R-VIO-10 codes of the catalogue); years within 1..the region's
   * maximum. One proposal per case and person.
   */
  @Transactional
  public Proposed propose(String nationalCode, String caseNo, Integer years, String reasons) {
    Person p = personnel.visibleByCode(nationalCode);
    String caseRegion = caseNo == null ? null : mapper.caseRegion(caseNo);
    if (caseRegion == null || !caseRegion.equals(p.region())) {
      throw DomainRuleException.badRequest("caseNo", RULE, "须填写本地区已查实的违约处理案件编号",
          "caseNo must name a violation case of the person's region");
    }
    if (!catalogue.anyFraud(mapper.caseFindings(caseNo))) {
      throw DomainRuleException.badRequest("caseNo", RULE, "该案件未认定骗取医保基金行为，不能停止医保结算资格",
          "The case found no fraud (R-VIO-12 applies to persons found defrauding)");
    }
    int checked = checkYears(p.region(), years, "years");
    DomainRuleException.requireText(reasons, "reasons", "停止结算资格的事实和理由", "reasons");
    QualificationStop existing = mapper.findByCase(caseNo, p.id());
    if (existing != null) {
      return new Proposed(existing, false);
    }
    String stopNo = caseNumbers.next(PREFIX, p.region());
    String user = audit.currentActor();
    mapper.insert(stopNo, p.region(), p.id(), caseNo, checked, reasons.trim(), "pending:" + stopNo, user,
        OffsetDateTime.now(clock));
    Map<String, Object> vars = new HashMap<>();
    vars.put("region", p.region());
    vars.put("caseNo", stopNo);
    vars.put("violationCaseNo", caseNo);
    vars.put("personName", p.name());
    vars.put("nationalCode", p.nationalCode());
    vars.put("institutionName", String.join("、", mapper.sites(p.id())));
    vars.put("stopYears", checked);
    vars.put("maxStopYears", settings.value(p.region(), RegionSetting.QUALIFICATION_STOP_MAX_YEARS));
    vars.put("stopReasons", reasons.trim());
    String pi = engine.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, stopNo, vars)).getId();
    mapper.attachProcess(stopNo, pi);
    audit.record(AuditEntry.of(p.region(), ENTITY, stopNo, "PROPOSED", null, QualificationStop.PROPOSED, RULE,
        "违约处理案件 " + caseNo + " 查实 " + p.name() + " 参与骗取医保基金，拟停止医保结算资格 " + checked + " 年：" + reasons.trim(),
        pi, "person=" + p.nationalCode()));
    return new Proposed(mapper.find(stopNo), true);
  }

  /** Years within 1..the region's maximum (itself at most the seed's 5, R-VIO-12); 400 naming the field otherwise. */
  public int checkYears(String region, Integer years, String field) {
    int max = settings.value(region, RegionSetting.QUALIFICATION_STOP_MAX_YEARS);
    if (years == null || years < 1 || years > max) {
      throw DomainRuleException.badRequest(field, RULE, "停止医保结算资格的年限须为 1 至 " + max + " 年（本地区设置，R-VIO-12）",
          field + " must be 1 to " + max + " years (region setting, R-VIO-12)");
    }
    return years;
  }

  /** The supervisor's approval; a rejection needs its reason and ends the proposal. */
  @Transactional
  public QualificationStop approve(String stopNo, boolean approved, String comment, String pi) {
    QualificationStop s = find(stopNo);
    if (!approved) {
      DomainRuleException.requireText(comment, "approvalComment", "不同意的理由", "approvalComment");
      if (QualificationStop.PROPOSED.equals(s.status())) {
        mapper.status(stopNo, QualificationStop.REJECTED);
        audit.record(AuditEntry.of(s.region(), ENTITY, stopNo, "REJECTED", s.status(), QualificationStop.REJECTED, RULE,
            "科室负责人不同意停止医保结算资格：" + comment.trim(), pi, null));
      }
    }
    return mapper.find(stopNo);
  }

  /** What the notice says and the day it was served. */
  public record Notice(String decision, LocalDate servedOn) {
  }

  /** The written notice served today: what is decided; the objection window counts from it (R-PERS-12). */
  @Transactional
  public Notice serveNotice(String stopNo, String pi) {
    QualificationStop s = find(stopNo);
    LocalDate today = today();
    if (mapper.notified(stopNo, today) == 1) {
      audit.record(AuditEntry.of(s.region(), ENTITY, stopNo, "NOTICE_SERVED", s.status(), QualificationStop.NOTIFIED,
          RULE, "送达停止医保结算资格决定：" + s.years() + " 年", pi, "servedOn=" + today));
    }
    return new Notice("依据 " + RULE + "，停止其医保结算资格 " + s.years() + " 年（自决定生效之日起），并通报卫生健康行政部门。",
        s.noticeServedOn() == null ? today : s.noticeServedOn());
  }

  /**
   * The decision as the objection left it: revoked, or in effect from today for the years (changed: the years the
   * review set) until the day before the same date so many years later; the audit names the objection.
   */
  @Transactional
  public QualificationStop takeEffect(String stopNo, String objectionOutcome, Integer changedYears, String objectionNo,
      String pi) {
    QualificationStop s = find(stopNo);
    if (!QualificationStop.NOTIFIED.equals(s.status())) {
      return s;
    }
    if ("REVOKED".equals(objectionOutcome)) {
      mapper.status(stopNo, QualificationStop.REVOKED);
      audit.record(AuditEntry.of(s.region(), ENTITY, stopNo, "REVOKED", s.status(), QualificationStop.REVOKED,
          "R-PERS-12", "停止医保结算资格的决定经异议程序撤销", pi, "objection=" + objectionNo));
      return mapper.find(stopNo);
    }
    int years = "CHANGED".equals(objectionOutcome) ? checkYears(s.region(), changedYears, "changedYears") : s.years();
    LocalDate from = today();
    LocalDate until = from.plusYears(years).minusDays(1);
    mapper.stopped(stopNo, years, from, until, objectionNo);
    audit.record(AuditEntry.of(s.region(), ENTITY, stopNo, "STOPPED", s.status(), QualificationStop.STOPPED, RULE,
        "停止医保结算资格 " + years + " 年：" + from + " 至 " + until, pi, "objectionOutcome=" + objectionOutcome));
    return mapper.find(stopNo);
  }

  /** R-VIO-12: not payable on a day a stop covers; empty when none does (the other checks then answer). */
  @Transactional(readOnly = true)
  public Optional<PersonnelPayability.Payable> stopped(String nationalCode, LocalDate date) {
    if (date == null) {
      return Optional.empty();
    }
    Person p = personnel.visibleByCode(nationalCode);
    return mapper.ofPerson(p.id()).stream().filter(s -> s.covers(date)).findFirst()
        .map(s -> new PersonnelPayability.Payable(nationalCode, date, false, RULE, "医保结算资格已停止（"
            + s.effectiveOn() + " 至 " + s.stoppedUntil() + "），医保基金不予支付", "Settlement qualification stopped "
            + s.effectiveOn() + " to " + s.stoppedUntil() + ": not paid by the fund", s.stopNo()));
  }

  @Transactional(readOnly = true)
  public List<QualificationStop> ofPerson(String nationalCode) {
    return mapper.ofPerson(personnel.visibleByCode(nationalCode).id());
  }

  QualificationStop find(String stopNo) {
    QualificationStop s = mapper.find(stopNo);
    if (s == null) {
      throw DomainRuleException.notFound("停止医保结算资格 / qualification stop", stopNo);
    }
    return s;
  }

  /** The years the form check reads for a stop's region. */
  public void checkChangedYears(String stopNo, Integer years) {
    checkYears(find(stopNo).region(), years, "changedYears");
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }
}
