package org.yibaoflow.enforcement;

import java.time.OffsetDateTime;

/**
 * One entry of the agreement-points ledger (协议记分, R-EVA-3): the points a violation case's decision gave the
 * agreement when it took effect, in the year it took effect ({@code pointsYear}, Asia/Shanghai).
 */
public record AgreementPoints(Long id, String region, Long agreementId, String caseNo, String measureClass,
    Integer points, Integer pointsYear, String reason, String processInstanceId, OffsetDateTime recordedAt) {
}
