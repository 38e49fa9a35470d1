package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of a user task whose result a later service task records (inquiry reply, negotiation round,
 * complaint verification): sets {@code completedBy}, the user who completed it (the authenticated user of
 * Tasklist / engine-rest, else the assignee), so the domain row names who recorded it.
 */
@Component("taskCompletedByListener")
class TaskCompletedByListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    task.setVariable("completedBy", user != null ? user.getUserId() : task.getAssignee());
  }
}
