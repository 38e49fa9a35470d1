package org.yibaoflow.objection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.objection.Objection;
import org.yibaoflow.objection.ObjectionService;

/** 记录行政部门决定: final for the process (R-PERS-12). */
@Component("recordAdministrativeDecisionDelegate")
class RecordAdministrativeDecisionDelegate implements JavaDelegate {

  private final ObjectionService service;

  RecordAdministrativeDecisionDelegate(ObjectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Objection o = service.recordAdministrativeDecision((String) execution.getVariable(ObjectionDelegates.OBJECTION_NO),
        Objection.Outcome.valueOf((String) execution.getVariable("adminOutcome")),
        (String) execution.getVariable("adminChangedDecision"), (String) execution.getVariable("adminReasons"));
    ObjectionDelegates.writeOutcome(execution, o);
  }
}
