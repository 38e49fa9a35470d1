package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelMeasureService;

/** 调整扣分记录: the objection changed the decision; the measure now in force (R-PERS-12). */
@Component("adjustLedgerDelegate")
class AdjustLedgerDelegate implements JavaDelegate {

  private final PersonnelMeasureService service;

  AdjustLedgerDelegate(PersonnelMeasureService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("measure", service.change(execution.getProcessBusinessKey(),
        (String) execution.getVariable("objectionNo"), ScoringVariables.integer(execution, "adjustedPoints"),
        ScoringVariables.integer(execution, "suspensionMonths"), (String) execution.getVariable("changeNote"),
        execution.getProcessInstanceId()));
  }
}
