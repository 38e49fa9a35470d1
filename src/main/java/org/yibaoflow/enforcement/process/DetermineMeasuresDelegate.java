package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationDecisionService;
import org.yibaoflow.platform.ProcessVariables;

/** 认定处理措施: DMN violation-measures and the amounts (R-VIO-2..6, R-VIO-8, R-VIO-10, R-VIO-13). */
@Component("determineMeasuresDelegate")
public class DetermineMeasuresDelegate implements JavaDelegate {

  private final ViolationDecisionService service;

  public DetermineMeasuresDelegate(ViolationDecisionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var d = service.determineMeasures(ProcessVariables.caseKey(execution), execution.getProcessInstanceId());
    execution.setVariable("measureClass", d.measureClass());
    execution.setVariable("measureRule", d.ruleId());
    execution.setVariable("rectificationDays", d.rectificationDays());
    execution.setVariable("recoveryAmount", d.recovery().toPlainString());
    execution.setVariable("refusalAmount", d.refusal().toPlainString());
    execution.setVariable("fineProposal", d.fine().toPlainString());
    execution.setVariable("proposedDecision", d.text());
  }
}
