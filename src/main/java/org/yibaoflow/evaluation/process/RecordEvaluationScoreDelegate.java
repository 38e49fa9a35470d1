package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;
import org.yibaoflow.evaluation.RenewalControl;
import org.yibaoflow.platform.ProcessVariables;

/** 记录评分: the caseworker's score less the deduction (R-EVA-3) becomes the final score. */
@Component("recordEvaluationScoreDelegate")
class RecordEvaluationScoreDelegate implements JavaDelegate {

  private final AnnualEvaluationService service;
  private final RenewalControl control;

  RecordEvaluationScoreDelegate(AnnualEvaluationService service, RenewalControl control) {
    this.service = service;
    this.control = control;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object score = ProcessVariables.value(execution, "evaluationScore");
    int finalScore = service.recordScore(execution.getProcessBusinessKey(),
        score instanceof Number n ? n.intValue() : null, ProcessVariables.string(execution, "nonRenewalCase"),
        ProcessVariables.string(execution, "deferralCase"), execution.getProcessInstanceId());
    execution.setVariable("finalScore", finalScore);
    // R-EVA-5: what the server keeps, for the review form (the decision reads it from the server again)
    execution.setVariable("nonRenewalCase", control.decidingCase(execution.getProcessBusinessKey()));
    execution.setVariable("requiredNonRenewal", control.requiredCase(execution.getProcessBusinessKey()));
  }
}
