package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录评估结论 (R-DES-2): sets {@code evaluationPassed}. */
@Component("recordEvaluationDelegate")
class RecordEvaluationDelegate implements JavaDelegate {

  private final DesignationService service;

  RecordEvaluationDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("evaluationPassed", service.recordEvaluation(
        ProcessVariables.caseKey(execution), ProcessVariables.number(execution, "expertScore"),
        ProcessVariables.string(execution, "expertResult"), ProcessVariables.string(execution, "expertOpinion"),
        ProcessVariables.flag(execution, "systemCheckPassed")));
  }
}
