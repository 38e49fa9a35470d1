package org.yibaoflow.objection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.objection.Objection;
import org.yibaoflow.objection.ObjectionService;
import org.yibaoflow.platform.ProcessVariables;

/** 开启异议期: registers the objection case; its number becomes the business key. */
@Component("openObjectionWindowDelegate")
class OpenObjectionWindowDelegate implements JavaDelegate {

  private final ObjectionService service;

  OpenObjectionWindowDelegate(ObjectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Objection o = service.open(execution.getProcessInstanceId(), execution.getTenantId(),
        ProcessVariables.string(execution, ObjectionDelegates.SUBJECT_REF),
        ProcessVariables.string(execution, ObjectionDelegates.DECISION_TYPE),
        ProcessVariables.string(execution, ObjectionDelegates.DECISION),
        ProcessVariables.string(execution, ObjectionDelegates.PARTY),
        Deadlines.toDate(ProcessVariables.value(execution, ObjectionDelegates.NOTICE_SERVED_ON)));
    execution.setVariable(ObjectionDelegates.OBJECTION_NO, o.objectionNo());
    execution.setVariable("objectionWindowWorkingDays", o.windowWorkingDays());
    execution.setProcessBusinessKey(o.objectionNo());
  }
}
