package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tasklist set a follow-up date or change a due date on a task that uses a Camunda Form. Tasklist sends
 * {@code PUT .../task/{id}} with the whole task as it was read, including {@code camundaFormRef}; the 7.24 REST
 * API cannot deserialize that property (an interface type) and answers 400 "Cannot construct instance of
 * CamundaFormRef" (operaton/operaton#3659, fixed upstream by making it read-only). The property is output-only
 * anyway ({@code TaskDto.updateTask} never copies it, the form comes from the process model), so this filter
 * drops it from the request body before the REST API reads it; everything else is passed on unchanged.
 */
class TaskUpdateBodyFilter extends OncePerRequestFilter {

  /** The task resource itself (not /task/{id}/comment, /variables, ...), under /engine-rest or the webapp API. */
  static final Pattern TASK_UPDATE = Pattern.compile(".*/task/[^/]+/?$");
  private static final String[] OUTPUT_ONLY = {"camundaFormRef", "formRef"};

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"PUT".equalsIgnoreCase(request.getMethod()) || !TASK_UPDATE.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    byte[] cleaned = body;
    try {
      JsonNode node = json.readTree(body);
      if (node instanceof ObjectNode task) {
        boolean changed = false;
        for (String property : OUTPUT_ONLY) {
          changed |= task.remove(property) != null;
        }
        if (changed) {
          cleaned = json.writeValueAsBytes(task);
        }
      }
    } catch (IOException notJson) {
      // not JSON: the REST API gives its own answer to what it cannot read
    }
    chain.doFilter(new BodyRequest(request, cleaned), response);
  }
}
