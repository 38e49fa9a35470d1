package org.yibaoflow.enforcement.process;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.yibaoflow.platform.DomainRuleException;

/** Typed reads of the case's process variables (forms deliver numbers as Long/Double, flags as Boolean). */
final class CaseVariables {

  private CaseVariables() {
  }

  /** The case number: the variable caseNo, else the business key (called processes get it passed in). */
  static String caseNo(DelegateExecution execution) {
    Object v = execution.getVariable("caseNo");
    return v != null ? v.toString() : execution.getProcessBusinessKey();
  }

  static String string(VariableScope execution, String name) {
    Object v = execution.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString();
  }

  static boolean flag(VariableScope execution, String name) {
    Object v = execution.getVariable(name);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
  }

  static Integer integer(VariableScope execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(v.toString().trim());
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest(name, "INPUT", name + " 须为整数", name + " must be a whole number");
    }
  }

  static BigDecimal amount(VariableScope execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest(name, "INPUT", name + " 须为金额或数字", name + " must be a number");
    }
  }
}
