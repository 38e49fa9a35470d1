package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.EvaluationService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录禁止申请期 (R-DES-1): the re-evaluation failed too. */
@Component("barApplicationsDelegate")
class BarApplicationsDelegate implements JavaDelegate {

  private final EvaluationService service;

  BarApplicationsDelegate(EvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("barredUntil",
        service.bar(ProcessVariables.caseKey(execution)).barredUntil().toString());
  }
}
