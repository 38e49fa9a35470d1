package org.yibaoflow.platform;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The regions (tenants) the current user may see. Every domain read and write goes through here, so
 * a user of one region never sees or changes another region's cases.
 */
@Component
public class RegionAccess {

  public EngineUser currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof EngineUser user) {
      return user;
    }
    throw new AccessDeniedException("Not authenticated");
  }

  /** The regions whose data the current user may read; empty means none. */
  public List<String> visibleRegions() {
    return currentUser().tenantIds();
  }

  public boolean canSee(String region) {
    return region != null && currentUser().belongsTo(region);
  }

  /**
   * The region of a new case: the requested one, which must be one of the user's (else 403), or, when none is
   * named, the user's single region (a user of several regions must name one: 400 naming {@code region}).
   */
  public String caseRegion(String requested) {
    String region;
    if (requested == null || requested.isBlank()) {
      List<String> regions = visibleRegions();
      if (regions.size() != 1) {
        throw DomainRuleException.badRequest("region", "INPUT", "属于多个统筹地区的用户须指定统筹地区",
            "A user of several regions must name the region");
      }
      region = regions.get(0);
    } else {
      region = requested.trim();
    }
    requireRegion(region);
    return region;
  }

  /**
   * Refuses access to a region the user does not belong to. Callers answer 404 for records of other
   * regions so their existence is not disclosed; this is for explicit region parameters.
   */
  public void requireRegion(String region) {
    if (!canSee(region)) {
      throw new AccessDeniedException("Region " + region + " is not one of the user's regions");
    }
  }
}
