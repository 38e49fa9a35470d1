package org.yibaoflow.personnel;

import static org.yibaoflow.personnel.PersonnelMeasureService.ENTITY;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.personnel.PersonnelMeasuresDecision.Measure;
import org.yibaoflow.personnel.PersonnelRuleSets.RuleSet;
import org.yibaoflow.personnel.PointsMapper.Inspection;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * What an objection (R-PERS-12, 004 §六(一)) does to a personnel measure case: revoked, the inspection's points
 * leave the year's ledger; changed, the inspection counts the changed points and the band is read again from
 * the rule set. Both audited, idempotent per case.
 */
@Service
public class PersonnelObjectionService {

  private final MeasureMapper mapper;
  private final PointsMapper points;
  private final PersonnelMeasureService measures;
  private final PersonnelRuleSets ruleSets;
  private final PersonnelMeasuresDecision decision;
  private final AuditService audit;
  private final Clock clock;

  PersonnelObjectionService(MeasureMapper mapper, PointsMapper points, PersonnelMeasureService measures,
      PersonnelRuleSets ruleSets, PersonnelMeasuresDecision decision, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.points = points;
    this.measures = measures;
    this.ruleSets = ruleSets;
    this.decision = decision;
    this.audit = audit;
    this.clock = clock;
  }


  /**
   * The objection revoked the decision: the inspection's points leave the ledger, audited. A failed yearly
   * test's termination revoked or changed on objection (R-PERS-2) has no points: the case ends, nothing was
   * terminated.
   */
  @Transactional
  public void revoke(String caseNo, String objectionNo, String processInstanceId) {
    PersonnelMeasure m = measures.find(caseNo);
    boolean failedTest = PersonnelMeasure.FAILED_TEST.equals(m.measure());
    if (!failedTest) {
      Inspection i = inspection(m);
      adjustLedger(m, i, -i.points(), "异议 " + objectionNo + " 撤销原处理决定，冲回检查 " + i.inspectionRef() + " 的扣分",
          processInstanceId);
    }
    if (mapper.changeStatus(caseNo, PersonnelMeasure.NOTIFIED, PersonnelMeasure.REVOKED) == 1) {
      audit.record(AuditEntry.of(m.region(), ENTITY, caseNo, "REVOKED", m.status(), PersonnelMeasure.REVOKED,
          failedTest ? "R-PERS-2" : "R-PERS-12", "异议 " + objectionNo + (failedTest
              ? " 撤销或变更年度测试未合格的解除决定，不解除服务协议 / termination for the failed test not executed"
              : " 撤销原处理决定 / revoked on objection"), processInstanceId, null));
    }
  }

  /**
   * The objection changed the decision: the inspection counts {@code adjustedPoints} instead, the year's total
   * is corrected and the band re-read from the rule set's table; answers the measure now in force.
   */
  @Transactional
  public String change(String caseNo, String objectionNo, int adjustedPoints, Integer chosenMonths, String note,
      String processInstanceId) {
    PersonnelMeasure m = measures.find(caseNo);
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
    Measure now = decision.measure(m.region(), ruleSet, total, m.personId(), m.pointsYear());
    Integer months = null;
    if (now.measure().startsWith("SUSPEND")) {
      months = now.months() != 0 ? measures.months(m.region(), now.measure())
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
}
