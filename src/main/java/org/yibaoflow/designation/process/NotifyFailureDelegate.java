package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.EvaluationService;
import org.yibaoflow.platform.ProcessVariables;

/** 告知评估不通过 (R-DES-2): reasons and advice; sets {@code reEvaluationClosesAt} and {@code failureReason}. */
@Component("notifyFailureDelegate")
class NotifyFailureDelegate implements JavaDelegate {

  private final EvaluationService service;

  NotifyFailureDelegate(EvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var failure = service.notifyFailure(ProcessVariables.caseKey(execution),
        ProcessVariables.string(execution, "expertResult"), ProcessVariables.string(execution, "expertOpinion"),
        ProcessVariables.flag(execution, "systemCheckPassed"),
        ProcessVariables.string(execution, "rectificationAdvice"));
    execution.setVariable("failureReason", failure.reason());
    execution.setVariable("reEvaluationClosesAt", failure.reEvaluationClosesAt());
  }
}
