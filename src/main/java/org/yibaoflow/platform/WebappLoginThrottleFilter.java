package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@link LoginThrottle} on the webapps' own login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * a form with {@code username} and {@code password}). The form is read here to learn the user name and replayed to
 * Camunda unchanged; Camunda answers 200 for a login and 401 for a wrong password, which is counted.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  /** A login form is a user name and a password; anything longer is not read (and not a login Camunda accepts). */
  static final int MAX_FORM_BYTES = 8 * 1024;

  private static final Pattern LOGIN = Pattern.compile("/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private final LoginThrottle throttle;
  private final ObjectMapper json;
  private final String applicationPath;

  WebappLoginThrottleFilter(LoginThrottle throttle, ObjectMapper json, String applicationPath) {
    this.throttle = throttle;
    this.json = json;
    this.applicationPath = applicationPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || !path.startsWith(applicationPath)
        || !LOGIN.matcher(path.substring(applicationPath.length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    String userName = form.length > MAX_FORM_BYTES ? "" : field(new String(form, StandardCharsets.ISO_8859_1),
        "username");
    String client = request.getRemoteAddr();
    var refused = throttle.check(client, userName);
    if (refused.isPresent()) {
      ProblemResponses.throttled(response, json, refused.get());
      return;
    }
    chain.doFilter(new BodyRequest(request, form), response);
    int status = response.getStatus();
    // 401: wrong password or unknown user; 403 (right password, no access to that webapp) is no guess
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(client, userName);
    } else if (status < 300) {
      throttle.succeeded(client, userName);
    }
  }

  /** A field of an x-www-form-urlencoded body (UTF-8), "" when absent. */
  static String field(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
