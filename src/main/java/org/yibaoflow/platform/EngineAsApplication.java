package org.yibaoflow.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the application, not as the requesting user. For domain services that have
 * already checked the user's region and role themselves (e.g. an objection filed through /api/ correlates a
 * message the caseworker has no engine permission for). Never used for what /engine-rest exposes.
 */
@Component
public class EngineAsApplication {

  private final IdentityService identityService;

  EngineAsApplication(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> engineCall) {
    Authentication user = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return engineCall.get();
    } finally {
      if (user != null) {
        identityService.setAuthentication(user);
      }
    }
  }

  /**
   * As {@link #call}, for an engine call whose records belong to a region that no execution and no user names
   * (a decision a domain service evaluates): its historic decision instances get that region's tenant.
   */
  public <T> T callInRegion(String region, Supplier<T> engineCall) {
    return RegionTenantIdProvider.inRegion(region, () -> call(engineCall));
  }

  public void run(Runnable engineCall) {
    call(() -> {
      engineCall.run();
      return null;
    });
  }
}
