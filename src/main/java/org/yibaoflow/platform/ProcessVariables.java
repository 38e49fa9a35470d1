package org.yibaoflow.platform;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one way delegates and listeners read process variables, typed (Camunda Forms deliver numbers as
 * Long/Double/text, flags as Boolean or text).
 *
 * <p>Only the process decides (issue 13): the case a delegate acts on is the process instance's business key
 * ({@link #caseKey}), which the process's own registration step sets (case, application, objection and referral
 * numbers) or the calling process hands down (call activities pass {@code businessKey}). It is never read from a
 * variable, since a variable could have been set by a user (a start form, a task completion).
 */
public final class ProcessVariables {

  private ProcessVariables() {
  }

  /** The number of the case this execution works on: its process instance's business key. */
  public static String caseKey(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
          + " has no business key: the case it works on is unknown");
    }
    return key;
  }

  /** The case of the task's process instance (see {@link #caseKey(DelegateExecution)}). */
  public static String caseKey(DelegateTask task) {
    return caseKey(task.getExecution());
  }

  /**
   * Who completed the process's last user task, for a record an async step writes after it (the job runs without
   * a user): the user the engine's operation log names; null when none is logged (a test or a service completed it).
   */
  public static String lastTaskCompletedBy(DelegateExecution execution) {
    java.util.List<org.camunda.bpm.engine.history.UserOperationLogEntry> completed = execution
        .getProcessEngineServices().getHistoryService().createUserOperationLogQuery()
        .processInstanceId(execution.getProcessInstanceId()).entityType(org.camunda.bpm.engine.EntityTypes.TASK)
        .operationType(org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .orderByTimestamp().desc().listPage(0, 1);
    return completed.isEmpty() ? null : completed.get(0).getUserId();
  }

  /** The raw value, for conversions of their own (dates: {@code Deadlines.toDate}). */
  public static Object value(VariableScope scope, String name) {
    return scope.getVariable(name);
  }

  /** Text, or null when absent or blank. */
  public static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString();
  }

  /** True for Boolean true or the text "true"; false when absent. */
  public static boolean flag(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString().trim());
  }

  /** A whole number, or null when absent or blank; text that is no number is a 400 naming the field. */
  public static Integer integer(VariableScope scope, String name) {
    Long v = longOrNull(scope, name);
    return v == null ? null : Math.toIntExact(v);
  }

  /** A whole number that the process itself has set (absent is a modelling error, not a user's). */
  public static int requiredInt(VariableScope scope, String name) {
    return Math.toIntExact(requiredLong(scope, name));
  }

  /** An id or count the process itself has set (absent is a modelling error, not a user's). */
  public static long requiredLong(VariableScope scope, String name) {
    Long v = longOrNull(scope, name);
    if (v == null) {
      throw new IllegalStateException("Process variable '" + name + "' is missing");
    }
    return v;
  }

  /** A number as given (Long, Integer or Double from a form), or null when absent or blank. */
  public static Number number(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Number n) {
      return n;
    }
    return amount(scope, name);
  }

  /** An amount or decimal, or null when absent or blank; text that is no number is a 400 naming the field. */
  public static BigDecimal amount(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest(name, "INPUT", name + " 须为金额或数字", name + " must be a number");
    }
  }

  private static Long longOrNull(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.valueOf(v.toString().trim());
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest(name, "INPUT", name + " 须为整数", name + " must be a whole number");
    }
  }
}
