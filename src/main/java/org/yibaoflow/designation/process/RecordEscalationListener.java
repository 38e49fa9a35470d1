package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.EvaluationService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * On completion of 评估时限临近督办 / 评估超时督办 (R-DES-2): the supervisor's note goes to the audit trail of the
 * application, in the completing user's transaction.
 */
@Component("recordEscalationListener")
class RecordEscalationListener implements TaskListener {

  static final String OVERDUE_TASK = "Task_EscalateEvaluationOverdue";

  private final EvaluationService evaluation;

  RecordEscalationListener(EvaluationService evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public void notify(DelegateTask task) {
    evaluation.recordEscalation(ProcessVariables.caseKey(task),
        OVERDUE_TASK.equals(task.getTaskDefinitionKey()), ProcessVariables.string(task, "supervisionNote"));
  }
}
