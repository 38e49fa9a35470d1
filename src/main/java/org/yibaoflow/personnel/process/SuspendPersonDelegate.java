package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelMeasureEffects;
import org.yibaoflow.platform.ProcessVariables;

/** 中止服务协议 (R-PERS-6/7): the moment the suspension ends by itself is the timer of the process. */
@Component("suspendPersonDelegate")
class SuspendPersonDelegate implements JavaDelegate {

  private final PersonnelMeasureEffects service;

  SuspendPersonDelegate(PersonnelMeasureEffects service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("suspendedUntil", service.suspend(ProcessVariables.caseKey(execution),
        execution.getProcessInstanceId()));
  }
}
