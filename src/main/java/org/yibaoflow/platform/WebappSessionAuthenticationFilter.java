package org.yibaoflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for the Camunda webapps and the pages beside them (/supervision, /cases): a user logged in to Tasklist
 * or Cockpit has the webapps' authentication in the container session (attribute {@code authenticatedUser}, read
 * through Camunda's {@link AuthenticationUtil}); that user is authenticated here too, with their groups and regions
 * loaded afresh from the identity service. Requests that change something must carry the webapps' CSRF token
 * (header {@code X-XSRF-TOKEN}, the value Camunda keeps in the session), so another site cannot use the cookie.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  static final String SESSION_ATTRIBUTE = "authenticatedUser";
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final CamundaIdentityAuthenticationProvider identities;
  private final String engineName;

  WebappSessionAuthenticationFilter(CamundaIdentityAuthenticationProvider identities, String engineName) {
    this.identities = identities;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && request.getHeader("Authorization") == null
        && session.getAttribute(SESSION_ATTRIBUTE) != null) {
      Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
      if (auths.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
        if (!SAFE.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
          response.sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF token missing or wrong");
          return;
        }
        EngineUser engineUser = identities.load(user.getIdentityId());
        var token = UsernamePasswordAuthenticationToken.authenticated(engineUser, null,
            engineUser.groupIds().stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
    String given = request.getHeader(CSRF_HEADER);
    return expected != null && given != null && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
