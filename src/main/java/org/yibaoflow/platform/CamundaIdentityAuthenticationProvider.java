package org.yibaoflow.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic credentials are checked against Camunda's identity service, the one user store of
 * Tasklist, Cockpit, the engine REST API and the domain API. Failed attempts count in the {@link LoginThrottle}
 * per client (the request's remote address, the client's own behind the TLS proxy) and user name.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String client = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
    var refused = throttle.check(client, userId);
    if (refused.isPresent()) {
      throw new LoginThrottledException(refused.get());
    }
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throttle.failed(client, userId);
      throw new BadCredentialsException("Bad credentials");
    }
    throttle.succeeded(client, userId);
    EngineUser user = load(userId);
    List<GrantedAuthority> authorities = new ArrayList<>();
    user.groupIds().forEach(g -> authorities.add(new SimpleGrantedAuthority("GROUP_" + g)));
    // roles for Spring's own checks (actuator: hasRole, health details' management.endpoint.health.roles)
    user.groupIds().forEach(g -> authorities.add(new SimpleGrantedAuthority("ROLE_" + g)));
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  EngineUser load(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).toList();
    return new EngineUser(userId, groups, tenants);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
