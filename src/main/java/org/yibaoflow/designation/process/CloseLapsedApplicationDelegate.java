package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.ProcessVariables;

/** 关闭申请: the supplement period ended without the material (R-DES-1). */
@Component("closeLapsedApplicationDelegate")
class CloseLapsedApplicationDelegate implements JavaDelegate {

  private final DesignationService service;

  CloseLapsedApplicationDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.closeLapsed(ProcessVariables.caseKey(execution));
  }
}
