package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationRectificationService;
import org.yibaoflow.platform.ProcessVariables;

/** 开始限期整改: the decided days or the region default (R-VIO-2). */
@Component("openRectificationDelegate")
public class OpenRectificationDelegate implements JavaDelegate {

  private final ViolationRectificationService service;

  public OpenRectificationDelegate(ViolationRectificationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.removeVariable("reinspectionResult"); // a new period: a lapse is not the previous round's failure
    execution.setVariable("rectificationDays", service.openRectification(ProcessVariables.caseKey(execution),
        ProcessVariables.integer(execution, "rectificationDays"), execution.getProcessInstanceId()));
  }
}
