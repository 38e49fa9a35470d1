package org.yibaoflow.inspection.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.yibaoflow.inspection.InspectionPlanService;

/** 飞行检查随机抽取 (R-VIO-14, 双随机一公开): the draw with its seed; the plan's batches to create next. */
@Component("drawFlyingInspectionsDelegate")
class DrawFlyingInspectionsDelegate implements JavaDelegate {

  private final InspectionPlanService plans;

  DrawFlyingInspectionsDelegate(InspectionPlanService plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String planNo = execution.getProcessBusinessKey();
    var batches = plans.draw(planNo, execution.getProcessInstanceId());
    execution.setVariable("inspectionBatches", Variables.objectValue(new ArrayList<>(batches))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    execution.setVariable("flyingSeed", String.valueOf(plans.plan(planNo).seed()));
  }
}
