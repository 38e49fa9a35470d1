package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The hostile requests for one operation, generated from its request-body schema in the OpenAPI document.
 * The base of every body is an object missing its other properties, so no request of the corpus can be
 * accepted; a case with an {@code expectedField} carries a value that is wrong in itself (wrong type, out of
 * range, too long, not a date, null where required), which the answer must name by its JSON path.
 */
final class HostileCorpus {

  /** One request: what it tries, the body, and the JSON path the 400 must name (null: any 4xx will do). */
  record Case(String label, String body, String expectedField) {
  }

  static final String HUGE = "长".repeat(100_000);
  static final List<String> INJECTIONS = List.of("'; DROP TABLE institution;--", "<script>alert(1)</script>",
      "${jndi:ldap://example.invalid/a}", "{{7*7}}", "../../../../etc/passwd", "\u0000\u202e");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY = "$";

  private final JsonNode api;

  HostileCorpus(JsonNode api) {
    this.api = api;
  }

  /** Values for path variables of operations without a body (the path is then what is hostile). */
  static List<String> hostilePathValues() {
    return List.of("0", "-1", "'; DROP TABLE institution;--", "<script>alert(1)</script>", "x".repeat(1000),
        "..");
  }

  List<Case> cases(JsonNode bodySchema) {
    JsonNode schema = resolve(bodySchema);
    boolean object = "object".equals(type(schema)) || schema.has("properties");
    String whole = object ? BODY : null;
    List<Case> out = new ArrayList<>();
    out.add(new Case("empty body", "", whole));
    out.add(new Case("truncated JSON", "{", whole));
    out.add(new Case("not JSON", "not json", whole));
    out.add(new Case("array body", "[]", whole));
    out.add(new Case("null body", "null", whole));
    out.add(new Case("string body", "\"text\"", whole));
    out.add(new Case("number body", "42", whole));
    out.add(new Case("trailing tokens", "{} {}", whole));
    out.add(new Case("huge body string", quote(HUGE), whole));
    if (object) {
      out.add(new Case("unknown property", "{\"unknownProperty\":1}", "unknownProperty"));
      Iterator<String> names = schema.path("properties").fieldNames();
      if (names.hasNext()) {
        String first = quote(names.next());
        out.add(new Case("duplicate key", "{" + first + ":null," + first + ":null}", null));
      }
      object(out, "", schema, v -> v, 0);
      for (int i = 0; i < out.size(); i++) {
        Case c = out.get(i);
        if (c.expectedField() == null && c.body().startsWith("{") && onlyRequired(schema, c)) {
          // the injected text would make the body complete (e.g. a complaint's content): an unknown property
          // keeps it a refused request, as the corpus must write nothing (stored-as-text: InputValidationIT)
          out.set(i, new Case(c.label(), c.body().substring(0, c.body().length() - 1) + ",\"unknownProperty\":1}",
              "unknownProperty"));
        }
      }
    }
    return out;
  }

  /** Whether the case is injected text in the one required top-level property (so nothing else is wrong). */
  private static boolean onlyRequired(JsonNode schema, Case c) {
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    return required.size() == 1 && INJECTIONS.stream()
        .anyMatch(i -> c.label().equals(required.get(0) + " = " + shorten(quote(i))));
  }

  /** The cases of each property of an object schema; {@code wrap} builds the whole body around the object. */
  private void object(List<Case> out, String path, JsonNode schema, UnaryOperator<String> wrap, int depth) {
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String name = p.getKey();
      String at = path.isEmpty() ? name : path + "." + name;
      UnaryOperator<String> body = v -> wrap.apply("{" + quote(name) + ":" + v + "}");
      property(out, at, resolve(p.getValue()), required.contains(name), body, depth);
    }
  }

  private void property(List<Case> out, String at, JsonNode schema, boolean required, UnaryOperator<String> body,
      int depth) {
    out.add(new Case(at + " = null", body.apply("null"), required ? at : null));
    String type = type(schema);
    switch (type) {
      case "string" -> {
        if ("date".equals(schema.path("format").asText())) {
          for (String v : List.of("20250101", "\"2025-13-45\"", "\"2025-02-30\"", "\"1900-01-01\"", "\"2999-01-01\"",
              "\"+999999999-12-31\"", "[2025,1,1]", "\"\"", "\"2025-01-01T00:00:00\"", "\"01/02/2025\"",
              quote(INJECTIONS.get(0)), quote(HUGE))) {
            out.add(new Case(at + " = " + shorten(v), body.apply(v), at));
          }
        } else if (schema.has("enum")) {
          String first = schema.get("enum").get(0).asText();
          for (String v : List.of("\"NOT_A_VALUE\"", quote(first.toLowerCase()), "0", "\"\"", quote(INJECTIONS.get(0)),
              quote(HUGE), "[" + quote(first) + "]")) {
            out.add(new Case(at + " = " + shorten(v), body.apply(v), at));
          }
        } else {
          for (String v : List.of("12345", "1.5", "true", "{\"a\":1}", "[\"x\"]", quote(HUGE))) {
            out.add(new Case(at + " = " + shorten(v), body.apply(v), at));
          }
          for (String v : INJECTIONS) {
            out.add(new Case(at + " = " + shorten(quote(v)), body.apply(quote(v)), null));
          }
        }
      }
      case "integer", "number" -> {
        // longer than the parser's number limit (1000 digits): refused while reading, before the field is known
        out.add(new Case(at + " = 2000 digits", body.apply("9".repeat(2000)), null));
        List<String> values = new ArrayList<>("number".equals(type)
            ? List.of("\"abc\"", "\"12.5\"", "true", "1e309", "-1", "0.001", "999999999999999", "1e-400")
            : List.of("1.5", "1e309", "\"12\"", "true", "\"\"", "99999999999999999999", "-99999999999999999999"));
        if ("integer".equals(type) && !"int64".equals(schema.path("format").asText())) {
          values.add("999999999999");
          values.add("-999999999999");
        }
        for (String v : values) {
          out.add(new Case(at + " = " + shorten(v), body.apply(v), at));
        }
      }
      case "boolean" -> {
        for (String v : List.of("\"yes\"", "\"true\"", "1", "0", "{}")) {
          out.add(new Case(at + " = " + shorten(v), body.apply(v), at));
        }
      }
      case "array" -> {
        for (String v : List.of("\"x\"", "{}", "[null]", "[null,null]")) {
          out.add(new Case(at + " = " + shorten(v), body.apply(v), at));
        }
        JsonNode items = resolve(schema.path("items"));
        String itemType = type(items);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
          many.append(i == 0 ? "" : ",").append("string".equals(itemType) ? "\"A\"" : "object".equals(itemType)
              ? "{}" : "1");
        }
        out.add(new Case(at + " = 1000 elements", body.apply(many.append("]").toString()), at));
        if ("string".equals(itemType)) {
          for (String v : List.of("[12345]", "[" + quote(HUGE) + "]", "[\"\"]")) {
            out.add(new Case(at + " = " + shorten(v), body.apply(v), at));
          }
        } else if ("integer".equals(itemType)) {
          for (String v : List.of("[1.5]", "[\"1\"]", "[1e309]", "[true]")) {
            out.add(new Case(at + " = " + shorten(v), body.apply(v), at));
          }
        } else if ("object".equals(itemType) && depth < 2) {
          object(out, at + "[0]", items, v -> body.apply("[" + v + "]"), depth + 1);
        }
      }
      case "object" -> {
        for (String v : List.of("\"x\"", "[]", "42")) {
          out.add(new Case(at + " = " + shorten(v), body.apply(v), at));
        }
        if (depth < 2) {
          object(out, at, schema, body, depth + 1);
        }
      }
      default -> {
      }
    }
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      s = api.at(ref.substring(1));
    }
    return s;
  }

  private static String type(JsonNode schema) {
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (!"null".equals(x.asText())) {
          return x.asText();
        }
      }
    }
    if (t.isMissingNode() && schema.has("properties")) {
      return "object";
    }
    return t.asText("");
  }

  static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String shorten(String v) {
    return v.length() > 40 ? v.substring(0, 20) + "…(" + v.length() + " chars)" : v;
  }
}
