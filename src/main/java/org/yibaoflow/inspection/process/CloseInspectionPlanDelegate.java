package org.yibaoflow.inspection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.inspection.InspectionPlanService;

/** 计划办结 (R-VIO-14). */
@Component("closeInspectionPlanDelegate")
class CloseInspectionPlanDelegate implements JavaDelegate {

  private final InspectionPlanService plans;

  CloseInspectionPlanDelegate(InspectionPlanService plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    plans.close(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
