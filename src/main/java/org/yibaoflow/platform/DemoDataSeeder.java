package org.yibaoflow.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

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
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: regions as tenants, one group per role, demo users, their authorizations and
 * the rights each role needs in Tasklist (its filters: TasklistFilters, every profile). Idempotent: a restart on the same database adds only what is missing.
 */
@Component
@Profile("demo")
@Order(10)
class DemoDataSeeder implements DemoSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  DemoDataSeeder(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  public void seed() {
    DemoData.REGIONS.forEach(r -> {
      if (identity.createTenantQuery().tenantId(r.id()).count() == 0) {
        var tenant = identity.newTenant(r.id());
        tenant.setName(r.name());
        identity.saveTenant(tenant);
      }
      membership(DemoData.ADMIN, r.id());
    });
    DemoData.ROLES.forEach(this::role);
    DemoData.USERS.forEach(this::user);
    LOG.info("Demo data: {} regions, {} roles, {} users (password '{}')", DemoData.REGIONS.size(),
        DemoData.ROLES.size(), DemoData.USERS.size(), DemoData.PASSWORD);
  }

  private void role(DemoData.Role role) {
    String g = role.groupId();
    if (identity.createGroupQuery().groupId(g).count() == 0) {
      Group group = identity.newGroup(g);
      group.setName(role.name());
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
    role.applications().forEach(app -> grant(g, Resources.APPLICATION, app, Permissions.ACCESS));
    // see and start the shared process definitions; tenant checks still limit instances to the region
    grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(g, Resources.USER, ANY, Permissions.READ);
    grant(g, Resources.GROUP, ANY, Permissions.READ);
    if (!g.equals("expert")) {
      // caseworkers, legal reviewers and the department read the cases of their regions; experts only
      // see the evaluation tasks given to them
      grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE);
    }
    if (g.equals("supervisor") || g.equals("modeler")) {
      // supervisors watch every case and deadline of their regions in Cockpit
      grant(g, Resources.TASK, ANY, Permissions.READ);
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      grant(g, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
      grant(g, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      grant(g, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    if (g.equals("modeler")) {
      // deploy from Camunda Modeler through /engine-rest/deployment/create
      grant(g, Resources.DEPLOYMENT, ANY, Permissions.CREATE);
    }
    // Tasklist filters: TasklistFilters (every profile).
    // Comments and the 历史 tab on the tasks a role works (issue 15): Tasklist's comment request first looks the
    // task up in the history, so every role needs to read the history of the processes it works in (tenant checks
    // still limit it to its regions); experts only that of designation, where their evaluations are.
    if (g.equals("expert")) {
      grant(g, Resources.PROCESS_DEFINITION, "designation", ProcessDefinitionPermissions.READ_HISTORY);
    } else {
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_HISTORY);
      grant(g, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      grant(g, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    }
  }

  private void user(DemoData.DemoUser u) {
    if (identity.createUserQuery().userId(u.id()).count() == 0) {
      User user = identity.newUser(u.id());
      user.setFirstName(u.name());
      user.setLastName(u.post());
      user.setPassword(DemoData.PASSWORD);
      user.setEmail(u.id() + "@demo.yibaoflow.org");
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(u.id()).memberOfGroup(u.groupId()).count() == 0) {
      identity.createMembership(u.id(), u.groupId());
    }
    u.regions().forEach(r -> membership(u.id(), r));
  }

  private void membership(String userId, String tenantId) {
    if (identity.createUserQuery().userId(userId).count() > 0
        && identity.createTenantQuery().tenantId(tenantId).userMember(userId).count() == 0) {
      identity.createTenantUserMembership(tenantId, userId);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization a = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }
}
