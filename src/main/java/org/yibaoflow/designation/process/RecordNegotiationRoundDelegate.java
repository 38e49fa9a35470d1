package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.SigningService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录谈判情况 (R-DES-4): numbers the round ({@code negotiationRound}) and records it. */
@Component("recordNegotiationRoundDelegate")
class RecordNegotiationRoundDelegate implements JavaDelegate {

  private final SigningService service;

  RecordNegotiationRoundDelegate(SigningService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object previous = ProcessVariables.value(execution, "negotiationRound");
    int round = previous == null ? 1 : ((Number) previous).intValue() + 1;
    service.recordRound(ProcessVariables.caseKey(execution), round, new SigningService.Round(
        ProcessVariables.string(execution, "serviceContent"), ProcessVariables.string(execution, "paymentMethod"),
        ProcessVariables.string(execution, "settlementStandard"), ProcessVariables.string(execution, "negotiationMinutes"),
        ProcessVariables.string(execution, "participants"), ProcessVariables.string(execution, "negotiationOutcome")),
        ProcessVariables.string(execution, "completedBy"));
    execution.setVariable("negotiationRound", round);
  }
}
