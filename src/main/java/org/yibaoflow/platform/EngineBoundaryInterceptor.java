package org.yibaoflow.platform;

import jakarta.ws.rs.core.Response.Status;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * The engine's outermost command interceptor (issue 13, items 3 and 6).
 *
 * <p>A user completing a task, submitting its form or setting its variables may set only the variables the task's
 * form declares ({@link TaskFormFields}); anything else is refused before the command runs (400, nothing changed).
 * The check is in the engine, so it holds for {@code /engine-rest}, the webapps' own API that Tasklist calls and
 * any Java caller running as the user. The application's services and jobs (no authenticated user) are not
 * limited. A task that does not exist for the user (unknown, or of another region) is 404; one completed
 * meanwhile by someone else is 409.
 *
 * <p>During a request to {@code /engine-rest} or the webapps' engine API ({@link EngineRestRequests}) engine
 * exceptions become the REST API's own exception with the right status and its JSON body: a lost race
 * (optimistic locking) 409, an unknown id or another region's 404, a refused form field 400 — where the REST
 * resources would otherwise answer 500.
 */
class EngineBoundaryInterceptor extends CommandInterceptor {

  private final ProcessEngineConfigurationImpl configuration;

  EngineBoundaryInterceptor(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    TaskChange change = TaskChange.of(command);
    Authentication user = change == null ? null : configuration.getIdentityService().getCurrentAuthentication();
    boolean byUser = user != null && user.getUserId() != null;
    try {
      if (byUser) {
        throwIfRefused(check(change, user, true));
      }
      return next.execute(command);
    } catch (RuntimeException e) {
      RuntimeException answer = e;
      if (byUser && (e instanceof NullValueException && notFound(e.getMessage())
          || e instanceof AuthorizationException)) {
        // the task vanished between the check and the command (or lost its candidates' permissions with it):
        // completed by someone else meanwhile -> 409
        RuntimeException meanwhile = check(change, user, false);
        answer = meanwhile instanceof OptimisticLockingException ? meanwhile : e;
      }
      throw EngineRestRequests.active() ? translate(answer) : answer;
    }
  }

  private static void throwIfRefused(RuntimeException refusal) {
    if (refusal != null) {
      throw refusal;
    }
  }

  /**
   * The refusal of a task change, or null. Returned, not thrown, by this read-only look-up (the engine logs an
   * exception thrown inside a command as an error).
   */
  private RuntimeException check(TaskChange change, Authentication user, boolean fields) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      context.disableTenantCheck();
      try {
        TaskEntity task = context.getTaskManager().findTaskById(change.taskId());
        if (task == null) {
          HistoricTaskInstance done = configuration.getHistoryService().createHistoricTaskInstanceQuery()
              .taskId(change.taskId()).finished().singleResult();
          if (done != null && visible(done.getTenantId(), user)) {
            return new OptimisticLockingException("Task " + change.taskId() + " has been completed already "
                + "(任务已被他人办理)");
          }
          return new NullValueException("Cannot find task with id " + change.taskId() + " (任务不存在)");
        }
        if (!visible(task.getTenantId(), user)) {
          return new NullValueException("Cannot find task with id " + change.taskId() + " (任务不存在)");
        }
        if (!fields || task.getProcessInstanceId() == null || change.variableNames().isEmpty()) {
          return (RuntimeException) null;
        }
        Set<String> declared = TaskFormFields.of(task.getId(), context);
        Set<String> undeclared = new TreeSet<>(change.variableNames());
        undeclared.removeAll(declared);
        if (!undeclared.isEmpty()) {
          return new FormFieldValidationException(undeclared.iterator().next(), "The form of task '"
              + task.getName() + "' declares no field " + undeclared + "; a completion may set only " + declared
              + " (表单未声明的字段不能提交：" + undeclared + ")");
        }
        return null;
      } finally {
        context.enableAuthorizationCheck();
        context.enableTenantCheck();
      }
    });
  }

  private static boolean visible(String tenantId, Authentication user) {
    // as the engine's own tenant check: administrators see every region
    return tenantId == null || user.getTenantIds() != null && user.getTenantIds().contains(tenantId)
        || user.getGroupIds() != null && user.getGroupIds().contains(EngineUser.ADMIN_GROUP);
  }

  private static RuntimeException translate(RuntimeException e) {
    if (e instanceof InvalidRequestException || e instanceof AuthorizationException) {
      return e;
    }
    if (e instanceof OptimisticLockingException || lockConflict(e)) {
      return new InvalidRequestException(Status.CONFLICT, e, "Someone else changed this at the same time; reload "
          + "and try again (已被他人同时办理，请刷新后重试): " + e.getMessage());
    }
    if (e instanceof FormFieldValidationException) {
      return new InvalidRequestException(Status.BAD_REQUEST, e, e.getMessage());
    }
    if (e instanceof org.camunda.bpm.engine.exception.NotFoundException
        || e instanceof ProcessEngineException && notFound(e.getMessage())) {
      // one answer for an unknown id and another region's: the body does not tell that the id exists
      return new InvalidRequestException(Status.NOT_FOUND, "Not found, or not of your region "
          + "(不存在，或不属于您所在的统筹地区)");
    }
    if (e instanceof NullValueException) {
      // a required value the request left out
      return new InvalidRequestException(Status.BAD_REQUEST, e, e.getMessage());
    }
    return e;
  }

  /** A row lock held past the database's timeout, or a serialization failure: the same race, lost. */
  private static boolean lockConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.springframework.dao.ConcurrencyFailureException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("40") || "HYT00".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** Unknown ids (NullValueException / NotFoundException) and another region's records (tenant check). */
  private static boolean notFound(String message) {
    if (message == null) {
      return false;
    }
    String m = message.toLowerCase();
    return m.contains("cannot find") || m.contains("not found") || m.contains("does not exist")
        || m.contains("doesn't exist")
        || m.contains("no authenticated tenant") || m.contains("no processes deployed") || m.contains("no deployed") && m.contains("found");
  }

  /** A command that changes a task's variables or completes it, with the names it would set. */
  private record TaskChange(String taskId, Set<String> variableNames) {

    static TaskChange of(Command<?> command) {
      if (command instanceof CompleteTaskCmd) {
        return new TaskChange(field(command, CompleteTaskCmd.class, "taskId"),
            names(field(command, CompleteTaskCmd.class, "variables")));
      }
      if (command instanceof SubmitTaskFormCmd) {
        return new TaskChange(field(command, SubmitTaskFormCmd.class, "taskId"),
            names(field(command, SubmitTaskFormCmd.class, "properties")));
      }
      if (command instanceof SetTaskVariablesCmd) {
        return new TaskChange(field(command, AbstractVariableCmd.class, "entityId"),
            names(field(command, org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd.class, "variables")));
      }
      if (command instanceof PatchTaskVariablesCmd) {
        return new TaskChange(field(command, AbstractPatchVariablesCmd.class, "entityId"),
            names(field(command, AbstractPatchVariablesCmd.class, "variables")));
      }
      return null;
    }

    private static Set<String> names(Object variables) {
      return variables instanceof Map<?, ?> m ? m.keySet().stream().map(String::valueOf)
          .collect(java.util.stream.Collectors.toSet()) : Set.of();
    }

    @SuppressWarnings("unchecked")
    private static <V> V field(Object target, Class<?> owner, String name) {
      try {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return (V) f.get(target);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Engine command " + owner.getName() + " has no field " + name, e);
      }
    }
  }
}
