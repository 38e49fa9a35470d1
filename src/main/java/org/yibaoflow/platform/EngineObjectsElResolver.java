package org.yibaoflow.platform;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * What BPMN and DMN expressions may do with the engine's objects at runtime (issue 13, item 4). Placed before
 * every other resolver of the expression manager ({@link EngineBoundaryPlugin}), so a diagram that slipped past
 * {@link DeploymentRules} still cannot run it: on {@code execution}, {@code task} and every other engine object
 * an expression may read and set variables and read the case's identity (ids, business key, tenant, activity,
 * task name and dates) — nothing else: no {@code processEngineServices} / {@code processEngine}, no navigation to
 * other executions ({@code processInstance}, {@code superExecution}, {@code task.execution}), no engine methods
 * that change state. On any object, {@code getClass}, class loaders and reflection are refused. The refusal is an
 * expression error thrown before the member is touched, so the command rolls back and nothing is changed.
 * Variable maps and values (data) are not restricted.
 */
final class EngineObjectsElResolver extends ELResolver {

  /** Variables the engine puts in an expression's context that are engine objects. */
  static final Set<String> ENGINE_OBJECT_VARIABLES = Set.of("execution", "task", "caseExecution");

  /** Members of engine objects an expression may use (properties and the equivalent getters). */
  static final Set<String> ALLOWED_ON_ENGINE_OBJECTS = Set.of(
      // variables
      "variable", "getVariable", "getVariableLocal", "getVariableTyped", "getVariableLocalTyped", "variables",
      "getVariables", "getVariablesLocal", "variablesTyped", "getVariablesTyped", "getVariablesLocalTyped",
      "variablesLocal", "variablesLocalTyped", "hasVariable", "hasVariableLocal", "hasVariables",
      "hasVariablesLocal", "variableNames", "getVariableNames", "variableNamesLocal", "getVariableNamesLocal",
      "setVariable", "setVariableLocal",
      // identity of the case and the step
      "id", "getId", "processInstanceId", "getProcessInstanceId", "businessKey", "getBusinessKey",
      "processBusinessKey", "getProcessBusinessKey", "tenantId", "getTenantId", "eventName", "getEventName",
      "currentActivityId", "getCurrentActivityId", "currentActivityName", "getCurrentActivityName",
      "activityInstanceId", "getActivityInstanceId", "processDefinitionId", "getProcessDefinitionId",
      "parentId", "getParentId", "executionId", "getExecutionId", "name", "getName", "description",
      "getDescription", "taskDefinitionKey", "getTaskDefinitionKey", "assignee", "getAssignee", "owner",
      "getOwner", "dueDate", "getDueDate", "followUpDate", "getFollowUpDate", "priority", "getPriority",
      "createTime", "getCreateTime",
      // typed variable values
      "value", "getValue", "type", "getType");

  /** Members refused on every object. */
  static final Set<String> DENIED_EVERYWHERE = Set.of("class", "getClass", "classLoader", "getClassLoader",
      "processEngine", "getProcessEngine", "processEngineServices", "getProcessEngineServices",
      "processEngineConfiguration", "getProcessEngineConfiguration", "applicationContext",
      "getApplicationContext", "beanFactory", "getBeanFactory", "forName", "newInstance", "getRuntime", "exec");

  private static final String ENGINE_PACKAGE = "org.camunda.bpm.engine.";

  /** Why an expression may not use this member of this object, or null when it may. */
  static String refusal(Object base, Object member) {
    if (base == null || member == null) {
      return null;
    }
    String name = String.valueOf(member);
    if (DENIED_EVERYWHERE.contains(name) || base instanceof Class<?> || base instanceof ClassLoader
        || base instanceof Thread || base instanceof Runtime
        || base.getClass().getName().startsWith("java.lang.reflect.")) {
      return "'" + name + "' of " + base.getClass().getSimpleName();
    }
    if (base instanceof Map<?, ?> || !base.getClass().getName().startsWith(ENGINE_PACKAGE)
        || ALLOWED_ON_ENGINE_OBJECTS.contains(name)) {
      return null;
    }
    return "'" + name + "' of the engine's " + base.getClass().getSimpleName();
  }

  private static void refuseIfDenied(Object base, Object member) {
    String refusal = refusal(base, member);
    if (refusal != null) {
      throw new ELException("Expressions may not reach engine internals: " + refusal + "; only variables and the "
          + "case's identity are readable (表达式不能访问流程引擎内部对象：" + member + ")");
    }
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    refuseIfDenied(base, property);
    return null;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    refuseIfDenied(base, method);
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    refuseIfDenied(base, property);
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    refuseIfDenied(base, property);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    refuseIfDenied(base, property);
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }
}
