package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationCaseClosed;
import org.yibaoflow.enforcement.ViolationRectificationService;
import org.yibaoflow.platform.ProcessVariables;

/** 结案: amounts, measures and dates in the registry and the audit trail; tells who waits on the case's end. */
@Component("closeViolationCaseDelegate")
public class CloseViolationCaseDelegate implements JavaDelegate {

  private final ViolationRectificationService service;
  private final ApplicationEventPublisher events;

  public CloseViolationCaseDelegate(ViolationRectificationService service, ApplicationEventPublisher events) {
    this.service = service;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = ProcessVariables.caseKey(execution);
    String outcome = service.close(caseNo, execution.getProcessInstanceId()).outcome();
    execution.setVariable("caseOutcome", outcome);
    events.publishEvent(new ViolationCaseClosed(caseNo, outcome, execution.getProcessInstanceId()));
  }
}
