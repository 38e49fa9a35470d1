package org.yibaoflow.evaluation.process;

import org.yibaoflow.platform.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.RenewalControl;

/** 续签决定: the table processes/renewal-decision.dmn (R-EVA-2, R-EVA-4, R-EVA-5). */
@Component("decideRenewalDelegate")
class DecideRenewalDelegate implements JavaDelegate {

  static final String DECISION = "renewal-decision";

  private final DecisionService decisions;
  private final RenewalControl control;

  DecideRenewalDelegate(DecisionService decisions, RenewalControl control) {
    this.decisions = decisions;
    this.control = control;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // R-EVA-5: the case kept by the server (the data's, unless a supervisor set it aside), not a form variable
    String nonRenewalCase = control.decidingCase(execution.getProcessBusinessKey());
    execution.setVariable("nonRenewalCase", nonRenewalCase);
    DmnDecisionResultEntries r = decisions.evaluateDecisionByKey(DECISION).decisionDefinitionWithoutTenantId()
        .variables(Map.of("grade", ProcessVariables.value(execution, "grade"),
            "previousGrade", ProcessVariables.value(execution, "previousGrade"),
            "nonRenewalCase", nonRenewalCase,
            "deferralCase", ProcessVariables.value(execution, "deferralCase")))
        .evaluate().getSingleResult();
    execution.setVariable("outcome", r.getEntry("outcome"));
    execution.setVariable("reasonCode", r.getEntry("reasonCode"));
    execution.setVariable("ruleId", r.getEntry("ruleId"));
  }
}
