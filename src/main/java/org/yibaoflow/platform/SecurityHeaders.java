package org.yibaoflow.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Response headers of every filter chain. HSTS is written for secure requests only, which behind the TLS proxy
 * are those it forwards with {@code X-Forwarded-Proto: https} (server.forward-headers-strategy, docs/security.md);
 * Referrer-Policy keeps case numbers in URLs from leaking to other sites.
 */
public final class SecurityHeaders {

  static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 3600;

  private SecurityHeaders() {
  }

  public static void apply(HttpSecurity http) throws Exception {
    http.headers(h -> h
        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE_SECONDS))
        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
  }
}
