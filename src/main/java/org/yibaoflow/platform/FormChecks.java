package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs the checks of a submitted form and turns a broken rule into the engine's form-validation error: first the
 * domain's {@link FormCheck}s of that form (rules across fields and against the registry), whoever completes it;
 * then, when a person submits it, what the deployed Camunda Form itself declares ({@link FormSchemaCheck}:
 * required, allowed values, lengths, numbers, dates).
 */
final class FormChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private FormChecks() {
  }

  /** A user task's form on complete. */
  static void runForTask(ObjectProvider<FormCheck> checks, Clock clock, String formId, String taskId,
      String region, String businessKey, VariableScope variables) {
    run(checks, clock, formId, new GetDeployedTaskFormCmd(taskId), region, businessKey, variables);
  }

  /** A process's start form on start. */
  static void runForStart(ObjectProvider<FormCheck> checks, Clock clock, String formId, String processDefinitionId,
      String region, String businessKey, VariableScope variables) {
    run(checks, clock, formId, new GetDeployedStartFormCmd(processDefinitionId), region, businessKey, variables);
  }

  private static void run(ObjectProvider<FormCheck> checks, Clock clock, String formId, Command<InputStream> form,
      String region, String businessKey, VariableScope variables) {
    FormCheck.Submission submission = new FormCheck.Submission(formId, region, businessKey, variables);
    try {
      // the domain's rules first: their messages name the rule (a region's minimum, not only the form's bound)
      checks.orderedStream().filter(c -> c.formIds().contains(formId)).forEach(c -> c.check(submission));
      if (byPerson()) {
        FormSchemaCheck.check(deployed(form), submission::value, LocalDate.now(clock.withZone(BEIJING)));
      }
    } catch (DomainRuleException e) {
      FormInputException refused = new FormInputException(e.field(), e.rule(), e.messageZh());
      FormErrorFilter.refused(refused);
      throw refused;
    }
  }

  /** A person submits the form (Tasklist, REST as a user); the application's services and jobs set no user. */
  private static boolean byPerson() {
    CommandContext context = Context.getCommandContext();
    Authentication user = context == null ? null : context.getAuthentication();
    return user != null && user.getUserId() != null;
  }

  /** The deployed form, read with the engine's checks off (the caller was allowed to submit it). */
  private static JsonNode deployed(Command<InputStream> form) {
    CommandContext context = Context.getCommandContext();
    boolean auth = context.isAuthorizationCheckEnabled();
    boolean tenant = context.isTenantCheckEnabled();
    context.disableAuthorizationCheck();
    context.disableTenantCheck();
    try (InputStream in = form.execute(context)) {
      return JSON.readTree(in);
    } catch (ProcessEngineException | IOException noCamundaForm) {
      return null;
    } finally {
      if (auth) {
        context.enableAuthorizationCheck();
      }
      if (tenant) {
        context.enableTenantCheck();
      }
    }
  }
}
