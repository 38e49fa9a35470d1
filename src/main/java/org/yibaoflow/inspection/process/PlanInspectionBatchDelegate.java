package org.yibaoflow.inspection.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.yibaoflow.inspection.InspectionPlanService;
import org.yibaoflow.platform.ProcessVariables;

/** 生成本批检查 (R-VIO-14): one batch of inspections in this job's transaction; its ids for the tasks. */
@Component("planInspectionBatchDelegate")
class PlanInspectionBatchDelegate implements JavaDelegate {

  private final InspectionPlanService plans;

  PlanInspectionBatchDelegate(InspectionPlanService plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ids = plans.planBatch(execution.getProcessBusinessKey(), ProcessVariables.requiredInt(execution, "batchNo"));
    execution.setVariableLocal("batchInspections", Variables.objectValue(new ArrayList<>(ids))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
