package org.yibaoflow.institution;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A service agreement (服务协议) of one institution for one period. {@code suspensionCount} counts the
 * sanction suspensions within the period (R-VIO-5); {@code version} is the optimistic lock.
 */
public record Agreement(Long id, Long institutionId, String region, LocalDate periodStart, LocalDate periodEnd,
    AgreementState state, Integer suspensionCount, OffsetDateTime stateSince, Long version,
    OffsetDateTime createdAt) {
}
