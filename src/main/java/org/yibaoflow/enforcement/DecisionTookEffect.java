package org.yibaoflow.enforcement;

/**
 * Published by 执行处理决定 (Task_ExecuteDecision) when a violation case's decision takes effect after its objection
 * window (not when the objection revoked it). Listeners run synchronously inside the job's transaction, read the
 * case by its number and start what follows the decision (the administrative fine R-VIO-10, the whistle-blower's
 * reward R-VIO-15); they must be idempotent, since the job may be retried.
 */
public record DecisionTookEffect(String caseNo, String processInstanceId) {
}
