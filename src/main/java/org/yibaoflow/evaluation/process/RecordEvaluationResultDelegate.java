package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;
import org.yibaoflow.evaluation.Grade;
import org.yibaoflow.evaluation.Outcome;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 记录考核结果并书面通知: grade, payment consequences and renewal decision recorded; the written notice is
 * the {@code objection} call activity's input (decisionType, decision, party, noticeServedOn, subjectRef).
 */
@Component("recordEvaluationResultDelegate")
class RecordEvaluationResultDelegate implements JavaDelegate {

  static final String DECISION_TYPE = "ANNUAL_EVALUATION";

  private final AnnualEvaluationService service;

  RecordEvaluationResultDelegate(AnnualEvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AnnualEvaluationService.Notice notice = service.recordResult(execution.getProcessBusinessKey(),
        Grade.valueOf(ProcessVariables.string(execution, "grade")),
        ProcessVariables.requiredInt(execution, "withheldPercent"),
        ProcessVariables.requiredInt(execution, "preAllocationPercent"),
        Outcome.valueOf(ProcessVariables.string(execution, "outcome")), ProcessVariables.string(execution, "reasonCode"),
        ProcessVariables.string(execution, "ruleId"), execution.getProcessInstanceId());
    execution.setVariable("decisionType", DECISION_TYPE);
    execution.setVariable("decision", notice.decision());
    execution.setVariable("party", notice.party());
    execution.setVariable("noticeServedOn", notice.servedOn().toString());
    execution.setVariable("subjectRef", execution.getProcessBusinessKey());
  }
}
