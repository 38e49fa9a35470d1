package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 一次性告知补正 (R-DES-1): sets {@code supplementDays}, the region's supplement period, and
 * {@code supplementRequestedOn}, the day told, from which the timer and the waiting task's due date count (R-TIME-2).
 */
@Component("requestSupplementDelegate")
class RequestSupplementDelegate implements JavaDelegate {

  private final DesignationService service;

  RequestSupplementDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("supplementDays", service.requestSupplement(ProcessVariables.caseKey(execution)));
    execution.setVariable("supplementRequestedOn", String.valueOf(service.today()));
  }
}
