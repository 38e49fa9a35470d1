package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Security is on from the first commit. The engine REST API, the domain API, metrics and the API
 * documentation require HTTP Basic against Camunda's identity service; the request then runs with the
 * user set on the engine, so authorizations and tenant (region) checks apply. Health stays open for
 * load balancers. The webapps (/camunda/**) keep their own session login and CSRF protection.
 */
@Configuration
class SecurityConfig {

  /** Camunda group of technical users that may read metrics and health details (e.g. a Prometheus scraper). */
  static final String MONITORING_GROUP = "monitoring";

  @Bean
  CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService,
      LoginThrottle throttle) {
    return new CamundaIdentityAuthenticationProvider(identityService, throttle);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService, ObjectMapper json,
      @Value("${yibao.security.allowed-origins:}") String allowedOrigins) throws Exception {
    AuthenticationManager manager = new ProviderManager(provider);
    // path patterns, not MVC matchers: /engine-rest is served by Camunda's Jersey servlet, not Spring MVC
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(path.matcher("/engine-rest/**"), path.matcher("/api/**"),
            path.matcher("/actuator/**"), path.matcher("/swagger-ui/**"), path.matcher("/swagger-ui.html"),
            path.matcher("/v3/api-docs/**"), path.matcher("/v3/api-docs*")))
        .authenticationManager(manager)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(path.matcher(HttpMethod.GET, "/actuator/health"),
                path.matcher(HttpMethod.GET, "/actuator/health/**"), path.matcher(HttpMethod.GET, "/actuator/info"))
            .permitAll()
            // metrics and the other actuator endpoints: administrators and the monitoring group (a scraper user)
            .requestMatchers(path.matcher("/actuator/**")).hasAnyRole(EngineUser.ADMIN_GROUP, MONITORING_GROUP)
            .anyRequest().authenticated())
        // 401 with the realm, or 429 + Retry-After when the login throttle refused the attempt
        .httpBasic(basic -> basic.authenticationEntryPoint(new BasicEntryPoint("yibao-flow", json)))
        // stateless Basic auth: no session cookie, so no CSRF exposure
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
    // Basic credentials travel with any browser request: foreign origins may not change anything
    http.addFilterBefore(new OriginCheckFilter(Set.of(allowedOrigins.split(",")), json),
        BasicAuthenticationFilter.class);
    SecurityHeaders.apply(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http, LoginThrottle throttle, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
    // Tasklist, Cockpit, Admin and Welcome authenticate through the webapp's own login against the same
    // identity service and carry their own CSRF prevention filter.
    http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    // the webapps' login form counts in the same login throttle as HTTP Basic
    http.addFilterBefore(new WebappLoginThrottleFilter(throttle, json, webappPath), AuthorizationFilter.class);
    SecurityHeaders.apply(http);
    return http.build();
  }
}
