package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelMeasureEffects;
import org.yibaoflow.platform.ProcessVariables;

/** 期满自动恢复 (R-PERS-7): a replaced case restores nothing. */
@Component("restorePersonDelegate")
class RestorePersonDelegate implements JavaDelegate {

  private final PersonnelMeasureEffects service;

  RestorePersonDelegate(PersonnelMeasureEffects service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("restored", service.restore(ProcessVariables.caseKey(execution),
        execution.getProcessInstanceId()));
  }
}
