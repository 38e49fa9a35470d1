package org.yibaoflow.objection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.objection.ObjectionService;
import org.yibaoflow.platform.ProcessVariables;

/** 决定生效: a window ran out unused; the decision as it stands becomes final. */
@Component("decisionBecomesFinalDelegate")
class DecisionBecomesFinalDelegate implements JavaDelegate {

  private final ObjectionService service;

  DecisionBecomesFinalDelegate(ObjectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ObjectionDelegates.writeOutcome(execution,
        service.becomeFinal(ProcessVariables.caseKey(execution)));
  }
}
