package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.ProcessVariables;

/** 信息系统核查 (R-DES-2): sets {@code systemCheckPassed}. */
@Component("systemCheckDelegate")
class SystemCheckDelegate implements JavaDelegate {

  private final DesignationService service;

  SystemCheckDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("systemCheckPassed", service.systemCheck(ProcessVariables.caseKey(execution)));
  }
}
