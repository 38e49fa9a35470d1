package org.yibaoflow.evaluation.process;

import org.yibaoflow.platform.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 续签决定: the table processes/renewal-decision.dmn (R-EVA-2, R-EVA-4, R-EVA-5). */
@Component("decideRenewalDelegate")
class DecideRenewalDelegate implements JavaDelegate {

  static final String DECISION = "renewal-decision";

  private final DecisionService decisions;

  DecideRenewalDelegate(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DmnDecisionResultEntries r = decisions.evaluateDecisionByKey(DECISION).decisionDefinitionWithoutTenantId()
        .variables(Map.of("grade", ProcessVariables.value(execution, "grade"),
            "previousGrade", ProcessVariables.value(execution, "previousGrade"),
            "nonRenewalCase", ProcessVariables.value(execution, "nonRenewalCase"),
            "deferralCase", ProcessVariables.value(execution, "deferralCase")))
        .evaluate().getSingleResult();
    execution.setVariable("outcome", r.getEntry("outcome"));
    execution.setVariable("reasonCode", r.getEntry("reasonCode"));
    execution.setVariable("ruleId", r.getEntry("ruleId"));
  }
}
