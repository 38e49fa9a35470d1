package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationDecisionService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 制作处理决定书: the approved decision in words, for the document the step generates (its {@code documentListener})
 * and the objection that follows; the caseworker serves it in the next task (issue 17), nothing is served here.
 */
@Component("issueDecisionDelegate")
public class IssueDecisionDelegate implements JavaDelegate {

  private final ViolationDecisionService service;

  public IssueDecisionDelegate(ViolationDecisionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var n = service.decisionNotice(ProcessVariables.caseKey(execution));
    execution.setVariable("decisionType", n.decisionType());
    execution.setVariable("decision", n.decision());
    execution.setVariable("party", n.party());
  }
}
