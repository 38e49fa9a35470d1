package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/**
 * Issue 13 item 6, generated from the OpenAPI document: every POST/PUT operation of /api gets a hostile corpus
 * (HostileCorpus: empty and malformed bodies, wrong types, nulls, nulls in lists, huge numbers, float for int,
 * bad dates, 100k strings, injection strings) as a user its {@code @AllowedRoles} admits, against real targets
 * of the demo data. Every answer is 4xx, never 5xx; a body mistake is an {@code application/problem+json}
 * problem, a 400 names its {@code field}, and a value that is wrong in itself is named by its JSON path. The
 * domain tables (rows and contents) and the engine's instances are the same after each operation's corpus.
 */
@IntegrationTest
class HostileInputIT {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  HistoryService history;
  @Autowired
  RuntimeService runtime;
  @Autowired
  Clock clock;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  @Test
  void everyWriteOperationAnswersHostileInputWithAProblemAndWritesNothing() {
    JsonNode api = Http.demo(port, "demo").get("/v3/api-docs").json();
    DatabaseFingerprint fingerprint = new DatabaseFingerprint(jdbc, history, runtime);
    SoftAssertions softly = new SoftAssertions();
    Map<String, Map<Integer, Integer>> summary = new TreeMap<>();
    int operations = 0;
    int requests = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : List.of("post", "put")) {
        JsonNode operation = path.getValue().get(method);
        if (operation == null || !path.getKey().startsWith("/api/")) {
          continue;
        }
        operations++;
        String name = method.toUpperCase() + " " + path.getKey();
        Http http = Http.demo(port, userFor(RequestMethod.valueOf(method.toUpperCase()), path.getKey()));
        JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
        boolean upload = operation.at("/requestBody/content").toString().contains("\"binary\"");
        List<HostileCorpus.Case> corpus;
        List<String> targets;
        if (upload) {
          // a file upload (multipart): a JSON body in any shape is refused, naming the file part, and writes nothing
          corpus = schema.isMissingNode() ? List.of(new HostileCorpus.Case("no body", "", null))
              : new HostileCorpus(api).cases(schema);
          targets = List.of(fill(path.getKey(), null));
        } else if (schema.isMissingNode()) {
          // no body: the hostile part is the path (an existing target would really be acted on)
          corpus = List.of(new HostileCorpus.Case("no body", "", null));
          targets = HostileCorpus.hostilePathValues().stream().map(v -> fill(path.getKey(), v)).toList();
        } else {
          corpus = new HostileCorpus(api).cases(schema);
          targets = List.of(fill(path.getKey(), null));
        }
        DatabaseFingerprint.Snapshot before = fingerprint.take();
        for (String target : targets) {
          for (HostileCorpus.Case c : corpus) {
            Http.Response r = method.equals("post") ? http.post(target, c.body()) : http.put(target, c.body());
            requests++;
            summary.computeIfAbsent(name, k -> new TreeMap<>()).merge(r.status(), 1, Integer::sum);
            check(softly, name + " " + c.label(), r, upload ? null : c, !schema.isMissingNode());
          }
        }
        DatabaseFingerprint.Snapshot after = fingerprint.take();
        softly.assertThat(after.differences(before)).as(name + ": written by hostile requests").isEmpty();
      }
    }
    System.out.println("Hostile input: " + requests + " requests to " + operations + " POST/PUT operations");
    summary.forEach((op, statuses) -> System.out.println("  " + op + " -> " + statuses));
    assertThat(operations).as("POST/PUT operations in /v3/api-docs").isGreaterThanOrEqualTo(19);
    softly.assertAll();
  }

  private static void check(SoftAssertions softly, String what, Http.Response r, HostileCorpus.Case c,
      boolean bodyOperation) {
    String shown = what + " -> " + r.status() + " " + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
    softly.assertThat(r.status()).as(shown).isBetween(400, 499);
    if (!bodyOperation || r.status() < 400 || r.status() >= 500) {
      return;
    }
    softly.assertThat(r.contentType()).as(shown).startsWith("application/problem+json");
    if (!r.contentType().startsWith("application/problem+json")) {
      return;
    }
    JsonNode problem = r.json();
    if (r.status() == 400) {
      softly.assertThat(problem.path("field").asText(null)).as("field of " + shown).isNotBlank();
      softly.assertThat(problem.path("detailZh").asText(null)).as("detailZh of " + shown).isNotBlank();
    }
    if (c != null && c.expectedField() != null) {
      List<String> named = new ArrayList<>();
      named.add(problem.path("field").asText(""));
      problem.path("errors").forEach(e -> named.add(e.path("field").asText("")));
      softly.assertThat(named).as("a 400 naming " + c.expectedField() + ": " + shown)
          .anyMatch(f -> f.equals(c.expectedField()) || f.startsWith(c.expectedField() + "[")
              || f.startsWith(c.expectedField() + "."));
      softly.assertThat(r.status()).as(shown).isEqualTo(400);
    }
  }

  /** A demo user in a role the handler's {@code @AllowedRoles} names; the administrator when allowed. */
  private String userFor(RequestMethod method, String pattern) {
    for (Map.Entry<org.springframework.web.servlet.mvc.method.RequestMappingInfo, HandlerMethod> e
        : handlerMapping.getHandlerMethods().entrySet()) {
      if (e.getKey().getPatternValues().contains(pattern) && e.getKey().getMethodsCondition().getMethods()
          .contains(method)) {
        List<Role> roles = List.of(RoleCheck.allowedRoles(e.getValue()).orElse(new Role[0]));
        for (Map.Entry<Role, String> demo : DEMO_USERS.entrySet()) {
          if (roles.contains(demo.getKey())) {
            return demo.getValue();
          }
        }
        throw new AssertionError(method + " " + pattern + " admits no demo role: " + roles);
      }
    }
    throw new AssertionError("No handler for " + method + " " + pattern);
  }

  private static final Map<Role, String> DEMO_USERS = RoleMatrixIT.DEMO_USERS;

  /** An existing 淮北 target of the demo data for a path variable, so the body is what gets judged. */
  private String target(String pattern, String variable) {
    return switch (variable) {
      case "region" -> "huaibei";
      case "key" -> "suspension-termination-threshold";
      case "message" -> "documents-provided";
      case "year" -> String.valueOf(LocalDate.now(clock).getYear() - (pattern.startsWith("/api/calendar") ? 0 : 1));
      case "id" -> first(pattern.startsWith("/api/agreements") ? "SELECT MIN(id) FROM agreement WHERE region = ?"
          : "SELECT MIN(id) FROM institution WHERE region = ?");
      case "code" -> first("SELECT MIN(national_code) FROM person WHERE region = ?");
      case "caseNo" -> first("SELECT MIN(case_no) FROM violation_case WHERE region = ?");
      case "applicationNo" -> first("SELECT MIN(application_no) FROM designation_application WHERE region = ?");
      case "objectionNo" -> first("SELECT MIN(objection_no) FROM objection WHERE region = ?");
      case "referralNo" -> first("SELECT MIN(referral_no) FROM referral WHERE region = ?");
      case "reportNo" -> first("SELECT MIN(report_no) FROM whistleblower_report WHERE region = ?");
      default -> "0";
    };
  }

  private String first(String sql) {
    Object v = jdbc.queryForObject(sql, Object.class, "huaibei");
    return v == null ? "0" : v.toString();
  }

  /** The path with real 淮北 targets of the demo data (or {@code value} for every variable when given). */
  private String fill(String pattern, String value) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = value != null && !m.group(1).equals("message") ? value : target(pattern, m.group(1));
      m.appendReplacement(b, Matcher.quoteReplacement(URLEncoder.encode(v, StandardCharsets.UTF_8)
          .replace("+", "%20")));
    }
    m.appendTail(b);
    return b.toString();
  }
}
