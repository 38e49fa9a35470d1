package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;
import org.yibaoflow.platform.ProcessVariables;

/** 线上续签协议 (R-DES-4): a new agreement period; idempotent. */
@Component("renewAgreementDelegate")
class RenewAgreementDelegate implements JavaDelegate {

  private final AnnualEvaluationService service;

  RenewAgreementDelegate(AnnualEvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String bk = execution.getProcessBusinessKey();
    String pi = execution.getProcessInstanceId();
    service.renew(bk, ProcessVariables.string(execution, "signingChannel"), pi);
  }
}
