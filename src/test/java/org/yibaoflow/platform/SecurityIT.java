package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/** The engine REST API, the domain API, metrics and API docs are closed without valid credentials. */
@IntegrationTest
class SecurityIT {

  /** Wrong passwords count in the login throttle: aim them at a user no other test logs in as. */
  private static final String TARGET = "securitytarget";
  /** Each path's wrong logins come from a client of its own, so the throttle (per client) stays out of the way. */
  private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

  @BeforeEach
  void targetUser() {
    if (identityService.createUserQuery().userId(TARGET).count() == 0) {
      User user = identityService.newUser(TARGET);
      user.setPassword("correct-horse-battery");
      identityService.saveUser(user);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/version", "/engine-rest/process-definition",
      "/engine-rest/process-instance", "/engine-rest/task", "/engine-rest/deployment", "/engine-rest/user",
      "/engine-rest/group", "/engine-rest/tenant", "/engine-rest/authorization", "/engine-rest/job",
      "/engine-rest/history/process-instance", "/engine-rest/filter", "/engine-rest/incident",
      "/api/anything", "/actuator/prometheus", "/actuator/metrics", "/v3/api-docs", "/swagger-ui/index.html"})
  void closedWithoutAndWithWrongCredentials(String path) {
    Http.Response anonymous = Http.anonymous(port).get(path);
    assertThat(anonymous.status()).as("anonymous " + path).isEqualTo(401);
    assertThat(anonymous.wwwAuthenticate()).startsWith("Basic");

    String client = "198.51.100." + CLIENTS.incrementAndGet();
    assertThat(Http.as(port, TARGET, "wrong-password").from(client).get(path).status()).as("wrong password " + path)
        .isEqualTo(401);
    assertThat(Http.as(port, "nobody", "demo").from(client).get(path).status()).as("unknown user " + path)
        .isEqualTo(401);
  }

  @Test
  void engineRestAnswersWithValidCredentials() {
    Http.Response r = Http.demo(port, "zhangjing").get("/engine-rest/process-definition?key=designation");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get(0).get("key").asText()).isEqualTo("designation");
  }

  @Test
  void healthIsOpenForLoadBalancers() {
    Http.Response r = Http.anonymous(port).get("/actuator/health");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void prometheusCarriesCamundaFiguresForAuthenticatedUsers() {
    Http.Response r = Http.demo(port, "demo").get("/actuator/prometheus");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("yibao_camunda_jobs_executable", "yibao_camunda_incidents_open",
        "yibao_camunda_jobs_successful_total", "yibao_camunda_tasks_overdue", "yibao_camunda_timers_waiting");
  }

  @Test
  void apiDocsServedToAuthenticatedUsers() {
    Http.Response r = Http.demo(port, "zhangjing").get("/v3/api-docs");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("info").get("title").asText()).isEqualTo("yibao-flow API");
    assertThat(Http.demo(port, "zhangjing").get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void tasklistServesSimplifiedChineseToZhCnBrowsers() {
    Http.Response config = Http.anonymous(port).get("/camunda/app/tasklist/scripts/config.js");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).containsPattern("availableLocales:\\s*\\[[^]]*'zh'");
    Http.Response zh = Http.anonymous(port).get("/camunda/app/tasklist/locales/zh.json", "zh-CN,zh;q=0.9");
    assertThat(zh.status()).isEqualTo(200);
    assertThat(zh.body()).contains("任务");
    assertThat(Http.anonymous(port).get("/camunda/app/welcome/locales/zh.json").status()).isEqualTo(200);
  }
}
