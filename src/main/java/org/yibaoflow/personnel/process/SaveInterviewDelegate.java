package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelMeasureService;
import org.yibaoflow.platform.ProcessVariables;

/** 保存约谈记录 (R-PERS-6: 5 points => interview via the institution, recorded). */
@Component("saveInterviewDelegate")
class SaveInterviewDelegate implements JavaDelegate {

  private final PersonnelMeasureService service;

  SaveInterviewDelegate(PersonnelMeasureService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordInterview(ProcessVariables.caseKey(execution),
        org.yibaoflow.calendar.Deadlines.toDate(ProcessVariables.value(execution, "interviewedOn")),
        ProcessVariables.string(execution, "interviewNote"), execution.getProcessInstanceId());
  }
}
