package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.EvaluationService;
import org.yibaoflow.platform.ProcessVariables;

/** 开始评估 (R-DES-2): sets {@code evaluationRound}, {@code evaluationDeadline} and {@code evaluationWarningAt} for the timers. */
@Component("startEvaluationDelegate")
class StartEvaluationDelegate implements JavaDelegate {

  private final EvaluationService service;

  StartEvaluationDelegate(EvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var start = service.startEvaluation(ProcessVariables.caseKey(execution));
    execution.setVariable("evaluationRound", start.round());
    execution.setVariable("evaluationDeadline", start.deadlineAt());
    execution.setVariable("evaluationWarningAt", start.warningAt());
  }
}
