package org.yibaoflow.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Names users read, looked up once: process definitions (key and Chinese name, deployed definitions never change),
 * activity names from the BPMN, people's names, the business key (case number) of process instances. The callers
 * have already scoped what they ask for to the user's regions; these lookups run as the application.
 */
@Component
class EngineNames {

  record Definition(String key, String name) {
  }

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Map<String, Definition> definitions = new ConcurrentHashMap<>();
  private final Map<String, String> activities = new ConcurrentHashMap<>();
  private final Map<String, String> jobActivities = new ConcurrentHashMap<>();
  private final ManagementService management;

  EngineNames(RepositoryService repository, RuntimeService runtime, IdentityService identity,
      ManagementService management) {
    this.management = management;
    this.repository = repository;
    this.runtime = runtime;
    this.identity = identity;
  }

  Definition definition(String processDefinitionId) {
    return definitions.computeIfAbsent(processDefinitionId, id -> {
      ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
      return d == null ? new Definition(id, id) : new Definition(d.getKey(), d.getName() != null ? d.getName() : d.getKey());
    });
  }

  /** The Chinese name of an activity; a boundary timer without a name takes the name of its task. */
  String activity(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return "";
    }
    return activities.computeIfAbsent(processDefinitionId + "#" + activityId, k -> {
      BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
      ModelElementInstance e = model == null ? null : model.getModelElementById(activityId);
      if (e instanceof BoundaryEvent b && (b.getName() == null || b.getName().isBlank()) && b.getAttachedTo() != null) {
        return b.getAttachedTo().getName();
      }
      if (e instanceof FlowElement f && f.getName() != null && !f.getName().isBlank()) {
        return f.getName();
      }
      return activityId;
    });
  }

  /** The activity a job definition belongs to (job definitions never change). */
  String jobActivity(String jobDefinitionId) {
    if (jobDefinitionId == null) {
      return null;
    }
    return jobActivities.computeIfAbsent(jobDefinitionId, id -> {
      JobDefinition d = management.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
      return d == null ? "" : d.getActivityId();
    });
  }

  /** Business keys of running process instances by id. */
  Map<String, String> businessKeys(Collection<String> processInstanceIds) {
    Map<String, String> keys = new HashMap<>();
    List<String> ids = new ArrayList<>(processInstanceIds);
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      for (ProcessInstance p : runtime.createProcessInstanceQuery()
          .processInstanceIds(new java.util.HashSet<>(chunk)).list()) {
        keys.put(p.getId(), p.getBusinessKey());
      }
    }
    return keys;
  }

  /** "张静" for zhangjing (the first name holds the Chinese name); the id when unknown. */
  Map<String, String> userNames(Collection<String> userIds) {
    Map<String, String> names = new HashMap<>();
    List<String> ids = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    if (!ids.isEmpty()) {
      for (User u : identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()) {
        names.put(u.getId(), u.getFirstName() != null ? u.getFirstName() : u.getId());
      }
    }
    ids.forEach(id -> names.putIfAbsent(id, id));
    return names;
  }
}
