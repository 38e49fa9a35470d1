package org.yibaoflow.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;

/**
 * The task queries TaskQueryWithExistsIT runs in both shapes, named: each shape of TaskQueryText's rewrite (the
 * candidate subquery, the engine's identity-link join kept, distinct kept) and the engine's other criteria.
 */
final class TaskQueryShapes {

  private TaskQueryShapes() {
  }

  /** {@code p}: the test's prefix of users and groups; {@code keyA}: a process key; {@code cand}: a candidate group. */
  static Map<String, Function<TaskService, TaskQuery>> queries(String p, String keyA, String cand) {
    Map<String, Function<TaskService, TaskQuery>> queries = new LinkedHashMap<>();
    queries.put("all", s -> s.createTaskQuery());
    queries.put("candidate group, assigned included", s -> s.createTaskQuery().taskCandidateGroupIn(
        List.of(cand, cand + "2", "caseworker")).includeAssignedTasks());
    queries.put("or: candidate group or assignee", s -> s.createTaskQuery().or().taskCandidateGroup(cand)
        .taskAssignee(p + "someone").endOr());
    queries.put("definition key", s -> s.createTaskQuery().processDefinitionKey(keyA));
    // the candidate link as a subquery (TaskQueryText): one candidate condition, no involved user
    queries.put("candidate user", s -> s.createTaskQuery().taskCandidateUser(p + "cu"));
    queries.put("candidate group like, assigned included", s -> s.createTaskQuery().taskCandidateGroupLike(p + "%")
        .includeAssignedTasks());
    queries.put("with candidate users", s -> s.createTaskQuery().withCandidateUsers());
    queries.put("with candidate groups, assigned included", s -> s.createTaskQuery().withCandidateGroups()
        .includeAssignedTasks());
    queries.put("without candidate groups", s -> s.createTaskQuery().withoutCandidateGroups());
    queries.put("or: candidate user or group in one or-query", s -> s.createTaskQuery().or()
        .taskCandidateUser(p + "u2").taskCandidateGroup(cand).endOr());
    // the engine's identity-link join stays: an involved user, candidate conditions in two (or-)queries
    queries.put("involved user", s -> s.createTaskQuery().taskInvolvedUser(p + "cu"));
    queries.put("candidate group and involved user", s -> s.createTaskQuery().taskCandidateGroup(cand + "2")
        .taskInvolvedUser(p + "cu"));
    queries.put("candidate group and (candidate user or assignee)", s -> s.createTaskQuery()
        .taskCandidateGroup(cand + "2").includeAssignedTasks().or().taskCandidateUser(p + "cu")
        .taskAssignee(p + "someone").endOr());
    // distinct stays: ordering by a variable joins the variables
    queries.put("candidate group, by a process variable", s -> s.createTaskQuery().taskCandidateGroupIn(
        List.of(cand, cand + "2")).orderByProcessVariable("region", ValueType.STRING).asc());
    return queries;
  }
}
