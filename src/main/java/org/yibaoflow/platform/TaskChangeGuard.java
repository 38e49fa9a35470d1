package org.yibaoflow.platform;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A user's change to a task — completing it, submitting its form, setting its variables — through the engine's
 * public {@code TaskService} / {@code FormService} (issue 13, items 3 and 6). Installed as those services
 * ({@link FormBoundServices}), so it holds for {@code /engine-rest}, the webapps' API that Tasklist calls and any
 * Java caller running as the user; it sees the task id and the variables as the caller passed them, no engine
 * internals. The application's services and jobs (no authenticated user, {@link EngineAsApplication}) are not
 * limited.
 *
 * <ul>
 *   <li>a variable the task's form does not declare ({@link FormFields}): refused before anything runs, 400;
 *   <li>a task that does not exist for the user (unknown, or of another region): 404;
 *   <li>a task completed meanwhile by someone else (the loser of a race): 409.
 * </ul>
 */
final class TaskChangeGuard {

  private final ProcessEngineConfigurationImpl configuration;

  TaskChangeGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  <T> T change(String taskId, Map<String, ?> variables, Supplier<T> call) {
    return change(taskId, variables == null ? Set.of() : variables.keySet(), call);
  }

  <T> T change(String taskId, Set<String> names, Supplier<T> call) {
    Authentication user = configuration.getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null || taskId == null) {
      return call.get();
    }
    RuntimeException refused = check(taskId, names, user, true);
    if (refused != null) {
      if (refused instanceof FormInputException form) {
        FormErrorFilter.refused(form);
      }
      throw EngineBoundaryInterceptor.answer(refused);
    }
    try {
      return call.get();
    } catch (RuntimeException e) {
      // whatever the engine said (task not found, no permission left, a lock lost): if the task was completed by
      // someone else meanwhile, that is the answer -> 409
      RuntimeException meanwhile = check(taskId, Set.of(), user, false);
      throw meanwhile instanceof OptimisticLockingException ? EngineBoundaryInterceptor.answer(meanwhile) : e;
    }
  }

  void run(String taskId, Map<String, ?> variables, Runnable call) {
    change(taskId, variables, () -> {
      call.run();
      return null;
    });
  }

  /**
   * The refusal of a task change, or null. Returned, not thrown, by this read-only look-up (the engine logs an
   * exception thrown inside a command as an error).
   */
  private RuntimeException check(String taskId, Set<String> names, Authentication user, boolean fields) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      context.disableTenantCheck();
      try {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
          HistoricTaskInstance done = configuration.getHistoryService().createHistoricTaskInstanceQuery()
              .taskId(taskId).finished().singleResult();
          if (done != null && visible(done.getTenantId(), user)) {
            return new OptimisticLockingException("Task " + taskId + " has been completed already "
                + "(任务已被他人办理)");
          }
          return new NullValueException("Cannot find task with id " + taskId + " (任务不存在)");
        }
        if (!visible(task.getTenantId(), user)) {
          return new NullValueException("Cannot find task with id " + taskId + " (任务不存在)");
        }
        if (!fields || task.getProcessInstanceId() == null || names.isEmpty()) {
          return (RuntimeException) null;
        }
        return FormFields.refusal("task '" + task.getName() + "'", names, FormFields.ofTask(taskId, context));
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
}
