package org.yibaoflow.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like client of the Camunda webapps for the ITs: logs in to Tasklist with the webapp's own form login
 * (session cookie) and sends the CSRF token the webapps require, as Tasklist does.
 */
final class Webapp {

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String lastToken;

  private Webapp(int port) {
    this.port = port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  static Webapp login(int port, String user, String password) {
    Webapp w = new Webapp(port);
    // the webapp hands out its CSRF token cookie with the first response, as when Tasklist's page loads
    w.send(HttpRequest.newBuilder(w.uri("/camunda/app/tasklist/default/")).GET());
    Response r = w.send(w.withToken(HttpRequest.newBuilder(w.uri("/camunda/api/admin/auth/user/default/login/tasklist")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    if (r.status() != 200) {
      throw new IllegalStateException("Tasklist login failed: " + r.status() + " " + r.body());
    }
    // the session changed at login and with it the token: fetch the new one
    w.send(HttpRequest.newBuilder(w.uri("/camunda/api/engine/engine/default/task/count")).GET());
    return w;
  }

  Response post(String path, String json) {
    return send(withToken(HttpRequest.newBuilder(uri(path))).header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder b) {
    String token = lastToken != null ? lastToken : cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, c) -> c).orElse(null);
    if (token != null) {
      b.header("X-XSRF-TOKEN", token);
    }
    return b;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      r.headers().firstValue("X-XSRF-TOKEN").filter(t -> !t.isBlank() && !"Required".equals(t))
          .ifPresent(t -> lastToken = t);
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, String body) {
  }
}
