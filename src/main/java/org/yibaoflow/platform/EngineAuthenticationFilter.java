package org.yibaoflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user to the engine for the duration of the request, so engine
 * authorizations and tenant checks apply to everything the request does (the same thing Camunda's
 * ProcessEngineAuthenticationFilter does for its own REST API).
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof EngineUser user) {
      identityService.setAuthentication(user.userId(), user.groupIds(), user.tenantIds());
      try {
        chain.doFilter(request, response);
      } finally {
        identityService.clearAuthentication();
      }
    } else {
      chain.doFilter(request, response);
    }
  }
}
