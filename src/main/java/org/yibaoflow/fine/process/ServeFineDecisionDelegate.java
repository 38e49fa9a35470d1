package org.yibaoflow.fine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.fine.FineService;
import org.yibaoflow.platform.ProcessVariables;

/** 送达行政处罚决定书: the objection (administrative reconsideration) window counts from its service (R-PERS-12). */
@Component("serveFineDecisionDelegate")
class ServeFineDecisionDelegate implements JavaDelegate {

  private final FineService service;

  ServeFineDecisionDelegate(FineService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FineService.Served s = service.serveDecision(FineDelegates.fineNo(execution),
        ProcessVariables.string(execution, "institutionName"), execution.getProcessInstanceId());
    FineDelegates.served(execution, s, "decisionServedOn");
    execution.setVariable("decisionType", "ADMINISTRATIVE_FINE");
  }
}
