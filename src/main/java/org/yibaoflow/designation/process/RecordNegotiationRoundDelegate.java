package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.SigningService;

/** 记录谈判情况 (R-DES-4): numbers the round ({@code negotiationRound}) and records it. */
@Component("recordNegotiationRoundDelegate")
class RecordNegotiationRoundDelegate implements JavaDelegate {

  private final SigningService service;

  RecordNegotiationRoundDelegate(SigningService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object previous = execution.getVariable("negotiationRound");
    int round = previous == null ? 1 : ((Number) previous).intValue() + 1;
    service.recordRound((String) execution.getVariable("applicationNo"), round, new SigningService.Round(
        (String) execution.getVariable("serviceContent"), (String) execution.getVariable("paymentMethod"),
        (String) execution.getVariable("settlementStandard"), (String) execution.getVariable("negotiationMinutes"),
        (String) execution.getVariable("participants"), (String) execution.getVariable("negotiationOutcome")),
        (String) execution.getVariable("completedBy"));
    execution.setVariable("negotiationRound", round);
  }
}
