package org.yibaoflow.institution;

/** A requested agreement transition: the target, its cause and rule, the reason (mandatory) and the case. */
public record TransitionCommand(AgreementState to, String cause, String ruleId, String reason,
    String processInstanceId) {
}
