package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;

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
        (String) execution.getVariable("applicationNo"), (Number) execution.getVariable("expertScore"),
        (String) execution.getVariable("expertResult"), (String) execution.getVariable("expertOpinion"),
        Boolean.TRUE.equals(execution.getVariable("systemCheckPassed"))));
  }
}
