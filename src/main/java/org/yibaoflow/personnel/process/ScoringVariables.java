package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reading personnel-scoring variables: numbers from forms arrive as Long, Integer, Double or text. */
final class ScoringVariables {

  private ScoringVariables() {
  }

  static Integer integer(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null || v instanceof String s && s.isBlank()) {
      return null;
    }
    return v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().trim());
  }
}
