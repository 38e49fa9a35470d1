package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationCaseService;
import org.yibaoflow.platform.ProcessVariables;

/** 执行处理决定: the decision as the objection left it (R-VIO-2..5, R-VIO-10, R-VIO-13). */
@Component("executeDecisionDelegate")
public class ExecuteDecisionDelegate implements JavaDelegate {

  private final ViolationCaseService service;

  public ExecuteDecisionDelegate(ViolationCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var e = service.executeDecision(ProcessVariables.caseKey(execution), ProcessVariables.string(execution, "objectionOutcome"),
        ProcessVariables.string(execution, "changedMeasureClass"), execution.getProcessInstanceId());
    execution.setVariable("rectificationOrdered", e.rectificationOrdered());
    execution.setVariable("rectificationDays", e.rectificationDays());
    execution.setVariable("agreementTerminated", e.agreementTerminated());
  }
}
