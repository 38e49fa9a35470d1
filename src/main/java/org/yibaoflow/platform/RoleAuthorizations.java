package org.yibaoflow.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role groups and their engine authorizations, in every profile (production has them without the demo):
 * created at start-up when missing, idempotent. A group may start only the entry processes of its role
 * ({@link ProcessEntries}: CREATE_INSTANCE on those definitions only), so Tasklist offers no other; the engine's
 * start guard refuses the rest whatever is granted. An agency's operations team adds users to these groups (or
 * maps LDAP groups of the same ids).
 */
@Component
@Order(5)
class RoleAuthorizations implements InitializingBean {

  /** Camunda webapps each role opens. */
  static final Map<Role, List<String>> APPLICATIONS = Map.of(
      Role.CASEWORKER, List.of("tasklist"),
      Role.EXPERT, List.of("tasklist"),
      Role.SUPERVISOR, List.of("tasklist", "cockpit"),
      Role.LEGAL, List.of("tasklist"),
      Role.ADMINDEPT, List.of("tasklist"),
      Role.MODELER, List.of("tasklist", "cockpit"),
      Role.REPORTDESK, List.of("tasklist"));

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  RoleAuthorizations(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  public void afterPropertiesSet() {
    APPLICATIONS.keySet().forEach(this::role);
  }

  private void role(Role role) {
    String g = role.groupId();
    // with a read-only identity provider (LDAP) the directory owns the groups; authorizations stay in Camunda
    if (!identity.isReadOnly() && identity.createGroupQuery().groupId(g).count() == 0) {
      Group group = identity.newGroup(g);
      group.setName(role.nameZh());
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
    APPLICATIONS.get(role).forEach(app -> grant(g, Resources.APPLICATION, app, Permissions.ACCESS));
    // see the shared process definitions; start only the entry processes of the role (issue 13, item 3). A
    // database seeded before this rule granted CREATE_INSTANCE on every definition: taken back here.
    revoke(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    ProcessEntries.ENTRIES.forEach((key, roles) -> {
      if (roles.contains(role)) {
        grant(g, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
      }
    });
    grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(g, Resources.USER, ANY, Permissions.READ);
    grant(g, Resources.GROUP, ANY, Permissions.READ);
    if (role != Role.EXPERT) {
      // caseworkers, legal reviewers and the department read the cases of their regions; experts only
      // see the evaluation tasks given to them
      grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE);
    }
    if (role == Role.SUPERVISOR || role == Role.MODELER) {
      // supervisors watch every case and deadline of their regions in Cockpit
      grant(g, Resources.TASK, ANY, Permissions.READ);
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      grant(g, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
      grant(g, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      grant(g, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    // Comments and the 历史 tab on the tasks a role works (issue 15): Tasklist's comment request first looks the
    // task up in the history, so every role reads the history of the processes it works in (tenant checks still
    // limit it to its regions); experts only that of designation, where their evaluations are.
    if (role == Role.EXPERT) {
      grant(g, Resources.PROCESS_DEFINITION, "designation", ProcessDefinitionPermissions.READ_HISTORY);
    } else {
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_HISTORY);
      grant(g, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      grant(g, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    }
    if (role == Role.MODELER) {
      // deploy from Camunda Modeler through /engine-rest/deployment/create (DeploymentRules check each diagram)
      grant(g, Resources.DEPLOYMENT, ANY, Permissions.CREATE);
    }
  }

  private Authorization find(String groupId, Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = find(groupId, resource, resourceId);
    Authorization a = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  private void revoke(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization existing = find(groupId, resource, resourceId);
    if (existing != null && existing.isPermissionGranted(permission)) {
      existing.removePermission(permission);
      authorizations.saveAuthorization(existing);
    }
  }
}
