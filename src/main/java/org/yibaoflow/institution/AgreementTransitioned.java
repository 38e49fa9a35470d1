package org.yibaoflow.institution;

/** Published inside the transaction of an agreement transition, to {@link AgreementTransitionListener}s. */
public record AgreementTransitioned(long agreementId, long institutionId, String region, AgreementState from,
    AgreementState to, String cause, String ruleId, String reason, String processInstanceId) {
}
