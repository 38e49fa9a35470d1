package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;

/** 缓签 (R-EVA-4): the next period signed DEFERRED; idempotent. */
@Component("deferAgreementDelegate")
class DeferAgreementDelegate implements JavaDelegate {

  private final AnnualEvaluationService service;

  DeferAgreementDelegate(AnnualEvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String bk = execution.getProcessBusinessKey();
    String pi = execution.getProcessInstanceId();
    service.defer(bk, pi);
  }
}
