package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录补正材料: the application returns to the completeness review (R-DES-1). */
@Component("recordSupplementDelegate")
class RecordSupplementDelegate implements JavaDelegate {

  private final DesignationService service;

  RecordSupplementDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordSupplement(ProcessVariables.caseKey(execution));
  }
}
