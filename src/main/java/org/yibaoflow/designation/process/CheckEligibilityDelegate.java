package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.ProcessVariables;

/** 资格审查 (R-DES-1, R-VIO-9): sets {@code eligible}; a refusal is recorded by the service with its rule. */
@Component("checkEligibilityDelegate")
class CheckEligibilityDelegate implements JavaDelegate {

  private final DesignationService service;

  CheckEligibilityDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("eligible", service.checkEligibility(ProcessVariables.caseKey(execution)));
  }
}
