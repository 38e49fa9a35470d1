package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/**
 * The role model, generated from the application's own handler mappings (in the manner of Valtimo's per-endpoint
 * security smoke test): every {@code /api} operation declares its roles, the declarations and the table in
 * {@code docs/security.md} say the same, and every operation called as every demo role answers 403 with a problem
 * body exactly when the role is not named. Path variables are dummies and request bodies are malformed on
 * purpose: the role check runs before the body is read, so an allowed call answers 400/404 and changes nothing,
 * while a refused one answers 403.
 */
@IntegrationTest
class RoleMatrixIT {

  /** One demo user per role (all of 淮北, the administrator of both regions). */
  static final Map<Role, String> DEMO_USERS = new LinkedHashMap<>();

  static {
    // the administrator first: HostileInputIT sends its corpus as the first of these the operation admits
    DEMO_USERS.put(Role.ADMIN, "demo");
    DEMO_USERS.put(Role.CASEWORKER, "zhangjing");
    DEMO_USERS.put(Role.SUPERVISOR, "chenmin");
    DEMO_USERS.put(Role.LEGAL, "sunli");
    DEMO_USERS.put(Role.ADMINDEPT, "zhoujie");
    DEMO_USERS.put(Role.EXPERT, "wangqiang");
    DEMO_USERS.put(Role.MODELER, "wuhao");
    DEMO_USERS.put(Role.REPORTDESK, "lina");
  }

  /** Dummy path values: unknown records (404), a region every demo user has, a year the calendar refuses. */
  static final Map<String, String> DUMMIES = Map.of("id", "987654321", "year", "0", "region", "huaibei",
      "message", "documents-provided", "key", "no-such-setting");

  private static final Pattern ROW = Pattern.compile(
      "^\\|\\s*(GET|POST|PUT|PATCH|DELETE)\\s*\\|\\s*(/api/\\S*)\\s*\\|([^|]*)\\|.*$");
  private static final Pattern GROUP = Pattern.compile("`([a-z-]+)`");

  @LocalServerPort
  int port;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /** "METHOD /api/path" -> the roles its handler declares (empty: none declared). */
  Map<String, Set<Role>> declared() {
    Map<String, Set<Role>> ops = new TreeMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      Set<Role> roles = RoleCheck.allowedRoles(e.getValue())
          .map(r -> r.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(r)))
          .orElse(EnumSet.noneOf(Role.class));
      Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
      for (String path : e.getKey().getPatternValues()) {
        if (!path.startsWith("/api/")) {
          continue;
        }
        assertThat(methods).as("%s names its HTTP method", path).isNotEmpty();
        methods.forEach(m -> ops.put(m.name() + " " + path, roles));
      }
    }
    return ops;
  }

  /** The table of docs/security.md: "METHOD /api/path" -> roles. */
  static Map<String, Set<Role>> documented() throws IOException {
    Map<String, Set<Role>> ops = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("docs/security.md"), StandardCharsets.UTF_8)) {
      Matcher row = ROW.matcher(line.strip());
      if (!row.matches()) {
        continue;
      }
      Set<Role> roles = EnumSet.noneOf(Role.class);
      Matcher group = GROUP.matcher(row.group(3));
      while (group.find()) {
        String id = group.group(1);
        roles.add(Role.ofGroup(id).orElseThrow(() -> new AssertionError("docs/security.md: unknown role " + id)));
      }
      String key = row.group(1) + " " + row.group(2);
      assertThat(ops.put(key, roles)).as("docs/security.md lists %s once", key).isNull();
    }
    return ops;
  }

  @Test
  void everyOperationDeclaresItsRolesAsTheTableSays() throws IOException {
    Map<String, Set<Role>> declared = declared();
    Map<String, Set<Role>> documented = documented();
    assertThat(declared).as("the application's /api operations").hasSizeGreaterThan(40);

    SoftAssertions soft = new SoftAssertions();
    declared.forEach((op, roles) -> soft.assertThat(roles).as("%s declares @AllowedRoles", op).isNotEmpty());
    soft.assertThat(new TreeSet<>(declared.keySet()))
        .as("operations of the application missing from the table in docs/security.md")
        .isSubsetOf(documented.keySet());
    soft.assertThat(new TreeSet<>(documented.keySet()))
        .as("operations in docs/security.md the application does not have")
        .isSubsetOf(declared.keySet());
    declared.forEach((op, roles) -> {
      if (documented.containsKey(op)) {
        soft.assertThat(documented.get(op)).as("roles of %s: docs/security.md vs @AllowedRoles", op)
            .containsExactlyInAnyOrderElementsOf(roles);
      }
    });
    soft.assertAll();
  }

  @Test
  void everyRoleIsAllowedOrRefusedAsTheTableSays() throws IOException {
    Map<String, Set<Role>> documented = documented();
    SoftAssertions soft = new SoftAssertions();
    documented.forEach((op, allowed) -> {
      String method = op.substring(0, op.indexOf(' '));
      String path = fill(op.substring(op.indexOf(' ') + 1));
      // malformed on purpose: read only after the role check, so nothing is ever written
      String body = method.equals("GET") || method.equals("DELETE") ? null : "{\"malformed\":";
      DEMO_USERS.forEach((role, user) -> {
        Http.Response r = Http.demo(port, user).send(method, path, body);
        String what = op + " as " + user + " (" + role.groupId() + "): " + r.status() + " " + r.body();
        if (allowed.contains(role)) {
          soft.assertThat(r.status()).as("allowed: " + what).isNotIn(401, 403);
        } else {
          soft.assertThat(r.status()).as("refused: " + what).isEqualTo(403);
          soft.assertThat(r.contentType()).as("problem body: " + what).contains("application/problem+json");
          if (r.contentType().contains("json")) {
            soft.assertThat(r.json().path("rule").asText()).as("rule: " + what).isEqualTo("SECURITY");
          }
        }
      });
    });
    soft.assertAll();
  }

  static String fill(String path) {
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, DUMMIES.getOrDefault(m.group(1), "NONE-" + m.group(1)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The demo users this test logs in as are the ones docs/security.md describes. */
  @Test
  void theDemoUsersAreTheDocumentedOnes() throws IOException {
    String doc = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
    List<String> missing = DEMO_USERS.values().stream().filter(u -> !doc.contains("`" + u + "`"))
        .collect(Collectors.toList());
    assertThat(missing).as("demo users described in docs/security.md").isEmpty();
  }
}
