package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/**
 * Hardened defaults (issue 13 item 5): API documentation only for users, metrics and health details only for
 * administrators (or the monitoring group), HSTS when the TLS proxy says the request was secure, Referrer-Policy.
 */
@IntegrationTest
class ProductionDefaultsIT {

  @LocalServerPort
  int port;

  @ParameterizedTest
  @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html"})
  void apiDocumentationNeedsAUser(String path) {
    assertThat(Http.anonymous(port).get(path).status()).as(path).isEqualTo(401);
  }

  @Test
  void theYamlDocumentIsServedToUsers() {
    Http.Response yaml = Http.demo(port, "zhangjing").get("/v3/api-docs.yaml");
    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.body()).contains("openapi");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used"})
  void metricsAreForAdministratorsOnly(String path) {
    assertThat(Http.demo(port, "zhangjing").get(path).status()).as("caseworker " + path).isEqualTo(403);
    assertThat(Http.demo(port, "wuhao").get(path).status()).as("modeler " + path).isEqualTo(403);
    assertThat(Http.demo(port, "demo").get(path).status()).as("administrator " + path).isEqualTo(200);
  }

  @Test
  void healthIsOpenButItsDetailsAreForAdministrators() {
    Http.Response anonymous = Http.anonymous(port).get("/actuator/health");
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.json().has("components")).isFalse();
    assertThat(Http.demo(port, "zhangjing").get("/actuator/health").json().has("components")).isFalse();
    assertThat(Http.demo(port, "demo").get("/actuator/health").json().get("components").has("db")).isTrue();
  }

  @Test
  void hstsOnlyForRequestsTheProxyCallsSecure() {
    Http zhangjing = Http.demo(port, "zhangjing");
    Http.Response plain = zhangjing.send("GET", "/api/violation-cases/catalogue", null);
    assertThat(plain.header("Strict-Transport-Security")).isNull();
    Http.Response behindTls = zhangjing.send("GET", "/api/violation-cases/catalogue", null,
        Map.of("X-Forwarded-Proto", "https"));
    assertThat(behindTls.status()).isEqualTo(200);
    assertThat(behindTls.header("Strict-Transport-Security")).contains("max-age=31536000");
    Http.Response webapp = Http.anonymous(port).send("GET", "/camunda/app/welcome/default/", null,
        Map.of("X-Forwarded-Proto", "https"));
    assertThat(webapp.header("Strict-Transport-Security")).contains("max-age=31536000");
  }

  @Test
  void theWebappSessionCookieIsSecureBehindTls() {
    assertThat(sessionCookie(Map.of("X-Forwarded-Proto", "https"))).contains("Secure");
    assertThat(sessionCookie(Map.of())).doesNotContain("Secure");
  }

  private String sessionCookie(Map<String, String> headers) {
    Http.Response page = Http.anonymous(port).send("GET", "/camunda/app/tasklist/default/", null, headers);
    return page.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
        .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
  }

  @Test
  void referrerPolicyOnApiAndWebapps() {
    assertThat(Http.demo(port, "zhangjing").get("/api/violation-cases/catalogue").header("Referrer-Policy"))
        .isEqualTo("same-origin");
    assertThat(Http.anonymous(port).get("/camunda/app/tasklist/").header("Referrer-Policy")).isEqualTo("same-origin");
  }
}
