package org.yibaoflow.enforcement;

/**
 * Published by 结案 (Task_CloseCase) when a violation case ends, whichever way (measures executed, the objection
 * revoked the decision, the agreement terminated for missing records), with the outcome 结案 recorded. Listeners run
 * synchronously inside the job's transaction and must be idempotent, since the job may be retried; what waited for
 * a {@link DecisionTookEffect} that never came (a founded whistle-blower report) ends here.
 */
public record ViolationCaseClosed(String caseNo, String outcome, String processInstanceId) {
}
