package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;

/** 协议期满，不再签订生效 (R-EVA-2 timing, R-EVA-5): the agreement becomes NOT_RENEWED; idempotent. */
@Component("notRenewEffectDelegate")
class NotRenewEffectDelegate implements JavaDelegate {

  private final AnnualEvaluationService service;

  NotRenewEffectDelegate(AnnualEvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.notRenew(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
