package org.yibaoflow.inspection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.inspection.YearEndScreening;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 记录材料审查 (R-VIO-14): the review of this scope's year-end inspection; a failing review plans the on-site
 * inspection, which becomes the inspection of this scope ({@code inspectionId}) for the tasks that follow.
 */
@Component("recordMaterialReviewDelegate")
class RecordMaterialReviewDelegate implements JavaDelegate {

  private final YearEndScreening screening;

  RecordMaterialReviewDelegate(YearEndScreening screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String by = ProcessVariables.string(execution, "inspectedBy");
    Object passed = execution.getVariable("materialsPassed");
    Long onSite = screening.review(FindingsForm.inspectionId(execution), passed == null ? null
        : ProcessVariables.flag(execution, "materialsPassed"), ProcessVariables.string(execution, "reviewNote"),
        by == null ? AuditService.SYSTEM : by, execution.getProcessInstanceId());
    execution.setVariableLocal("onSiteRequired", onSite != null);
    if (onSite != null) {
      execution.setVariable("inspectionId", onSite);
    }
  }
}
