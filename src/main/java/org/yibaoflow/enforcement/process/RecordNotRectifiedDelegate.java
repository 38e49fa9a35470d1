package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationRectificationService;
import org.yibaoflow.platform.ProcessVariables;

/** 整改不到位: agreement suspension, count + 1 (R-VIO-2, R-VIO-5); not rectified while suspended terminates (R-VIO-3/4). */
@Component("recordNotRectifiedDelegate")
public class RecordNotRectifiedDelegate implements JavaDelegate {

  private final ViolationRectificationService service;

  public RecordNotRectifiedDelegate(ViolationRectificationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean terminated = service.recordNotRectified(ProcessVariables.caseKey(execution),
        !"FAILED".equals(ProcessVariables.value(execution, "reinspectionResult")), execution.getProcessInstanceId());
    execution.setVariable("agreementTerminated", terminated);
    execution.setVariable("rectificationOutcome", terminated ? "TERMINATED" : "SUSPENDED");
  }
}
