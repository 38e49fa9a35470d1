package org.yibaoflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A tiny HTTP client for the integration tests: real requests against the random port, Basic auth. */
public final class Http {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final String user;
  private final String password;
  /** The client this request claims to come from through the (loopback) proxy; null = the test JVM itself. */
  private final String clientAddress;

  private Http(int port, String user, String password) {
    this(port, user, password, null);
  }

  private Http(int port, String user, String password, String clientAddress) {
    this.port = port;
    this.user = user;
    this.password = password;
    this.clientAddress = clientAddress;
  }

  /**
   * The same user as another client: {@code X-Forwarded-For}, which the application believes from loopback (the
   * TLS proxy's place, server.tomcat.remoteip). Tests of the login throttle each use their own clients.
   */
  public Http from(String address) {
    return new Http(port, user, password, address);
  }

  /** A form post (application/x-www-form-urlencoded), e.g. the webapps' login. */
  public Response form(String path, String form) {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
  }

  public static Http anonymous(int port) {
    return new Http(port, null, null);
  }

  public static Http as(int port, String user, String password) {
    return new Http(port, user, password);
  }

  /** Demo users all have the password "demo". */
  public static Http demo(int port, String user) {
    return new Http(port, user, "demo");
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response get(String path, String acceptLanguage) {
    return send(request(path).header("Accept-Language", acceptLanguage).GET());
  }

  public Response post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** A multipart/form-data POST: text fields and one file part named {@code file}. */
  public Response postMultipart(String path, java.util.Map<String, String> fields, String fileName, byte[] file) {
    String boundary = "----yibao" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Any method with an optional JSON body (null: none). */
  public Response send(String method, String path, String json) {
    return send(method, path, json, Map.of());
  }

  /** Any method with an optional JSON body (null: none) and extra request headers (Origin, Referer, ...). */
  public Response send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder b = request(path);
    headers.forEach(b::header);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json, */*");
    if (clientAddress != null) {
      b.header("X-Forwarded-For", clientAddress);
    }
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token);
    }
    return b;
  }

  private static Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("WWW-Authenticate").orElse(null), r.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Response(int status, String body, String contentType, String wwwAuthenticate,
      Map<String, List<String>> headers) {

    /** The first value of a response header, null when absent (names are case-insensitive). */
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
      }
    }
  }
}
