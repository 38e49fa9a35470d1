package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.EvaluationService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录再次评估申请 (R-DES-2). */
@Component("recordReEvaluationRequestDelegate")
class RecordReEvaluationRequestDelegate implements JavaDelegate {

  private final EvaluationService service;

  RecordReEvaluationRequestDelegate(EvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordReEvaluationRequest(ProcessVariables.caseKey(execution));
  }
}
