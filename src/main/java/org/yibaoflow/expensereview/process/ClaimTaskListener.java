package org.yibaoflow.expensereview.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.yibaoflow.expensereview.ClaimVerdicts;
import org.yibaoflow.platform.AuditService;

/**
 * The verification and second-review tasks (R-VIO-13). On creation: the institution's claims of the stage (one a
 * line, with the screening's reasons), the violation catalogue as the choices of the form's multi-select and the
 * proposed violations chosen, as variables of the task's own
 * institution scope, so what one institution's task submits never shows in another's. On completion: who
 * completed it (the authenticated user, else the assignee), for the verdicts recorded next.
 */
@Component("claimTaskListener")
class ClaimTaskListener implements TaskListener {

  private final ClaimVerdicts verdicts;

  ClaimTaskListener(ClaimVerdicts verdicts) {
    this.verdicts = verdicts;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution scope = task.getExecution();
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      scope.setVariableLocal("verifiedBy", auth != null && auth.getUserId() != null ? auth.getUserId()
          : task.getAssignee() != null ? task.getAssignee() : AuditService.SYSTEM);
      return;
    }
    ClaimVerdicts.Worklist w = verdicts.worklist(scope.getProcessBusinessKey(),
        (String) scope.getVariable("institutionCode"), Stages.of(task.getTaskDefinitionKey()));
    scope.setVariableLocal("institutionName", w.institutionName());
    scope.setVariableLocal("claimList", w.text());
    scope.setVariableLocal("claimsToCheck", w.claims());
    // the violation catalogue as the form's searchable multi-select: Chinese names, codes as values (issue 15)
    scope.setVariableLocal("violationOptions", SpinValues.jsonValue(Spin.JSON(w.violationOptions())).create());
    if (!scope.hasVariableLocal("confirmedClaims")) {
      // first round; a task returned by a failed check keeps what was entered, with the message (verdictError)
      scope.setVariableLocal("confirmedClaims", "");
      scope.setVariableLocal("violationCodes", SpinValues.jsonValue(Spin.JSON(w.proposedChoices())).create());
      scope.setVariableLocal("verificationNote", "");
      scope.setVariableLocal("verificationMethod", null);
    }
  }
}
