package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Problem bodies written by servlet filters, which run before Spring MVC's ProblemHandler can answer. */
final class ProblemResponses {

  private ProblemResponses() {
  }

  static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String rule, String zh,
      String en) throws IOException {
    ProblemDetail p = ProblemHandler.problem(status, null, rule, zh, en);
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write(json.writeValueAsString(p));
  }

  /** 429 with Retry-After for a throttled login (rule LOGIN_THROTTLE). */
  static void throttled(HttpServletResponse response, ObjectMapper json, LoginThrottle.Refusal refusal)
      throws IOException {
    long seconds = refusal.retryAfterSeconds();
    response.setHeader("Retry-After", String.valueOf(seconds));
    write(response, json, HttpStatus.TOO_MANY_REQUESTS, "LOGIN_THROTTLE",
        "登录失败次数过多，请 " + seconds + " 秒后再试", "Too many failed logins; try again in " + seconds + " s");
  }
}
