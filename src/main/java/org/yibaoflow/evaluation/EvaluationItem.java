package org.yibaoflow.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One agreement's evaluation in a campaign: one {@code annual-evaluation} instance (business key). */
public record EvaluationItem(Long id, Long campaignId, Long agreementId, Long institutionId, String region,
    Integer evalYear, String businessKey, String processInstanceId, String status, Integer agreementPoints,
    Integer deductionPoints, Integer measuresInYear, Integer suspensionCount, Boolean licencesValid,
    BigDecimal settlementAmount, Integer personnelTotal, Integer personnelSuspended, String previousGrade,
    Integer score, Integer finalScore, String scoredBy, String grade, Integer withheldPercent,
    Integer preAllocationPercent, String outcome, String reasonCode, String ruleId, LocalDate noticeServedOn,
    String objectionNo, String objectionOutcome, Long newAgreementId, String signingChannel, String appliedOutcome,
    OffsetDateTime appliedAt, OffsetDateTime startedAt, OffsetDateTime updatedAt) {
}
