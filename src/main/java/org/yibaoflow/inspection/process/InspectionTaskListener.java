package org.yibaoflow.inspection.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.AuditService;

/**
 * On completing an inspection or review task: who completed it (the authenticated user, else the assignee), in the
 * inspection's own scope, for the record written next (R-VIO-14).
 */
@Component("inspectionTaskListener")
class InspectionTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    task.getExecution().setVariableLocal("inspectedBy", auth != null && auth.getUserId() != null ? auth.getUserId()
        : task.getAssignee() != null ? task.getAssignee() : AuditService.SYSTEM);
  }
}
