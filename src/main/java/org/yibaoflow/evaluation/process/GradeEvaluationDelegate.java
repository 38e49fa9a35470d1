package org.yibaoflow.evaluation.process;

import org.yibaoflow.platform.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.Grade;

/** 评定考核等次: the table processes/evaluation-grade.dmn (R-EVA-1) and its payment consequences. */
@Component("gradeEvaluationDelegate")
class GradeEvaluationDelegate implements JavaDelegate {

  static final String DECISION = "evaluation-grade";

  private final DecisionService decisions;

  GradeEvaluationDelegate(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DmnDecisionResultEntries r = decisions.evaluateDecisionByKey(DECISION).decisionDefinitionWithoutTenantId()
        .variables(Map.of("finalScore", ProcessVariables.value(execution, "finalScore"),
            "passScore", ProcessVariables.value(execution, "passScore"),
            "basicPassScore", ProcessVariables.value(execution, "basicPassScore"),
            "gradeOverride", ProcessVariables.value(execution, "gradeOverride")))
        .evaluate().getSingleResult();
    Grade grade = Grade.valueOf(r.getEntry("grade"));
    execution.setVariable("grade", grade.name());
    execution.setVariable("gradeZh", grade.zh());
    execution.setVariable("withheldPercent", ((Number) r.getEntry("withheldPercent")).intValue());
    execution.setVariable("preAllocationPercent", ((Number) r.getEntry("preAllocationPercent")).intValue());
  }
}
