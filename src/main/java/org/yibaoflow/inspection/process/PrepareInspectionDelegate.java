package org.yibaoflow.inspection.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.inspection.InspectionWork;

/**
 * 派发检查 (R-VIO-14): what the inspection's task shows and who works it, as variables of the inspection's own
 * scope (what one inspection's form submits never shows in another's): the inspectors drawn (the first is the
 * lead, assignee), the due date, the institution, the catalogues' choices for the searchable multi-selects.
 */
@Component("prepareInspectionDelegate")
class PrepareInspectionDelegate implements JavaDelegate {

  private final InspectionWork work;

  PrepareInspectionDelegate(InspectionWork work) {
    this.work = work;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InspectionWork.TaskData d = work.taskData(FindingsForm.inspectionId(execution));
    execution.setVariableLocal("inspectionNo", d.inspectionNo());
    execution.setVariableLocal("kindName", d.kindName());
    execution.setVariableLocal("specialAction", "SPECIAL".equals(d.kind()));
    execution.setVariableLocal("institutionCode", d.institutionCode());
    execution.setVariableLocal("institutionName", d.institutionName());
    execution.setVariableLocal("inspectors", String.join(",", d.inspectors()));
    execution.setVariableLocal("leadInspector", d.inspectors().isEmpty() ? null : d.inspectors().get(0));
    execution.setVariableLocal("inspectionDeadline", Date.from(WorkingDayCalendar.expiresAt(d.dueOn())));
    execution.setVariableLocal("abnormalIndicators", d.abnormalIndicators());
    execution.setVariableLocal("documentNo", d.documentNo());
    execution.setVariableLocal("violationOptions", SpinValues.jsonValue(Spin.JSON(d.violationOptions())).create());
    execution.setVariableLocal("deductionOptions", SpinValues.jsonValue(Spin.JSON(d.deductionOptions())).create());
    for (String field : new String[] {"findingCodes", "deductionCodes", "suspectedAmount", "personCode",
        "deductionPoints", "deductionNote", "inspectionNote", "materialsPassed", "reviewNote", "inspectedBy"}) {
      execution.setVariableLocal(field, null);
    }
  }
}
