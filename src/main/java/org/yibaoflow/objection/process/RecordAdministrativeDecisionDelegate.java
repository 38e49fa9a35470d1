package org.yibaoflow.objection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.objection.Objection;
import org.yibaoflow.objection.ObjectionService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录行政部门决定: final for the process (R-PERS-12). */
@Component("recordAdministrativeDecisionDelegate")
class RecordAdministrativeDecisionDelegate implements JavaDelegate {

  private final ObjectionService service;

  RecordAdministrativeDecisionDelegate(ObjectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Objection o = service.recordAdministrativeDecision(ProcessVariables.caseKey(execution),
        Objection.Outcome.valueOf(ProcessVariables.string(execution, "adminOutcome")),
        ProcessVariables.string(execution, "adminChangedDecision"), ProcessVariables.string(execution, "adminReasons"));
    ObjectionDelegates.writeOutcome(execution, o);
  }
}
