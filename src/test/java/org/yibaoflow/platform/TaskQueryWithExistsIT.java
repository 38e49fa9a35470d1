package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibaoflow.support.IntegrationTest;

/**
 * Issue 20 item 2: the task and variable queries with the authorization check as {@code EXISTS}, the candidate link
 * as a subquery and no {@code distinct} where no task can repeat ({@link TaskQueryAuthExists},
 * {@link TaskQueryText}) return exactly the rows of the engine's own statements. Mixed data: two processes in two
 * tenants, standalone tasks with and without tenant, grants to users and groups on single tasks, on process
 * definitions (READ_TASK, READ_INSTANCE), on a process instance, on '*', a global grant, grants that must not count
 * (UPDATE without READ, a definition's READ without READ_TASK), two grants on one task (duplicates in the join), a
 * TASK grant whose resource id is a process key (the engine's join matches it against D.KEY_), a task with three
 * candidate links (duplicates in the identity-link join), task-local variables. For each user, and without
 * authentication, and each query (list, page, count; by candidate group, user, group like, with and without
 * candidates, OR queries, involved user, ordered by a variable, by definition key, the caseworker's Tasklist filter;
 * the variables Tasklist embeds) both shapes run in the same engine and must give the same rows; the expected tasks
 * and variables of each user are also stated, so a check that lets everything or nothing through fails too.
 */
@IntegrationTest
class TaskQueryWithExistsIT {

  @Autowired
  TaskQueryAuthExists shape;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService taskService;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  IdentityService identity;
  @Autowired
  FilterService filters;

  /** A user with groups and tenants, and which of this test's tasks the grants let them see. */
  record Who(String user, List<String> groups, List<String> tenants, Set<String> sees, Set<String> variables) { }

  private final String p = "tqx" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> cleanup = new ArrayList<>();
  private final List<String> standalone = new ArrayList<>();
  private String deployment;

  @Test
  void existsShapeReturnsTheEngineTasksForEveryUserAndQuery() {
    String tA = p + "ta";
    String tB = p + "tb";
    String keyA = p + "procA";
    String keyB = p + "procB";
    String cand = p + "cand";
    deployment = repository.createDeployment().name(p)
        .addModelInstance(keyA + ".bpmn", process(keyA)).addModelInstance(keyB + ".bpmn", process(keyB))
        .deploy().getId();
    Map<String, String> t = new LinkedHashMap<>();
    t.put("a1", start(keyA, tA, cand));
    t.put("a2", start(keyA, tA, cand));
    t.put("a3", start(keyA, tB, cand));
    t.put("b1", start(keyB, tA, cand + "2"));
    t.put("b2", start(keyB, tB, cand + "2"));
    // a caseworkers' task of the demo region: the engine grants its candidate group the task itself
    t.put("h1", start(keyA, "huaibei", Role.CASEWORKER.groupId()));
    taskService.setAssignee(t.get("b1"), p + "someone");
    // a task with three candidate links (two groups and a user): the engine's identity-link join repeats it
    taskService.addCandidateGroup(t.get("a1"), cand + "2");
    taskService.addCandidateUser(t.get("a1"), p + "cu");
    taskService.addCandidateUser(t.get("b2"), p + "u2");
    taskService.setVariableLocal(t.get("a1"), "note", "a1 的备注");
    t.put("s1", standaloneTask(null));
    t.put("s2", standaloneTask(tA));
    taskService.setVariableLocal(t.get("s1"), "note", "s1 的备注");

    grant(Authorization.AUTH_TYPE_GRANT, p + "u1", null, Resources.TASK, t.get("a1"), Permissions.READ);
    grant(Authorization.AUTH_TYPE_GRANT, null, p + "g1", Resources.PROCESS_DEFINITION, keyA,
        ProcessDefinitionPermissions.READ_TASK);
    grant(Authorization.AUTH_TYPE_GRANT, null, p + "g1", Resources.TASK, t.get("a2"), Permissions.READ);
    // must not count: a definition's READ is not READ_TASK, UPDATE is not READ
    grant(Authorization.AUTH_TYPE_GRANT, null, p + "g2", Resources.PROCESS_DEFINITION, keyB, Permissions.READ);
    grant(Authorization.AUTH_TYPE_GRANT, null, p + "g2", Resources.TASK, t.get("b2"), Permissions.UPDATE);
    grant(Authorization.AUTH_TYPE_GRANT, p + "u3", null, Resources.TASK, "*", Permissions.READ);
    grant(Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.TASK, t.get("s1"), Permissions.READ);
    // a TASK grant named after a process key: the engine's join (RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')) counts it
    grant(Authorization.AUTH_TYPE_GRANT, null, p + "g3", Resources.TASK, keyB, Permissions.READ);
    grant(Authorization.AUTH_TYPE_GRANT, p + "u2", null, Resources.TASK, t.get("s2"), Permissions.READ);
    // the variables: READ on one process instance; a definition's READ_INSTANCE (and READ, which must not count)
    grant(Authorization.AUTH_TYPE_GRANT, null, p + "g2", Resources.PROCESS_INSTANCE, instanceOf(t.get("b2")),
        Permissions.READ);
    grant(Authorization.AUTH_TYPE_GRANT, p + "u6", null, Resources.PROCESS_DEFINITION, keyA,
        ProcessDefinitionPermissions.READ_INSTANCE);

    // user -> groups, tenants, the tasks of this test the grants above let them see
    // user -> groups, tenants, the tasks and the variables (task.name) of this test the grants above let them see;
    // the engine's join compares every grant with every resource id of a row, whatever its resource type: a TASK
    // grant on '*' (u3) or named after a process key (u4) also shows that tenant's or process's variables
    List<Who> users = List.of(
        new Who(p + "u1", List.of(p + "g1"), List.of(tA), Set.of("a1", "a2", "s1"), Set.of("a1.note", "s1.note")),
        new Who(p + "u2", List.of(p + "g2"), List.of(tA, tB), Set.of("s1", "s2", "b2"),
            Set.of("b2.region", "b2.group", "s1.note")),
        new Who(p + "u3", List.of(), List.of(tB), Set.of("a3", "b2", "s1"),
            Set.of("a3.region", "a3.group", "b2.region", "b2.group", "s1.note")),
        new Who(p + "u4", List.of(p + "g3"), List.of(tA, tB), Set.of("b1", "b2", "s1"),
            Set.of("b1.region", "b1.group", "b2.region", "b2.group", "s1.note")),
        new Who(p + "u5", List.of(p + "g1", p + "g3"), List.of(tA, tB), Set.of("a1", "a2", "a3", "b1", "b2", "s1"),
            Set.of("b1.region", "b1.group", "b2.region", "b2.group", "s1.note")),
        new Who(p + "u6", List.of(), List.of(tA), Set.of("s1"),
            Set.of("a1.region", "a1.group", "a1.note", "a2.region", "a2.group", "s1.note")),
        demo("zhangjing", Set.of("h1", "s1")),
        // no authentication: no authorization and no tenant check (the engine's own callers, the job executor)
        new Who(null, List.of(), List.of(), Set.copyOf(t.keySet()), null));

    // the group ids the engine intersects with a user's groups in every command: index walk = full scan's non-null ids
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
        .isEqualTo(TaskQueryAuthExists.GROUPS_NAMESPACE + ".selectAuthorizedGroupIds" + TaskQueryAuthExists.SUFFIX);
    Set<String> groupIds = both("authorized group ids", () -> new TreeSet<>(config.getCommandExecutorTxRequired()
        .execute(c -> c.getDbEntityManager().selectList("selectAuthorizedGroupIds")).stream()
        .filter(java.util.Objects::nonNull).map(String.class::cast).toList()));
    assertThat(groupIds).contains(p + "g1", p + "g2", p + "g3", Role.CASEWORKER.groupId());
    Map<String, Function<TaskService, TaskQuery>> queries = TaskQueryShapes.queries(p, keyA, cand);

    String caseworkerFilter = filters.createFilterQuery()
        .filterName(TasklistFilters.ROLE_FILTERS.get(Role.CASEWORKER)).singleResult().getId();
    Map<String, String> byId = new LinkedHashMap<>();
    t.forEach((name, id) -> byId.put(id, name));
    t.forEach((name, id) -> {
      String pi = instanceOf(id);
      if (pi != null) {
        byId.put(pi, name);
      }
    });
    List<String> scopes = new ArrayList<>(byId.keySet());
    int compared = 0;
    int filtered = 0;
    for (Who who : users) {
      if (who.user() != null) {
        identity.setAuthentication(who.user(), who.groups(), who.tenants());
      }
      try {
        for (var q : queries.entrySet()) {
          String what = who.user() + ", " + q.getKey();
          Set<String> engineIds = both(what + ": list", () -> ids(q.getValue().apply(taskService).list()));
          both(what + ": count", () -> q.getValue().apply(taskService).count());
          both(what + ": page of 3", () -> q.getValue().apply(taskService).orderByTaskCreateTime().desc()
              .orderByTaskId().asc().listPage(0, 3).stream().map(Task::getId).toList());
          assertThat(q.getValue().apply(taskService).count()).as(what + ": count = list").isEqualTo(engineIds.size());
          if (q.getKey().equals("all")) {
            Set<String> mine = new TreeSet<>();
            engineIds.stream().filter(byId::containsKey).forEach(id -> mine.add(byId.get(id)));
            assertThat(mine).as(what + ": the tasks the grants allow").isEqualTo(new TreeSet<>(who.sees()));
          }
          compared++;
        }
        // the variables Tasklist embeds in a HAL task list: by scope (tasks, process instances) and name
        both(who.user() + ": variables", () -> new TreeSet<>(variables(scopes).stream().map(VariableInstance::getId)
            .toList()));
        Set<String> seen = new TreeSet<>(variables(scopes).stream().map(v -> byId.get(v.getTaskId() != null
            ? v.getTaskId() : v.getProcessInstanceId()) + "." + v.getName()).toList());
        both(who.user() + ": variable count", () -> runtime.createVariableInstanceQuery().variableScopeIdIn(
            scopes.toArray(String[]::new)).variableNameIn("region", "group", "note").count());
        if (who.variables() != null) {
          assertThat(seen).as(who.user() + ": the variables the grants allow")
              .isEqualTo(new TreeSet<>(who.variables()));
        }
        if (who.groups().contains(Role.CASEWORKER.groupId())) {
          // the filter as Tasklist runs it (READ on the filter: the caseworkers' group only)
          Set<String> listed = both(who.user() + ": Tasklist filter list", () -> ids(filters.list(caseworkerFilter)));
          both(who.user() + ": Tasklist filter count", () -> filters.count(caseworkerFilter));
          both(who.user() + ": Tasklist filter page", () -> filters.listPage(caseworkerFilter,
              taskService.createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc(), 0, 15).stream()
              .map(Task::getId).toList());
          assertThat(listed).as("the demo caseworker's filter lists the demo region's tasks").isNotEmpty();
          filtered++;
        }
      } finally {
        identity.clearAuthentication();
      }
    }
    assertThat(compared).isEqualTo(users.size() * queries.size());
    assertThat(filtered).isEqualTo(1);
  }

  /** Runs the query with the engine's statements and with the EXISTS shape; both must answer the same. */
  private <T> T both(String what, Supplier<T> query) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    T byEngine;
    try {
      shape.useEngineStatements(true);
      assertThat(config.getDbSqlSessionFactory().mapStatement("selectTaskCountByQueryCriteria"))
          .isEqualTo("selectTaskCountByQueryCriteria");
      byEngine = query.get();
    } finally {
      shape.useEngineStatements(false);
    }
    assertThat(config.getDbSqlSessionFactory().mapStatement("selectTaskCountByQueryCriteria"))
        .isEqualTo(TaskQueryAuthExists.NAMESPACE + ".selectTaskCountByQueryCriteria" + TaskQueryAuthExists.SUFFIX);
    assertThat(query.get()).as(what + ": EXISTS shape = engine's").isEqualTo(byEngine);
    return byEngine;
  }

  private List<VariableInstance> variables(List<String> scopes) {
    return runtime.createVariableInstanceQuery().variableScopeIdIn(scopes.toArray(String[]::new))
        .variableNameIn("region", "group", "note").list();
  }

  private String instanceOf(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
  }

  private Who demo(String user, Set<String> sees) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    return new Who(user, groups, tenants, sees, null);
  }

  private static Set<String> ids(List<Task> tasks) {
    Set<String> ids = new TreeSet<>();
    tasks.forEach(task -> ids.add(task.getId()));
    assertThat(ids).as("no task twice").hasSize(tasks.size());
    return ids;
  }

  private static org.camunda.bpm.model.bpmn.BpmnModelInstance process(String key) {
    return Bpmn.createExecutableProcess(key).name("比对待办").camundaHistoryTimeToLive(1).startEvent()
        .userTask("work").name("办理").camundaCandidateGroups("${group}").endEvent().done();
  }

  private String start(String key, String tenant, String group) {
    String pi = runtime.startProcessInstanceByKey(key, Map.of("region", tenant, "group", group)).getId();
    cleanup.add(pi);
    return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  private String standaloneTask(String tenant) {
    Task task = taskService.newTask();
    task.setName("独立待办");
    task.setTenantId(tenant);
    taskService.saveTask(task);
    standalone.add(task.getId());
    return task.getId();
  }

  private void grant(int type, String user, String group, Resource resource, String id, Permission permission) {
    Authorization a = authorizations.createNewAuthorization(type);
    a.setUserId(user);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(id);
    a.addPermission(permission);
    authorizations.saveAuthorization(a);
  }

  @AfterEach
  void removeTheData() {
    identity.clearAuthentication();
    shape.useEngineStatements(false);
    cleanup.forEach(pi -> runtime.deleteProcessInstance(pi, "test data"));
    standalone.forEach(id -> taskService.deleteTask(id, true));
    authorizations.createAuthorizationQuery().list().stream()
        .filter(a -> a.getResourceId() != null && (a.getResourceId().startsWith(p)
            || standalone.contains(a.getResourceId()) || (a.getUserId() != null && a.getUserId().startsWith(p))
            || (a.getGroupId() != null && a.getGroupId().startsWith(p))))
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    if (deployment != null) {
      repository.deleteDeployment(deployment, true);
    }
  }
}
