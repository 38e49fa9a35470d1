package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;

/** 解除协议, 不合格 two years in a row (R-EVA-2); idempotent. */
@Component("terminateAgreementDelegate")
class TerminateAgreementDelegate implements JavaDelegate {

  private final AnnualEvaluationService service;

  TerminateAgreementDelegate(AnnualEvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String bk = execution.getProcessBusinessKey();
    String pi = execution.getProcessInstanceId();
    service.terminate(bk, pi);
  }
}
