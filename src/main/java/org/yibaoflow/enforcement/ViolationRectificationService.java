package org.yibaoflow.enforcement;

import static org.yibaoflow.enforcement.ViolationCaseSupport.ENTITY;
import static org.yibaoflow.enforcement.ViolationCaseSupport.terminationRule;
import static org.yibaoflow.enforcement.ViolationCaseSupport.truncate;

import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;

/**
 * 限期整改 and 结案 of a violation case: the rectification period (R-VIO-2, R-TIME-2), the re-inspection's outcome
 * (rectified: the agreement resumes; not rectified: suspension, and termination when already suspended, R-VIO-3/4/5)
 * and the closing, which resumes a settlement only this case stopped (R-VIO-6/7).
 */
@Service
public class ViolationRectificationService {

  private final ViolationCaseMapper mapper;
  private final ViolationCaseSupport support;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final AuditService audit;

  ViolationRectificationService(ViolationCaseMapper mapper, ViolationCaseSupport support, AgreementService agreements,
      RegionSettingsService settings, AuditService audit) {
    this.mapper = mapper;
    this.support = support;
    this.agreements = agreements;
    this.settings = settings;
    this.audit = audit;
  }

  /** Opens a rectification period: the decided days, or the region's default (R-VIO-2). Returns the days. */
  @Transactional
  public int openRectification(String caseNo, Integer requestedDays, String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    int days = requestedDays != null && requestedDays > 0 ? requestedDays
        : c.rectificationDays() != null ? c.rectificationDays()
            : settings.value(c.region(), RegionSetting.RECTIFICATION_PERIOD);
    audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "RECTIFICATION_ORDERED", c.status(),
        ViolationCase.RECTIFYING, "R-VIO-2", "责令限期整改，期限 " + days + " 日（R-TIME-2）", processInstanceId, null));
    return days;
  }

  /** Re-inspection passed: rectified. A suspension ends (SUSPENDED -> ACTIVE, RECTIFIED), a settlement stop too. */
  @Transactional
  public void recordRectified(String caseNo, String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    if (support.record(c, "RECTIFIED", "R-VIO-2", null, "整改复查通过", processInstanceId)) {
      Agreement a = agreements.find(c.agreementId());
      if (a.state() == AgreementState.SUSPENDED) {
        support.transition(c, AgreementState.ACTIVE, "RECTIFIED", "R-VIO-2", "案件 " + caseNo + " 整改到位，恢复履行协议",
            processInstanceId);
      } else if (a.state() == AgreementState.SETTLEMENT_SUSPENDED) {
        support.transition(c, AgreementState.ACTIVE, "SETTLEMENT_RESUMED", "R-VIO-2", "案件 " + caseNo + " 整改到位，恢复结算",
            processInstanceId);
      }
    }
  }

  /**
   * Re-inspection failed or the period lapsed: escalation to agreement suspension (count + 1; at the region's
   * count the agreement is terminated at once, R-VIO-5); when already suspended, not rectified while suspended
   * terminates (R-VIO-3 hospital, R-VIO-4 pharmacy). Returns whether the agreement is terminated.
   */
  @Transactional
  public boolean recordNotRectified(String caseNo, boolean lapsed, String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    Agreement a = agreements.find(c.agreementId());
    String why = "案件 " + caseNo + (lapsed ? " 整改期限届满未报告整改" : " 整改复查不合格");
    if (a.state() == AgreementState.SUSPENDED) {
      if (support.record(c, "NOT_RECTIFIED_TERMINATION", terminationRule(c), null, why + "，中止期间未按时整改，解除协议",
          processInstanceId)) {
        support.transition(c, AgreementState.TERMINATED, "NOT_RECTIFIED", terminationRule(c), why + "，中止期间未按时整改或整改不到位",
            processInstanceId);
      }
    } else if (a.state() != AgreementState.TERMINATED) {
      if (support.record(c, "NOT_RECTIFIED_SUSPENSION", "R-VIO-2", null, why + "，中止协议", processInstanceId)) {
        support.transition(c, AgreementState.SUSPENDED, "VIOLATION", "R-VIO-2", why + "，中止协议", processInstanceId);
      }
    }
    return agreements.find(c.agreementId()).state() == AgreementState.TERMINATED;
  }

  // ---------------------------------------------------------------- closing (结案)

  /**
   * Closes the case with its outcome; amounts, measures and dates are in the case's rows and the audit trail.
   * A settlement this case stopped (serious risk R-VIO-6, records R-VIO-7) and no measure kept stopped resumes:
   * the case is decided and the agreement was neither terminated nor suspended.
   */
  @Transactional
  public ViolationCase close(String caseNo, String processInstanceId) {
    ViolationCase c = support.find(caseNo);
    Agreement a = agreements.find(c.agreementId());
    boolean stoppedHere = mapper.measureCount(caseNo, "RISK_SETTLEMENT_SUSPENSION")
        + mapper.measureCount(caseNo, "DOCUMENTS_REQUESTED") + mapper.measureCount(caseNo, "SETTLEMENT_SUSPENSION") > 0;
    if (a.state() == AgreementState.SETTLEMENT_SUSPENDED && c.closedAt() == null && stoppedHere
        && support.record(c, "SETTLEMENT_RESUMED", "R-VIO-2", null, "结案，恢复结算", processInstanceId)) {
      support.transition(c, AgreementState.ACTIVE, "SETTLEMENT_RESUMED", "R-VIO-2",
          "案件 " + caseNo + " 已处理完毕，恢复结算", processInstanceId);
      a = agreements.find(c.agreementId());
    }
    String outcome = a.state() == AgreementState.TERMINATED ? "AGREEMENT_TERMINATED"
        : "REVOKED".equals(c.objectionOutcome()) ? "DECISION_REVOKED" : "MEASURES_EXECUTED";
    if (mapper.close(caseNo, outcome, support.now()) > 0) {
      String measuresList = mapper.measures(caseNo).stream()
          .map(m -> m.measure() + (m.amount() == null ? "" : " " + m.amount().toPlainString()))
          .collect(Collectors.joining(", "));
      audit.record(AuditEntry.of(c.region(), ENTITY, caseNo, "CLOSED", c.status(), ViolationCase.CLOSED,
          c.measureRule() == null ? "R-VIO-7" : c.measureRule(), "结案：" + outcome + "，协议状态 " + a.state().zh(),
          processInstanceId, truncate("measures=" + measuresList + "; agreementState=" + a.state()
              + "; suspensionCount=" + a.suspensionCount())));
    }
    return mapper.find(caseNo);
  }}
