package org.yibaoflow.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of every role, in every profile (production too): 经办待办, 专家评估待办, ... per candidate
 * group, 我的任务, and for supervisors 本地区全部任务 and 已逾期任务. Each card shows the case number, the
 * institution and the person ({@link CaseLabelListener} sets them on every task), and the case number is the
 * first variable offered by Tasklist's search. Idempotent: created once by name; an existing filter gets the
 * current card variables; each role's group may read its filters.
 */
@Component
@Order(5)
class TasklistFilters implements InitializingBean {

  /** The variables every card shows, in order: name -> label. */
  static final Map<String, String> CARD_VARIABLES = cardVariables();

  /** Each role's own filter: group -> filter name. */
  static final Map<Role, String> ROLE_FILTERS = roleFilters();

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void afterPropertiesSet() {
    ROLE_FILTERS.forEach((role, name) -> {
      String g = role.groupId();
      filter(name, g, tasks.createTaskQuery().taskCandidateGroup(g).includeAssignedTasks(), -20);
      filter("我的任务", g, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), -10);
    });
    filter("本地区全部任务", Role.SUPERVISOR.groupId(), tasks.createTaskQuery(), 0);
    filter("已逾期任务", Role.SUPERVISOR.groupId(), tasks.createTaskQuery().dueBeforeExpression("${now()}"), -5);
  }

  private void filter(String name, String groupId, TaskQuery query, int priority) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", name);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", CARD_VARIABLES.entrySet().stream()
        .map(e -> Map.of("name", e.getKey(), "label", e.getValue())).toList());
    if (filter == null) {
      filter = filters.newTaskFilter(name).setQuery(query);
    }
    filter.setProperties(properties);
    filters.saveFilter(filter);
    grantRead(groupId, filter.getId());
  }

  private void grantRead(String groupId, String filterId) {
    if (authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.FILTER)
        .resourceId(filterId).count() > 0) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    a.setResource(Resources.FILTER);
    a.setResourceId(filterId);
    a.addPermission(Permissions.READ);
    authorizations.saveAuthorization(a);
  }

  private static Map<String, String> cardVariables() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(CaseLabelListener.CASE_NO, "案件编号");
    v.put(CaseLabelListener.INSTITUTION_NAME, "机构名称");
    v.put(CaseLabelListener.PERSON_NAME, "相关人员");
    return java.util.Collections.unmodifiableMap(v);
  }

  private static Map<Role, String> roleFilters() {
    Map<Role, String> f = new LinkedHashMap<>();
    f.put(Role.CASEWORKER, "经办待办");
    f.put(Role.EXPERT, "专家评估待办");
    f.put(Role.SUPERVISOR, "负责人审批待办");
    f.put(Role.LEGAL, "法制审核待办");
    f.put(Role.ADMINDEPT, "行政部门待办");
    f.put(Role.MODELER, "建模测试待办");
    f.put(Role.REPORTDESK, "举报奖励待办");
    return java.util.Collections.unmodifiableMap(f);
  }

  static List<String> names() {
    List<String> names = new java.util.ArrayList<>(ROLE_FILTERS.values());
    names.addAll(List.of("我的任务", "本地区全部任务", "已逾期任务"));
    return names;
  }
}
