package org.yibaoflow.institution;

import java.time.LocalDate;

/** A line of the institution list: the record, its current agreement's state and a ban in force. */
public record InstitutionSummary(Long id, String region, String code, String name, String type, String creditCode,
    String level, Long agreementId, AgreementState agreementState, LocalDate bannedUntil) {
}
