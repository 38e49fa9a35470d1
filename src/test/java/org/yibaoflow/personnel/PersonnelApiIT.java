package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Personnel over HTTP: region isolation, validation, and R-PERS-11 — the personnel's agreements follow the
 * institution's in the same transaction, per site, audited per person; one failure writes nothing.
 */
@IntegrationTest
class PersonnelApiIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  PersonnelService personnel;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;
  @Autowired
  Clock clock;

  Agreement freshAgreement() {
    Institution i = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode("HOSPITAL"),
        "人员测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级", List.of(),
        List.of(), "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    return agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
  }

  PersonDetail freshPerson(String name, Long... sites) {
    return personnel.register(new NewPerson("huaibei", RegistryFixtures.nationalCode("D"),
        RegistryFixtures.idNumber("340603"), name, "PHYSICIAN", null, List.of(sites), null, "集成测试登记", null));
  }

  String stateAt(long personId, long institutionId) {
    return jdbc.queryForObject("SELECT state FROM person_agreement WHERE person_id = ? AND institution_id = ?",
        String.class, personId, institutionId);
  }

  @Test
  void aCaseworkerSeesOnlyThePersonnelOfTheirRegion() {
    Http zhangjing = Http.demo(port, "zhangjing");
    JsonNode page = zhangjing.get("/api/personnel?size=100").json();
    page.get("items").forEach(p -> assertThat(p.get("region").asText()).isEqualTo("huaibei"));
    assertThat(page.get("items").findValuesAsText("name")).contains("李建国").doesNotContain("张伟");
    // ID numbers are masked
    assertThat(page.get("items").get(0).get("idNumberMasked").asText()).contains("********");
    assertThat(page.get("items").get(0).has("idNumber")).isFalse();

    long jiningPerson = jdbc.queryForObject("SELECT id FROM person WHERE national_code = 'D370811000001'", Long.class);
    assertThat(zhangjing.get("/api/personnel/" + jiningPerson).status()).isEqualTo(404);
    assertThat(zhangjing.get("/api/personnel/" + jiningPerson + "/history").status()).isEqualTo(404);
    JsonNode multiSite = Http.demo(port, "liuyang").get("/api/personnel/" + jiningPerson).json();
    assertThat(multiSite.get("agreements")).hasSize(2);
    assertThat(zhangjing.get("/api/personnel?category=PHARMACIST").json().get("items").findValuesAsText("name"))
        .contains("孙丽华").doesNotContain("李建国");
  }

  @Test
  void badPersonnelInputIsAProblemAndWritesNothing() {
    Http zhangjing = Http.demo(port, "zhangjing");
    Agreement a = freshAgreement();
    int persons = jdbc.queryForObject("SELECT COUNT(*) FROM person", Integer.class);
    String body = "{\"region\":\"huaibei\",\"nationalCode\":\"" + RegistryFixtures.nationalCode("D")
        + "\",\"idNumber\":\"11010519491231002X\",\"name\":\"王五\",\"category\":\"PHYSICIAN\","
        + "\"birthDate\":\"1949-12-30\",\"institutionIds\":[" + a.institutionId() + "],\"reason\":\"登记\"}";
    Http.Response r = zhangjing.post("/api/personnel", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("birthDate");
    assertThat(r.json().get("rule").asText()).isEqualTo("GB 11643");
    Http.Response badId = zhangjing.post("/api/personnel", body.replace("11010519491231002X", "110105194912310021"));
    assertThat(badId.json().get("field").asText()).isEqualTo("idNumber");
    // a site in another region
    long jiningSite = institutions.findByCode("jining", "H37080000001").id();
    Http.Response foreign = zhangjing.post("/api/personnel", body.replace("\"birthDate\":\"1949-12-30\",", "")
        .replace("[" + a.institutionId() + "]", "[" + a.institutionId() + "," + jiningSite + "]"));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json().get("field").asText()).isEqualTo("institutionIds[1]");
    // a terminated site takes no new personnel (R-PERS-11 from the first day)
    long terminatedSite = institutions.findByCode("huaibei", "P34060000002").id();
    Http.Response closed = zhangjing.post("/api/personnel", body.replace("\"birthDate\":\"1949-12-30\",", "")
        .replace("[" + a.institutionId() + "]", "[" + terminatedSite + "]"));
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.json().get("field").asText()).isEqualTo("institutionIds[0]");
    assertThat(closed.json().get("rule").asText()).isEqualTo("R-PERS-11");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person", Integer.class)).isEqualTo(persons);

    Http.Response ok = zhangjing.post("/api/personnel", body.replace("\"birthDate\":\"1949-12-30\",", ""));
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(ok.json().get("person").get("birthDate").asText()).isEqualTo("1949-12-31");
    assertThat(ok.json().get("agreements").get(0).get("validUntil").asText())
        .isEqualTo(LocalDate.now(clock).plusYears(2).minusDays(1).toString()); // R-PERS-1: to the day before
    // one person one code (R-PERS-1)
    Http.Response again = zhangjing.post("/api/personnel", body.replace("\"birthDate\":\"1949-12-30\",", ""));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("rule").asText()).isEqualTo("R-PERS-1");
  }

  @Test
  void personnelFollowTheInstitutionSiteBySite() {
    Agreement a = freshAgreement();
    Agreement b = freshAgreement();
    PersonDetail one = freshPerson("单点医师", a.institutionId());
    PersonDetail two = freshPerson("多点医师", a.institutionId(), b.institutionId());
    Http zhangjing = Http.demo(port, "zhangjing");

    // the institution's agreement moves as its process moves it (violation case, rectification: issue 13)
    decide(a, AgreementState.SUSPENDED, "VIOLATION", "R-VIO-2", "违规中止协议", "pi-ripple-1");
    assertThat(stateAt(one.person().id(), a.institutionId())).isEqualTo("SUSPENDED");
    assertThat(stateAt(two.person().id(), a.institutionId())).isEqualTo("SUSPENDED");
    // [004 §三(二)]: the second site's own agreement is untouched
    assertThat(stateAt(two.person().id(), b.institutionId())).isEqualTo("ACTIVE");

    JsonNode history = zhangjing.get("/api/personnel/" + two.person().id() + "/history").json();
    JsonNode follow = history.get(history.size() - 1);
    assertThat(follow.get("action").asText()).isEqualTo("FOLLOWS_INSTITUTION");
    assertThat(follow.get("ruleId").asText()).isEqualTo("R-PERS-11");
    assertThat(follow.get("actor").asText()).isEqualTo(AuditService.SYSTEM);
    assertThat(follow.get("processInstanceId").asText()).isEqualTo("pi-ripple-1");
    assertThat(follow.get("reason").asText()).contains("违规中止协议");

    decide(a, AgreementState.ACTIVE, "RECTIFIED", "R-VIO-2", "整改到位", "pi-ripple-1");
    assertThat(stateAt(one.person().id(), a.institutionId())).isEqualTo("ACTIVE");
    decide(a, AgreementState.TERMINATED, "FRAUD", "R-VIO-3", "骗保解除", "pi-ripple-2");
    assertThat(stateAt(one.person().id(), a.institutionId())).isEqualTo("TERMINATED");
    assertThat(stateAt(two.person().id(), a.institutionId())).isEqualTo("TERMINATED");
    assertThat(stateAt(two.person().id(), b.institutionId())).isEqualTo("ACTIVE");
  }

  /**
   * Another transaction holds and then changes the second person's agreement while the institution is
   * being terminated: the ripple's optimistic lock fails for that person, and nothing at all is written —
   * not the institution's agreement, not the first person, not the ban, not a single audit row.
   */
  @Test
  void ifOnePersonCannotFollowNothingIsWritten() throws Exception {
    Agreement a = freshAgreement();
    PersonDetail first = freshPerson("甲医师", a.institutionId());
    PersonDetail second = freshPerson("乙医师", a.institutionId());
    long secondAgreement = second.agreements().get(0).id();
    int auditBefore = registryAuditRows();

    CompletableFuture<Throwable> response;
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock = other.prepareStatement(
          "UPDATE person_agreement SET version = version + 1 WHERE id = ?")) {
        lock.setLong(1, secondAgreement);
        assertThat(lock.executeUpdate()).isEqualTo(1);
      }
      response = CompletableFuture.supplyAsync(() -> {
        try {
          decide(a, AgreementState.TERMINATED, "FRAUD", "R-VIO-3", "骗保解除", "pi-atomic");
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      });
      waitUntilBlocked(other, response);
      other.commit();
    }
    Throwable refused = response.get(30, TimeUnit.SECONDS);
    assertThat(refused).isInstanceOf(DomainRuleException.class);
    assertThat(((DomainRuleException) refused).status().value()).isEqualTo(409);

    assertThat(agreements.find(a.id()).state()).isEqualTo(AgreementState.ACTIVE);
    assertThat(agreements.find(a.id()).version()).isEqualTo(a.version());
    assertThat(stateAt(first.person().id(), a.institutionId())).isEqualTo("ACTIVE");
    assertThat(stateAt(second.person().id(), a.institutionId())).isEqualTo("ACTIVE");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution_ban WHERE agreement_id = ?", Integer.class,
        a.id())).isZero();
    assertThat(registryAuditRows()).isEqualTo(auditBefore);
  }

  /** Audit rows of the registry's entities (other features' background work does not count). */
  int registryAuditRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type IN ('INSTITUTION', 'AGREEMENT',"
        + " 'PERSON', 'PERSON_AGREEMENT')", Integer.class);
  }

  /** Waits until the request's transaction waits for the row lock (H2 or PostgreSQL), at most 10 s. */
  private static void waitUntilBlocked(Connection other, CompletableFuture<?> request) throws Exception {
    boolean postgres = other.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    // only a session blocked by this connection's lock: any other lock wait on the server (another database, the
    // job executor) would end the wait before the request reached the row, and the test would prove nothing
    String sql = postgres
        ? "SELECT COUNT(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))"
        : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = SESSION_ID()";
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline && !request.isDone()) {
      try (var st = other.createStatement(); var rs = st.executeQuery(sql)) {
        if (rs.next() && rs.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(20);
    }
  }

  /** The transition a process's delegate makes (the REST operation is only an administrator's correction). */
  private void decide(Agreement a, AgreementState to, String cause, String rule, String reason, String pi) {
    agreements.transition(a.id(), new TransitionCommand(to, cause, rule, reason, pi));
  }
}
