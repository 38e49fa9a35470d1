package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelMeasureEffects;
import org.yibaoflow.platform.ProcessVariables;

/** 解除服务协议 (R-PERS-6/8) with the re-sign bar of the rule set. */
@Component("terminatePersonDelegate")
class TerminatePersonDelegate implements JavaDelegate {

  private final PersonnelMeasureEffects service;

  TerminatePersonDelegate(PersonnelMeasureEffects service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("barUntil", service.terminate(ProcessVariables.caseKey(execution),
        execution.getProcessInstanceId()).toString());
  }
}
