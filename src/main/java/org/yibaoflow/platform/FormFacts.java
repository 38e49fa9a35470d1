package org.yibaoflow.platform;

import java.util.Map;
import java.util.Set;

/**
 * The facts a task's form shows so the decision can rest on them (issue 15): on create, the engine plugin
 * ({@link TasklistEnginePlugin}) asks every {@code FormFacts} naming the task's Camunda Form and sets what it
 * returns as task-local variables, shown by the form's read-only fields. Display only: gone with the task, never
 * read by a delegate; the case comes from the business key, the values from the domain's records (not retyped).
 */
public interface FormFacts {

  /** The Camunda Form ids ({@code camunda:formRef}) whose tasks get these facts. */
  Set<String> formIds();

  /** The facts of the task's case by variable name; Chinese text for users, no raw codes. */
  Map<String, Object> facts(FormCheck.Submission task);

  /**
   * Choices for a form-js select, radio, checklist or taglist with {@code valuesKey}: a Json variable
   * {@code [{"value": code, "label": Chinese name}, ...]} in the order given. The server check
   * ({@link FormSchemaCheck}) allows exactly these values.
   */
  static Object options(Map<String, String> labelsByValue) {
    java.util.List<Map<String, String>> list = new java.util.ArrayList<>();
    labelsByValue.forEach((value, label) -> list.add(Map.of("value", value, "label", label)));
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(org.camunda.spin.Spin.JSON(list)).create();
  }
}
