package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.DecisionTookEffect;
import org.yibaoflow.enforcement.ViolationDecisionService;
import org.yibaoflow.platform.ProcessVariables;

/** 执行处理决定: the decision as the objection left it (R-VIO-2..5, R-VIO-10, R-VIO-13). */
@Component("executeDecisionDelegate")
public class ExecuteDecisionDelegate implements JavaDelegate {

  private final ViolationDecisionService service;
  private final ApplicationEventPublisher events;

  public ExecuteDecisionDelegate(ViolationDecisionService service, ApplicationEventPublisher events) {
    this.service = service;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = ProcessVariables.caseKey(execution);
    String objectionOutcome = ProcessVariables.string(execution, "objectionOutcome");
    var e = service.executeDecision(caseNo, objectionOutcome,
        ProcessVariables.string(execution, "changedMeasureClass"), execution.getProcessInstanceId());
    if (!"REVOKED".equals(objectionOutcome)) {
      events.publishEvent(new DecisionTookEffect(caseNo, execution.getProcessInstanceId()));
    }
    execution.setVariable("rectificationOrdered", e.rectificationOrdered());
    execution.setVariable("rectificationDays", e.rectificationDays());
    execution.setVariable("agreementTerminated", e.agreementTerminated());
  }
}
