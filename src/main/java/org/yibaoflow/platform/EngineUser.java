package org.yibaoflow.platform;

import java.security.Principal;
import java.util.List;

/**
 * The authenticated user as Camunda's identity service knows them: groups are roles, tenants are the
 * regions (统筹地区) whose data the user may see.
 */
public record EngineUser(String userId, List<String> groupIds, List<String> tenantIds) implements Principal {

  public static final String ADMIN_GROUP = "camunda-admin";

  public EngineUser {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  @Override
  public String getName() {
    return userId;
  }

  public boolean isAdmin() {
    return groupIds.contains(ADMIN_GROUP);
  }

  public boolean belongsTo(String region) {
    return tenantIds.contains(region);
  }
}
