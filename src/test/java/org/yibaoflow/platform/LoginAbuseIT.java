package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/**
 * Login abuse (issue 13 item 7). Failed logins are throttled per client and per user name with 429, Retry-After
 * and a problem body, on HTTP Basic and on the webapps' login; nobody keeps another user out by guessing (the
 * engine's own lockout is off); a state-changing request from a foreign origin is refused. Every test uses its own
 * users and client addresses (X-Forwarded-For through the loopback proxy), so the counters of one test never reach
 * another; limits as shipped: 5 per client and name, 20 per client, 10 per name.
 */
@IntegrationTest
class LoginAbuseIT {

  private static final String PASSWORD = "right-horse-battery";
  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;

  /** A fresh user in the caseworker group of 淮北 (so /api answers it), never used by another test. */
  String freshUser() {
    String id = "abuse" + System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet();
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, "caseworker");
    identityService.createTenantUserMembership("huaibei", id);
    return id;
  }

  static String client() {
    int n = SEQ.incrementAndGet();
    return "203.0." + (n / 250 % 250) + "." + (n % 250 + 1);
  }

  static void assertThrottled(Http.Response r, String what) {
    assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(429);
    assertThat(Long.parseLong(r.header("Retry-After"))).as(what + " Retry-After").isPositive();
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.json().get("rule").asText()).isEqualTo("LOGIN_THROTTLE");
    assertThat(r.json().get("detailZh").asText()).contains("登录失败次数过多");
  }

  @Test
  void fiftyWrongPasswordsDoNotLockTheRightOneOutOfAnotherClient() {
    String user = freshUser();
    String attacker = client();
    List<Integer> statuses = new ArrayList<>();
    Http.Response last = null;
    for (int i = 0; i < 50; i++) {
      last = Http.as(port, user, "guess-" + i).from(attacker).get("/api/violation-cases/catalogue");
      statuses.add(last.status());
    }
    // the first five are checked and wrong; then this client waits for this name
    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 50)).containsOnly(429);
    assertThrottled(last, "50th guess");
    // not even the right password helps the throttled client ...
    assertThrottled(Http.as(port, user, PASSWORD).from(attacker).get("/api/violation-cases/catalogue"),
        "right password from the guessing client");
    // ... but the user at their own desk logs in, and the engine has not locked them
    assertThat(Http.as(port, user, PASSWORD).from(client()).get("/api/violation-cases/catalogue").status())
        .isEqualTo(200);
    assertThat(Http.as(port, user, PASSWORD).get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    assertThat(identityService.checkPassword(user, PASSWORD)).isTrue();
  }

  @Test
  void guessesFromManyClientsHoldBackTheGuessersOnly() {
    String user = freshUser();
    List<String> guessers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String c = client();
      guessers.add(c);
      assertThat(Http.as(port, user, "guess").from(c).get("/engine-rest/version").status()).isEqualTo(401);
    }
    // ten failures for the name: every client that failed for it waits, the others do not
    assertThrottled(Http.as(port, user, "guess-again").from(guessers.get(0)).get("/engine-rest/version"),
        "a guessing client once the name is under attack");
    assertThat(Http.as(port, user, PASSWORD).from(client()).get("/engine-rest/version").status()).isEqualTo(200);
  }

  @Test
  void oneClientGuessingManyNamesWaits() {
    String attacker = client();
    for (int i = 0; i < 20; i++) {
      assertThat(Http.as(port, "nosuchuser" + SEQ.incrementAndGet(), "guess").from(attacker)
          .get("/api/violation-cases/catalogue").status()).isEqualTo(401);
    }
    assertThrottled(Http.as(port, freshUser(), PASSWORD).from(attacker).get("/api/violation-cases/catalogue"),
        "any name from a client with 20 failures");
  }

  @Test
  void theWebappLoginIsThrottledTheSameWay() throws Exception {
    String user = freshUser();
    String attacker = client();
    WebappBrowser guesser = new WebappBrowser(attacker);
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.login(user, "guess" + i).statusCode()).as("wrong password %d", i).isEqualTo(401);
    }
    HttpResponse<String> throttled = guesser.login(user, PASSWORD);
    assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(throttled.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    HttpResponse<String> login = new WebappBrowser(client()).login(user, PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"" + user + "\"");
  }

  /** A browser on the webapps: session and CSRF token (Camunda's CsrfPreventionFilter) from a page, then the login. */
  final class WebappBrowser {

    private final String clientAddress;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    WebappBrowser(String clientAddress) throws Exception {
      this.clientAddress = clientAddress;
      http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/default/"))
          .header("X-Forwarded-For", clientAddress).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    String base() {
      return "http://localhost:" + port;
    }

    HttpResponse<String> login(String user, String password) throws Exception {
      String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      return http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("X-Forwarded-For", clientAddress).header("X-XSRF-TOKEN", token)
          .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void aForeignOriginMayNotChangeAnything() {
    Http zhangjing = Http.demo(port, "zhangjing");
    String path = "/api/designation-applications/NO-SUCH-APPLICATION/supplements";
    // (the supplement takes a body since issue 15: the day the material arrived)
    String body = "{\"receivedOn\":\"2026-01-05\"}";
    // own origin, the configured one, and no origin at all (curl, other systems) reach the operation (404 here)
    assertThat(zhangjing.send("POST", path, body, Map.of("Origin", "http://localhost:" + port)).status())
        .isEqualTo(404);
    assertThat(zhangjing.send("POST", path, body, Map.of("Origin", "https://modeler.example.org")).status())
        .isEqualTo(404);
    assertThat(zhangjing.send("POST", path, body).status()).isEqualTo(404);
    assertThat(zhangjing.send("POST", path, body, Map.of("Referer", "http://localhost:" + port + "/supervision"))
        .status()).isEqualTo(404);

    for (Map<String, String> foreign : List.of(Map.of("Origin", "https://evil.example.com"), Map.of("Origin", "null"),
        Map.of("Referer", "https://evil.example.com/form.html"),
        Map.of("Origin", "http://localhost:" + (port + 1)))) {
      Http.Response r = zhangjing.send("POST", path, body, foreign);
      assertThat(r.status()).as(foreign.toString()).isEqualTo(403);
      assertThat(r.contentType()).contains("application/problem+json");
      assertThat(r.json().get("rule").asText()).isEqualTo("ORIGIN");
    }
    // reading stays possible (a GET changes nothing)
    assertThat(zhangjing.send("GET", "/api/violation-cases/catalogue", null,
        Map.of("Origin", "https://evil.example.com")).status()).isEqualTo(200);
  }

  @Test
  void aCrossOriginDeploymentIsRefused() {
    long before = repositoryService.createDeploymentQuery().count();
    Http.Response r = Http.demo(port, "wuhao").send("POST", "/engine-rest/deployment/create", "{}",
        Map.of("Origin", "https://evil.example.com"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("rule").asText()).isEqualTo("ORIGIN");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }
}
