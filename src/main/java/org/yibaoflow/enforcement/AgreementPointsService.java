package org.yibaoflow.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The agreement-points ledger (协议记分, R-EVA-3 [002 §二(一)1-2]): when a violation case's decision takes effect
 * (after the objection window, with the class the objection left it), the agreement gets the points of that
 * measure class on the region's scale ({@link AgreementPointsScale}), booked in the year the decision took
 * effect; a revoked decision gives none. One entry per case (unique constraint uq_agreement_points_case): a
 * retried job finds its entry and records nothing twice. Each entry is audited on the agreement
 * ({@code POINTS_RECORDED}). The annual evaluation reads a year's sum ({@link #yearOf}) and converts it into
 * deductions with the region setting {@code evaluation-points-factor}.
 */
@Service
public class AgreementPointsService {

  static final String AGREEMENT = "AGREEMENT";
  static final String ACTION = "POINTS_RECORDED";
  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;

  private final AgreementPointsMapper mapper;
  private final AgreementPointsScale scale;
  private final AgreementService agreements;
  private final AuditService audit;
  private final Clock clock;

  AgreementPointsService(AgreementPointsMapper mapper, AgreementPointsScale scale, AgreementService agreements,
      AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.scale = scale;
    this.agreements = agreements;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Books the points of a decision that took effect with {@code measureClass}; answers the existing entry when
   * the case has one (a retried job). Runs in the transaction of the decision's execution.
   */
  @Transactional
  public AgreementPoints recordDecision(ViolationCase c, String measureClass, String objectionOutcome,
      String processInstanceId) {
    AgreementPoints existing = mapper.findByCase(c.caseNo());
    if (existing != null) {
      return existing;
    }
    int points = scale.points(c.region(), measureClass);
    int pointsYear = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
    String reason = "案件 " + c.caseNo() + " 处理决定生效：" + MeasureClass.zhOf(measureClass)
        + "（异议结果 " + objectionOutcome + "），记协议管理分 " + points + " 分，计入 " + pointsYear + " 年度";
    String pi = processInstanceId != null ? processInstanceId : c.processInstanceId();
    mapper.insert(c.region(), c.agreementId(), c.caseNo(), measureClass, points, pointsYear, reason, pi,
        OffsetDateTime.now(clock));
    audit.record(AuditEntry.of(c.region(), AGREEMENT, String.valueOf(c.agreementId()), ACTION, null, null, "R-EVA-3",
        reason, pi, "caseNo=" + c.caseNo() + ", measureClass=" + measureClass + ", points=" + points + ", year="
            + pointsYear));
    return mapper.findByCase(c.caseNo());
  }

  /** An agreement's ledger, of one year or (year null) all years. */
  public record Ledger(long agreementId, Integer year, int total, List<AgreementPoints> entries) {
  }

  /** The ledger of an agreement of the current user's regions; 404 for another region's (not disclosed). */
  @Transactional(readOnly = true)
  public Ledger visible(long agreementId, Integer year) {
    if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
      throw DomainRuleException.badRequest("year", "R-EVA-3", "年度须在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间",
          "year must be " + MIN_YEAR + ".." + MAX_YEAR);
    }
    agreements.visible(agreementId);
    List<AgreementPoints> entries = year == null ? mapper.ofAgreement(agreementId) : mapper.ofYear(agreementId, year);
    return new Ledger(agreementId, year, entries.stream().mapToInt(AgreementPoints::points).sum(), entries);
  }

  /**
   * An agreement's year for the evaluation (no region check; a service port): the points, the decisions that
   * took effect (each one measure), and the case process instances they came from, so that the agreement
   * transitions those cases made are not counted as further measures.
   */
  public record YearTotal(int points, int decisions, List<String> caseProcessInstanceIds) {
  }

  @Transactional(readOnly = true)
  public YearTotal yearOf(long agreementId, int year) {
    List<AgreementPoints> entries = mapper.ofYear(agreementId, year);
    return new YearTotal(entries.stream().mapToInt(AgreementPoints::points).sum(), entries.size(),
        entries.stream().map(AgreementPoints::processInstanceId).filter(Objects::nonNull).distinct().toList());
  }
}
