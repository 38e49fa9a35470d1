package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic credentials are sent by a browser with any request, also one a foreign page makes it send (a
 * cross-origin form post). So a state-changing request (POST, PUT, DELETE, PATCH) to the Basic-auth APIs is refused
 * with 403 when its {@code Origin} — or, without one, its {@code Referer} — is neither this application's own origin
 * nor one of {@code yibao.security.allowed-origins}. A request with neither header (curl, other systems) passes.
 */
public class OriginCheckFilter extends OncePerRequestFilter {

  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

  private final Set<String> allowedOrigins;
  private final ObjectMapper json;

  public OriginCheckFilter(Set<String> allowedOrigins, ObjectMapper json) {
    this.allowedOrigins = allowedOrigins.stream().map(OriginCheckFilter::normalise).filter(o -> !o.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader("Origin");
    String claimed = origin != null ? normalise(origin) : originOf(request.getHeader("Referer"));
    if (claimed == null || claimed.equals(ownOrigin(request)) || allowedOrigins.contains(claimed)) {
      chain.doFilter(request, response);
      return;
    }
    ProblemResponses.write(response, json, HttpStatus.FORBIDDEN, "ORIGIN",
        "拒绝来自其他网站的修改请求：" + claimed, "State-changing request from a foreign origin refused: " + claimed);
  }

  /** scheme://host[:port] of this request as the client addressed it (behind the proxy: forwarded values). */
  static String ownOrigin(HttpServletRequest request) {
    return normalise(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
  }

  /** The origin of a Referer URL; null without one, "null" (foreign) when it cannot be read. */
  static String originOf(String referer) {
    if (referer == null || referer.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(referer.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "null";
      }
      return normalise(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (IllegalArgumentException e) {
      return "null";
    }
  }

  /** Lower case, no trailing slash, default ports (80 for http, 443 for https) left out. */
  static String normalise(String origin) {
    String o = origin.strip().toLowerCase(Locale.ROOT);
    while (o.endsWith("/")) {
      o = o.substring(0, o.length() - 1);
    }
    if (o.startsWith("http://") && o.endsWith(":80")) {
      o = o.substring(0, o.length() - 3);
    } else if (o.startsWith("https://") && o.endsWith(":443")) {
      o = o.substring(0, o.length() - 4);
    }
    return o;
  }
}
