package org.yibaoflow.platform;

import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/**
 * Who may move a task's dates (issue 15; docs/security.md "Follow-up and due dates"). The engine asks for
 * TASK_ASSIGN or UPDATE to save a task, which no working role has (they work tasks: TASK_WORK). This checker
 * replaces the engine's authorization checker and decides a save that changes only the dates:
 * <ul>
 *   <li>a follow-up date (跟进日期) is a personal reminder: whoever may work the task (candidate, assignee);</li>
 *   <li>a due date (办理期限) is computed by the process from the calendar (R-TIME-1/2). Only a supervisor may
 *       move it, and only where it is an internal handling period (a product default
 *       {@code ${deadlines.workingDays(n)}}); where it is a legal period (a region setting or a date the
 *       process computed, e.g. the R-VIO-7 document deadline its timer enforces) nobody moves it, because the
 *       card would then show a date the process does not keep.</li>
 * </ul>
 * Every other change of a task goes to the engine's own check unchanged.
 */
class TaskDatesCommandChecker extends AuthorizationCommandChecker {

  static final Pattern PRODUCT_DEFAULT = Pattern.compile("\\$\\{\\s*deadlines\\.workingDays\\(\\s*\\d+\\s*\\)\\s*}");
  private static final Set<String> DATES = Set.of(TaskEntity.DUE_DATE, TaskEntity.FOLLOW_UP_DATE);

  @Override
  public void checkTaskAssign(TaskEntity task) {
    Set<String> changed = task.getPropertyChanges().keySet();
    Authentication user = enforced();
    if (user == null || changed.isEmpty() || !DATES.containsAll(changed)) {
      super.checkTaskAssign(task);
      return;
    }
    if (!changed.contains(TaskEntity.DUE_DATE)) {
      // a personal reminder: whoever works the task (R-TIME-1 deadlines stay untouched)
      checkTaskWork(task);
      return;
    }
    if (user.getGroupIds() != null && user.getGroupIds().contains(EngineUser.ADMIN_GROUP)) {
      super.checkTaskAssign(task);
      return;
    }
    if (user.getGroupIds() == null || !user.getGroupIds().contains(Role.SUPERVISOR.groupId())) {
      throw new AuthorizationException("只有科室负责人可以修改办理期限；经办人员可设置跟进日期作为提醒（R-TIME-1）");
    }
    if (!productDefault(task)) {
      throw new AuthorizationException("该任务的办理期限是流程按法定或地区设置的期限计算的（R-TIME-1/2），"
          + "不能在任务列表中修改；可设置跟进日期作为提醒");
    }
    checkReadTask(task);
  }

  /** The due date of the task's model is an internal product default, not a legal or region-set period. */
  static boolean productDefault(TaskEntity task) {
    TaskDefinition definition = task.getTaskDefinition();
    Expression due = definition == null ? null : definition.getDueDateExpression();
    return due != null && PRODUCT_DEFAULT.matcher(due.getExpressionText().trim()).matches();
  }

  /** The user whose authorizations the engine checks in this command, or null when it checks none. */
  private static Authentication enforced() {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()
        || !context.isAuthorizationCheckEnabled()) {
      return null;
    }
    Authentication user = context.getAuthentication();
    return user == null || user.getUserId() == null ? null : user;
  }
}
