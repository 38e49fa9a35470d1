package org.yibaoflow.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Every task card in Tasklist names its case: on create, the task gets the task variables {@code caseNo}
 * (案件编号), {@code institutionName} (机构名称) and {@code personName} (相关人员) of the case it belongs to,
 * taken from the top-level process instance (the case: its {@code caseNo} variable or business key, and the
 * names its registration set), so an objection or a transfer called from a violation case shows that case.
 * Display only: task-local, gone with the task, never read by a delegate (delegates take the case from the
 * process instance).
 */
class CaseLabelListener implements TaskListener {

  static final String CASE_NO = "caseNo";
  static final String INSTITUTION_NAME = "institutionName";
  static final String PERSON_NAME = "personName";

  @Override
  public void notify(DelegateTask task) {
    if (!(task.getExecution() instanceof ExecutionEntity execution)) {
      return;
    }
    ExecutionEntity root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    Object caseNo = root.getVariable(CASE_NO);
    label(task, CASE_NO, caseNo != null ? caseNo : root.getBusinessKey());
    label(task, INSTITUTION_NAME, root.getVariable(INSTITUTION_NAME));
    label(task, PERSON_NAME, root.getVariable(PERSON_NAME));
  }

  private static void label(DelegateTask task, String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      task.setVariableLocal(name, value.toString());
    }
  }
}
