package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelMeasureService;

/** 中止服务协议 (R-PERS-6/7): the moment the suspension ends by itself is the timer of the process. */
@Component("suspendPersonDelegate")
class SuspendPersonDelegate implements JavaDelegate {

  private final PersonnelMeasureService service;

  SuspendPersonDelegate(PersonnelMeasureService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("suspendedUntil", service.suspend(execution.getProcessBusinessKey(),
        execution.getProcessInstanceId()));
  }
}
