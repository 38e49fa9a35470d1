package org.yibaoflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A Tasklist session as the browser has it: the webapp login (session cookie), the CSRF token the webapp's
 * filter hands out, and requests to the webapp's engine API {@code /camunda/api/engine/engine/default/...}
 * exactly as Tasklist sends them.
 */
public final class Webapp {

  public static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String csrf;

  private Webapp(int port) {
    this.port = port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs a demo user (password "demo") in to Tasklist. */
  public static Webapp tasklist(int port, String user) {
    Webapp w = new Webapp(port);
    w.send(w.request("/camunda/app/tasklist/default/").GET());
    Http.Response login = w.send(w.request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")));
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + user + " failed: " + login.status() + " " + login.body());
    }
    // the login starts a new session with a new CSRF token, handed out on the next request
    w.send(w.request("/camunda/api/admin/auth/user/default").GET());
    return w;
  }

  public Http.Response get(String path) {
    return send(request(path).header("Accept", "application/json, text/plain, */*").GET());
  }

  public Http.Response post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** A POST answered as HAL, as Tasklist asks for a filter's tasks with their variables. */
  public Http.Response postHal(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Http.Response put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public JsonNode json(String path) {
    Http.Response r = get(path);
    if (r.status() != 200) {
      throw new IllegalStateException(path + ": " + r.status() + " " + r.body());
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "zh-CN,zh;q=0.9");
    if (csrf != null) {
      b.header("X-XSRF-TOKEN", csrf);
    }
    return b;
  }

  private Http.Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      r.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> csrf = t);
      for (HttpCookie c : cookies.getCookieStore().getCookies()) {
        if (c.getName().equals("XSRF-TOKEN")) {
          csrf = c.getValue();
        }
      }
      return new Http.Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""), null,
          r.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
