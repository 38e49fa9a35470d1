package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The answer Tasklist shows when a {@link FormCheck} refuses a form: the engine wraps a listener's exception
 * ("Cannot submit task form ...: ENGINE-03051 There was an exception while invoking the TaskListener ...", 500),
 * so Tasklist would show English around the Chinese message. For a form submission (start, submit-form,
 * complete) refused by a check in this request, the answer becomes 400 with the Chinese message alone, the
 * field and the rule: {@code {"type":"FormInputException","message":"...","field":"...","rule":"..."}}. The
 * engine has rolled everything back already; any other answer passes unchanged.
 */
class FormErrorFilter extends OncePerRequestFilter {

  static final Pattern FORM_SUBMISSION = Pattern.compile(".*/(submit-form|complete|start|resolve)/?$");
  private static final ThreadLocal<FormInputException> REFUSED = new ThreadLocal<>();

  private final ObjectMapper json = new ObjectMapper();

  /** Remembers the refusal for the answer of the current request (called by {@link FormChecks}). */
  static void refused(FormInputException e) {
    REFUSED.set(e);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equalsIgnoreCase(request.getMethod())
        || !FORM_SUBMISSION.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    REFUSED.remove();
    try {
      chain.doFilter(request, wrapped);
      FormInputException refused = REFUSED.get();
      if (refused != null && wrapped.getStatus() >= 400) {
        wrapped.resetBuffer();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FormInputException");
        body.put("message", refused.getMessage());
        body.put("field", refused.field());
        body.put("rule", refused.rule());
        byte[] bytes = json.writeValueAsBytes(body);
        wrapped.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        wrapped.setContentType("application/json;charset=UTF-8");
        wrapped.setCharacterEncoding(StandardCharsets.UTF_8.name());
        wrapped.getOutputStream().write(bytes);
      }
      wrapped.copyBodyToResponse();
    } finally {
      REFUSED.remove();
    }
  }
}
