package org.yibaoflow.objection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.objection.Objection;
import org.yibaoflow.objection.ObjectionService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录复核决定: the agency's approved review; the date it is served opens the second window. */
@Component("recordAgencyReviewDelegate")
class RecordAgencyReviewDelegate implements JavaDelegate {

  private final ObjectionService service;

  RecordAgencyReviewDelegate(ObjectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Objection o = service.recordAgencyReview(ProcessVariables.caseKey(execution),
        Objection.Outcome.valueOf(ProcessVariables.string(execution, "reviewOutcome")),
        ProcessVariables.string(execution, "changedDecision"), ProcessVariables.string(execution, "reviewReasons"));
    ObjectionDelegates.writeOutcome(execution, o);
    execution.setVariable("reviewServedOn", o.reviewServedOn().toString());
  }
}
