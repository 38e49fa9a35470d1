package org.yibaoflow.inspection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.inspection.PlanProgressService;

/** 进度预警 (R-VIO-14): audits the institutions that will miss their minimum by year end. */
@Component("remindPlanProgressDelegate")
class RemindPlanProgressDelegate implements JavaDelegate {

  private final PlanProgressService progress;

  RemindPlanProgressDelegate(PlanProgressService progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("atRiskCount", progress.remind(execution.getProcessBusinessKey(),
        execution.getProcessInstanceId()));
  }
}
