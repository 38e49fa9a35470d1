package org.yibaoflow.personnel;

import static org.yibaoflow.personnel.PersonnelMeasureService.ENTITY;
import static org.yibaoflow.personnel.PersonnelMeasureService.MESSAGE_REPLACED;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.personnel.PersonnelRuleSets.RuleSet;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.EngineAsApplication;

/**
 * A personnel measure taking effect after its objection window (R-PERS-12): suspension of the person's
 * agreements at all sites with its own expiry (R-PERS-6/7; a higher band replaces the remainder), termination
 * with the re-sign bar (R-PERS-8), and the restoration when a suspension expires. Idempotent per case.
 */
@Service
public class PersonnelMeasureEffects {

  private final MeasureMapper mapper;
  private final PersonnelMeasureService measures;
  private final PersonnelService personnel;
  private final PersonnelRuleSets ruleSets;
  private final Deadlines deadlines;
  private final RuntimeService runtime;
  private final EngineAsApplication engine;
  private final AuditService audit;
  private final Clock clock;

  PersonnelMeasureEffects(MeasureMapper mapper, PersonnelMeasureService measures, PersonnelService personnel,
      PersonnelRuleSets ruleSets, Deadlines deadlines, RuntimeService runtime, EngineAsApplication engine,
      AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.measures = measures;
    this.personnel = personnel;
    this.ruleSets = ruleSets;
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Suspends the person's agreements at all sites from today for the case's months (R-PERS-6); the answer is
   * the moment the suspension ends by itself (R-PERS-7; end of the last day, calendar R-TIME-2), the timer of
   * the process. A suspension of an earlier case still running is replaced from today (R-PERS-7 product
   * decision): that case is marked REPLACED and its process told so, so its timer cannot restore early.
   */
  @Transactional
  public Date suspend(String caseNo, String processInstanceId) {
    PersonnelMeasure m = measures.find(caseNo);
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
      m = measures.find(caseNo);
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
   * severity — reached cumulatively, one incident of 12, or three years at 9+), or, for a failed yearly test,
   * the region's failed-test bar from today (R-PERS-2). After the objection window only (status NOTIFIED).
   */
  @Transactional
  public LocalDate terminate(String caseNo, String processInstanceId) {
    PersonnelMeasure m = measures.find(caseNo);
    if (PersonnelMeasure.NOTIFIED.equals(m.status())) {
      LocalDate today = LocalDate.now(clock);
      // R-PERS-2: a failed yearly test bars personnel-failed-test-bar years (004 §三(三): 1 year) from the
      // termination; a band: the rule set's bar by severity (R-PERS-8)
      boolean failedTest = PersonnelMeasure.FAILED_TEST.equals(m.measure());
      RuleSet ruleSet = ruleSets.byKey(m.ruleSet()).orElseThrow();
      int years = failedTest ? measures.failedTestBarYears(m.region())
          : ruleSet.barYears(m.band(), Boolean.TRUE.equals(m.singleIncident()));
      String rule = failedTest ? "R-PERS-2" : "R-PERS-8";
      LocalDate barUntil = today.plusYears(years);
      String reason = (failedTest ? "处理案件 " + caseNo + "：" + m.pointsYear() + " 年度测试未合格"
          : "记分处理 " + caseNo + "：年度累计扣 " + m.total() + " 分（" + m.band() + " 档）") + "，解除服务协议，" + years
          + " 年内（至 " + barUntil + "）不再签订";
      replaceRunning(m, today, processInstanceId);
      terminateAll(m.personId(), barUntil, rule, reason, processInstanceId);
      mapper.terminated(caseNo, today, barUntil);
      audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "TERMINATED", m.status(), PersonnelMeasure.TERMINATED,
          rule, reason, processInstanceId, "barUntil=" + barUntil + ", barYears=" + years));
      m = measures.find(caseNo);
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
    PersonnelMeasure m = measures.find(caseNo);
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
}
