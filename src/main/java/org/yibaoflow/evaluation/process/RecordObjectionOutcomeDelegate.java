package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;
import org.yibaoflow.evaluation.Grade;
import org.yibaoflow.evaluation.RenewalReasons;
import org.yibaoflow.platform.ProcessVariables;

/** 记录异议结果: a grade changed on objection is graded and decided again (gradeOverride). */
@Component("recordObjectionOutcomeDelegate")
class RecordObjectionOutcomeDelegate implements JavaDelegate {

  private final AnnualEvaluationService service;

  RecordObjectionOutcomeDelegate(AnnualEvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Grade changed = service.recordObjection(execution.getProcessBusinessKey(),
        ProcessVariables.string(execution, "objectionNo"), ProcessVariables.string(execution, "objectionOutcome"),
        ProcessVariables.string(execution, "effectiveDecision"), execution.getProcessInstanceId());
    execution.setVariable("gradeOverride", changed == null ? RenewalReasons.NONE : changed.name());
  }
}
