package org.yibaoflow.inspection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.inspection.InspectionWork;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 记录检查结果 (R-VIO-14): the findings of the inspection of this scope, opening its violation case (R-VIO-1) and
 * the person's deduction (R-PERS-5) once. The form was checked on completion (InspectionFormChecks).
 */
@Component("recordInspectionFindingsDelegate")
class RecordInspectionFindingsDelegate implements JavaDelegate {

  private final InspectionWork work;

  RecordInspectionFindingsDelegate(InspectionWork work) {
    this.work = work;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String by = ProcessVariables.string(execution, "inspectedBy");
    InspectionWork.Recorded r = work.record(FindingsForm.inspectionId(execution), FindingsForm.of(execution),
        by == null ? AuditService.SYSTEM : by, execution.getProcessInstanceId());
    execution.setVariableLocal("inspectionCaseNo", r.caseNo());
  }
}
