package org.yibaoflow.objection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.yibaoflow.objection.Objection;

/** Variables the objection process and its callers exchange (the call activity's in/out mapping). */
final class ObjectionDelegates {

  /** In: what was decided, about whom, when the written notice was served. */
  static final String DECISION_TYPE = "decisionType";
  static final String DECISION = "decision";
  static final String PARTY = "party";
  static final String NOTICE_SERVED_ON = "noticeServedOn";
  static final String SUBJECT_REF = "subjectRef";
  /** Out: the case number, what became of the decision, and the decision to execute (null when revoked). */
  static final String OBJECTION_NO = "objectionNo";
  static final String OUTCOME = "objectionOutcome";
  static final String EFFECTIVE_DECISION = "effectiveDecision";

  private ObjectionDelegates() {
  }

  static void writeOutcome(DelegateExecution execution, Objection o) {
    execution.setVariable(OUTCOME, o.outcome() == null ? null : o.outcome().name());
    execution.setVariable(EFFECTIVE_DECISION, o.effectiveDecision());
  }
}
