package org.yibaoflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks a request to Camunda's REST API ({@code /engine-rest}) or the webapps' engine API
 * ({@code /camunda/api/engine}) for the duration of the request, so {@link EngineBoundaryInterceptor} answers the
 * engine's exceptions with REST statuses there and leaves the domain services' own handling alone.
 */
@Component
class EngineRestRequests extends OncePerRequestFilter {

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  static boolean active() {
    return Boolean.TRUE.equals(ACTIVE.get());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ACTIVE.set(Boolean.TRUE);
    try {
      chain.doFilter(request, response);
    } finally {
      ACTIVE.remove();
    }
  }
}
