package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.EvaluationService;
import org.yibaoflow.platform.ProcessVariables;

/** 关闭申请: no re-evaluation asked for within the window (R-DES-2). */
@Component("closeNotReEvaluatedDelegate")
class CloseNotReEvaluatedDelegate implements JavaDelegate {

  private final EvaluationService service;

  CloseNotReEvaluatedDelegate(EvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.closeNotReEvaluated(ProcessVariables.caseKey(execution));
  }
}
