package org.yibaoflow.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The supervision page, the case file and their JSON (/supervision, /cases, /api/supervision, /api/cases): the
 * Camunda webapps' login counts here ({@link WebappSessionAuthenticationFilter}), and HTTP Basic with the same
 * credentials for an agency's own dashboards. A page without a login goes to /supervision/login.html, which logs in
 * through the webapps' own login endpoint, so one login serves Tasklist, Cockpit and these pages. Roles and regions
 * are checked as for every /api operation (RoleCheck, RegionAccess).
 */
@Configuration
class PageSecurityConfig {

  static final String LOGIN_PAGE = "/supervision/login.html";

  @Bean
  @Order(0)
  SecurityFilterChain pageSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService, ProcessEngine processEngine) throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    AuthenticationEntryPoint entryPoint = PageSecurityConfig::unauthenticated;
    http.securityMatcher(new OrRequestMatcher(path.matcher("/supervision"), path.matcher("/supervision/**"),
            path.matcher("/cases/**"), path.matcher("/api/supervision/**"), path.matcher("/api/cases/**"),
            // the case file links each document's file
            path.matcher(org.springframework.http.HttpMethod.GET, "/api/documents/*")))
        .authenticationManager(new ProviderManager(provider))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(path.matcher(LOGIN_PAGE), path.matcher("/supervision/login.js"),
                path.matcher("/supervision/style.css"), path.matcher("/supervision/csrf-token"))
            .permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("yibao-flow").authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        // a session user's changes carry the webapps' CSRF token (checked by the session filter); Basic is stateless
        .csrf(csrf -> csrf.disable())
        // the session is the webapps': never create, change (session fixation) or store anything in it here
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(f -> f.none()))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .addFilterBefore(new WebappSessionAuthenticationFilter(provider, processEngine.getName()),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
    return http.build();
  }

  /**
   * JSON: 401 (with a Basic challenge unless the page's own script asks, so the browser shows no password dialog);
   * pages: to the login page and back.
   */
  private static void unauthenticated(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
      org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
    String uri = request.getRequestURI();
    if (uri.startsWith(request.getContextPath() + "/api/")) {
      if (request.getHeader("X-Requested-With") == null) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"yibao-flow\"");
      }
      response.setStatus(401);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\",\"detailZh\":\"请先登录\"}");
      return;
    }
    String next = uri + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?next="
        + URLEncoder.encode(next, StandardCharsets.UTF_8));
  }
}
