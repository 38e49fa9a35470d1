package org.yibaoflow.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webapps' CSRF token of this session for the pages beside them (/supervision): Camunda answers it only on the
 * first request of a session and keeps its cookie under /camunda, where the pages' scripts cannot read it. A page
 * sends it as {@code X-XSRF-TOKEN} when it logs in through the webapps' login or changes something. Same-origin
 * reads only (no CORS), so another site cannot learn it.
 */
@RestController
class WebappCsrfToken {

  private static final SecureRandom RANDOM = new SecureRandom();

  @GetMapping("/supervision/csrf-token")
  ResponseEntity<Map<String, String>> token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    Object token;
    synchronized (this) {
      token = session.getAttribute(WebappSessionAuthenticationFilter.CSRF_SESSION_ATTRIBUTE);
      if (token == null) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        token = HexFormat.of().withUpperCase().formatHex(bytes);
        session.setAttribute(WebappSessionAuthenticationFilter.CSRF_SESSION_ATTRIBUTE, token);
      }
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", token.toString()));
  }
}
