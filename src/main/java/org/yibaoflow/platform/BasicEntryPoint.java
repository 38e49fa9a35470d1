package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/** HTTP Basic's answer: 401 with the realm, or 429 with Retry-After when the login throttle refused the attempt. */
class BasicEntryPoint implements AuthenticationEntryPoint {

  private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
  private final ObjectMapper json;

  BasicEntryPoint(String realm, ObjectMapper json) {
    basic.setRealmName(realm);
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof LoginThrottledException throttled) {
      ProblemResponses.throttled(response, json, throttled.refusal());
    } else {
      basic.commence(request, response, e);
    }
  }
}
