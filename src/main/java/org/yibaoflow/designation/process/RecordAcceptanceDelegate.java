package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;

/** 记录受理结论: writes the completeness review's conclusion to the application. */
@Component("recordAcceptanceDelegate")
class RecordAcceptanceDelegate implements JavaDelegate {

  static final String COMPLETE = "COMPLETE";

  private final DesignationService service;

  RecordAcceptanceDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordAcceptance((String) execution.getVariable("applicationNo"),
        COMPLETE.equals(execution.getVariable("acceptanceResult")),
        (String) execution.getVariable("missingMaterials"));
  }
}
