package org.yibaoflow.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Deny by default: a domain API handler runs only for a user in one of the roles its {@link AllowedRoles}
 * names. The refusal is an {@link AccessDeniedException}, answered 403 with a problem body by ProblemHandler.
 */
@Component
public class RoleCheck implements HandlerInterceptor {

  private final RegionAccess regions;

  RoleCheck(RegionAccess regions) {
    this.regions = regions;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    if (!method.getBeanType().getPackageName().startsWith("org.yibaoflow")) {
      return true; // springdoc and Spring's own error handling; secured by the filter chain
    }
    Role[] allowed = allowedRoles(method).orElseThrow(
        () -> new AccessDeniedException("Operation declares no roles: " + method.getMethod().toGenericString()));
    EngineUser user = regions.currentUser();
    boolean permitted = Arrays.stream(allowed).anyMatch(r -> user.groupIds().contains(r.groupId()));
    if (!permitted) {
      throw new AccessDeniedException("Role required: " + Arrays.toString(allowed));
    }
    return true;
  }

  /** The roles of a handler method: its own annotation, else its controller's. */
  public static Optional<Role[]> allowedRoles(HandlerMethod method) {
    AllowedRoles onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AllowedRoles.class);
    if (onMethod != null) {
      return Optional.of(onMethod.value());
    }
    AllowedRoles onType = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AllowedRoles.class);
    return Optional.ofNullable(onType).map(AllowedRoles::value);
  }
}
