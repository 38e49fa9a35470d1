package org.yibaoflow.whistleblower;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.yibaoflow.platform.OriginCheckFilter;
import org.yibaoflow.platform.SecurityHeaders;

/**
 * The public reporting API ({@code /public/reports/**}) needs no login: no credentials, no session, no cookie, so
 * nothing a foreign page could ride on; still, a state-changing request from a foreign origin is refused (403) like
 * on {@code /api}, and bodies are JSON only (a cross-site HTML form cannot send it without a CORS preflight, which
 * this application never allows). Rate limits: {@link PublicRateLimit}.
 */
@Configuration
class PublicReportSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain publicReportChain(HttpSecurity http, ObjectMapper json,
      @Value("${yibao.security.allowed-origins:}") String allowedOrigins) throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/public/reports/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new OriginCheckFilter(Set.of(allowedOrigins.split(",")), json), AuthorizationFilter.class);
    SecurityHeaders.apply(http);
    return http.build();
  }
}
