package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationRectificationService;
import org.yibaoflow.platform.ProcessVariables;

/** 整改到位: a suspension ends (SUSPENDED -> ACTIVE, R-VIO-2). */
@Component("recordRectifiedDelegate")
public class RecordRectifiedDelegate implements JavaDelegate {

  private final ViolationRectificationService service;

  public RecordRectifiedDelegate(ViolationRectificationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordRectified(ProcessVariables.caseKey(execution), execution.getProcessInstanceId());
    execution.setVariable("rectificationOutcome", "RECTIFIED");
  }
}
