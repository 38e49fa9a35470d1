package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;

/** 不再签订 (R-EVA-5, R-EVA-2); idempotent. */
@Component("notRenewAgreementDelegate")
class NotRenewAgreementDelegate implements JavaDelegate {

  private final AnnualEvaluationService service;

  NotRenewAgreementDelegate(AnnualEvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String bk = execution.getProcessBusinessKey();
    // R-EVA-2: decided now, effective when the current period ends (the timer 协议期满)
    execution.setVariable("nonRenewalTakesEffectAt", service.scheduleNonRenewal(bk));
  }
}
