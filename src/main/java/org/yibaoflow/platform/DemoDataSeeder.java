package org.yibaoflow.platform;

import org.camunda.bpm.engine.IdentityService;
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

  DemoDataSeeder(IdentityService identity) {
    this.identity = identity;
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
    // application access and engine authorizations of the role: RoleAuthorizations (every profile);
    // Tasklist filters: TasklistFilters (every profile)
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
}
