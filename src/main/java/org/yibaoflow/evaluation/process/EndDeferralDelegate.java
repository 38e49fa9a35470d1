package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;
import org.yibaoflow.platform.ProcessVariables;

/** 缓签结束 (R-EVA-4): cleared and passed => signed; otherwise not renewed. */
@Component("endDeferralDelegate")
class EndDeferralDelegate implements JavaDelegate {

  static final String PASSED = "PASSED";

  private final AnnualEvaluationService service;

  EndDeferralDelegate(AnnualEvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.endDeferral(execution.getProcessBusinessKey(), PASSED.equals(ProcessVariables.value(execution, "deferralResult")),
        ProcessVariables.string(execution, "signingChannel"), execution.getProcessInstanceId());
  }
}
