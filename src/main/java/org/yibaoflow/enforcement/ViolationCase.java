package org.yibaoflow.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A violation case (违约处理案件) as stored: the intake (source R-VIO-1, institution, suspected violations and
 * amount, external reference), the findings' amounts, the decided measure with its rule and amounts
 * (R-VIO-2..5, R-VIO-10, R-VIO-13), the notice, the objection outcome and how the case ended.
 */
public record ViolationCase(Long id, String caseNo, String region, String source, String externalRef,
    Long institutionId, String institutionType, Long agreementId, String suspectedViolations,
    BigDecimal suspectedAmount, String summary, String status, BigDecimal defraudedAmount, BigDecimal sampleAmount,
    BigDecimal samplingRatio, Integer fineMultiple, Boolean seriousRisk, String referralKinds, String measureClass,
    String measureRule, BigDecimal recoveryAmount, BigDecimal refusalAmount, BigDecimal fineProposal,
    Integer rectificationDays, LocalDate noticeServedOn, String objectionOutcome, String outcome,
    String processInstanceId, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
    OffsetDateTime closedAt) {

  public static final String INVESTIGATING = "INVESTIGATING";
  public static final String DOCUMENTS_REQUESTED = "DOCUMENTS_REQUESTED";
  public static final String DECIDING = "DECIDING";
  public static final String NOTICE_SERVED = "NOTICE_SERVED";
  public static final String RECTIFYING = "RECTIFYING";
  public static final String CLOSED = "CLOSED";

  /** One finding against the catalogue. */
  public record Finding(String code, int severity, String clause) {
  }

  /** One recorded measure or amount (unique per case and measure). */
  public record Measure(String measure, String ruleId, BigDecimal amount, String detail, String processInstanceId,
      OffsetDateTime recordedAt) {
  }
}
