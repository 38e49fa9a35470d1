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

/**
 * HTTP Basic credentials are checked against Camunda's identity service, the one user store of
 * Tasklist, Cockpit, the engine REST API and the domain API. Failed attempts count towards the
 * engine's login lockout.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
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
