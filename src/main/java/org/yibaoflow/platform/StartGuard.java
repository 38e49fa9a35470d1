package org.yibaoflow.platform;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Process boundaries enforced by the engine (issue 13, item 3): every process definition gets a built-in start
 * listener (built in, so {@code skipCustomListeners} cannot skip it) that refuses a start by an authenticated user
 * unless the definition is an entry process ({@link ProcessEntries}) and the user has one of its roles. A call
 * activity (the new instance has a super execution) and the application's services and jobs (no authenticated
 * user, see {@link EngineAsApplication}) start any definition. Thrown before anything is flushed: nothing is
 * written. A user's start may set only the fields of the process's start form (400 naming the field otherwise).
 * Holds for every way in: Tasklist, {@code /engine-rest} start, message start events, instantiation
 * with start instructions, restart.
 */
class StartGuard extends AbstractBpmnParseListener implements ExecutionListener {

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, this);
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.getId().equals(execution.getProcessInstanceId())
        || ((ExecutionEntity) execution).getSuperExecution() != null
        || ((ExecutionEntity) execution).getSuperCaseExecution() != null) {
      return;
    }
    Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return;
    }
    String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    if (!ProcessEntries.mayStart(key, auth.getGroupIds())) {
      // answered 403 by /engine-rest and the webapps' API
      throw new AuthorizationException(auth.getUserId(), "CREATE_INSTANCE", "ProcessDefinition", key
          + " (only the process starts it / 该流程只能由上级流程或系统启动，不能由用户直接发起)");
    }
    FormInputException refused = undeclaredStartVariables((ExecutionEntity) execution, auth);
    if (refused != null) {
      // 400 naming the field (EngineBoundaryInterceptor, FormErrorFilter); the start rolls back
      FormErrorFilter.refused(refused);
      throw refused;
    }
  }

  /**
   * A user's start may set only the fields of the start form (the same rule as a task completion,
   * {@link FormFields}), plus the region of the new case ({@link RegionTenantIdProvider}, checked there against
   * the user's regions) and the initiator variable the engine itself sets to the user's id. The variables are
   * those the caller passed: the listener runs before anything else of the instance.
   */
  private static FormInputException undeclaredStartVariables(ExecutionEntity instance, Authentication auth) {
    Set<String> names = new TreeSet<>(instance.getVariableNamesLocal());
    names.remove(RegionTenantIdProvider.REGION_VARIABLE);
    Object initiator = instance.getProcessDefinition().getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
    if (initiator instanceof String variable && auth.getUserId().equals(instance.getVariableLocal(variable))) {
      names.remove(variable);
    }
    if (names.isEmpty()) {
      return null;
    }
    CommandContext context = Context.getCommandContext();
    boolean authorizations = context.isAuthorizationCheckEnabled();
    boolean tenants = context.isTenantCheckEnabled();
    context.disableAuthorizationCheck();
    context.disableTenantCheck();
    try {
      String definition = instance.getProcessDefinition().getKey();
      return FormFields.refusal("process '" + definition + "' (start)", names,
          FormFields.ofStart(instance.getProcessDefinitionId(), context));
    } finally {
      if (authorizations) {
        context.enableAuthorizationCheck();
      }
      if (tenants) {
        context.enableTenantCheck();
      }
    }
  }
}
