package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelObjectionService;
import org.yibaoflow.platform.ProcessVariables;

/** 调整扣分记录: the objection changed the decision; the measure now in force (R-PERS-12). */
@Component("adjustLedgerDelegate")
class AdjustLedgerDelegate implements JavaDelegate {

  private final PersonnelObjectionService service;

  AdjustLedgerDelegate(PersonnelObjectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("measure", service.change(ProcessVariables.caseKey(execution),
        ProcessVariables.string(execution, "objectionNo"), ProcessVariables.integer(execution, "adjustedPoints"),
        ProcessVariables.integer(execution, "suspensionMonths"), ProcessVariables.string(execution, "changeNote"),
        execution.getProcessInstanceId()));
  }
}
