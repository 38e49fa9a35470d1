package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelMeasureService;
import org.yibaoflow.platform.ProcessVariables;

/** 书面通知执业机构 (R-PERS-12): the written decision, and the in-variables of the objection call activity. */
@Component("notifyInstitutionDelegate")
class NotifyInstitutionDelegate implements JavaDelegate {

  private final PersonnelMeasureService service;

  NotifyInstitutionDelegate(PersonnelMeasureService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PersonnelMeasureService.Notice n = service.notifyInstitution(ProcessVariables.caseKey(execution),
        ProcessVariables.integer(execution, "suspensionMonths"), execution.getProcessInstanceId());
    execution.setVariable("decisionType", n.decisionType());
    execution.setVariable("decision", n.decision());
    execution.setVariable("party", n.party());
    execution.setVariable("noticeServedOn", n.servedOn().toString());
    execution.setVariable("subjectRef", ProcessVariables.caseKey(execution));
  }
}
