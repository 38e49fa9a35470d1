package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;
import org.yibaoflow.support.TestClock;

/**
 * The term of a person's agreement [004 §三(二)]: 2 years to the day before the anniversary, renewed by itself
 * when no cancellation is recorded (R-PERS-1), and a new agreement refused while a re-sign bar runs (R-PERS-2,
 * R-PERS-8), allowed after it.
 */
@IntegrationTest
class PersonAgreementTermsIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  PersonnelService personnel;
  @Autowired
  PersonAgreementTerms terms;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock testClock;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired
  org.camunda.bpm.engine.ManagementService managementService;
  @Autowired
  Clock clock;

  @AfterEach
  void resetClock() {
    testClock.reset();
  }

  Institution site() {
    Institution i = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode("HOSPITAL"),
        "续签测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级", List.of(),
        List.of(), "集成测试", null));
    LocalDate start = LocalDate.of(2024, 1, 1);
    Agreement a = agreements.sign(i.id(), start, LocalDate.of(2030, 12, 31), AgreementState.ACTIVE, "集成测试", null);
    assertThat(a.state()).isEqualTo(AgreementState.ACTIVE);
    return i;
  }

  PersonDetail person(LocalDate validFrom, long siteId) {
    return personnel.register(new NewPerson("huaibei", RegistryFixtures.nationalCode("D"),
        RegistryFixtures.idNumber("340603"), "续签测试", "PHYSICIAN", null, List.of(siteId), validFrom, "集成测试登记",
        null));
  }

  boolean payable(String code, String date) {
    JsonNode r = Http.demo(port, "zhangjing").get("/api/personnel/" + code + "/payable?date=" + date).json();
    return r.get("payable").asBoolean();
  }

  @Test
  void aTermIsTwoYearsToTheDayBeforeTheAnniversaryAndRenewsByItselfAudited() {
    Institution site = site();
    PersonDetail p = person(LocalDate.of(2024, 3, 1), site.id());
    PersonAgreement a = p.agreements().get(0);
    // 2024-03-01 + 2 years: the last day is 2026-02-28, not 2026-03-01 (R-PERS-1)
    assertThat(a.validUntil()).isEqualTo(LocalDate.of(2026, 2, 28));
    String code = p.person().nationalCode();
    // no cancellation recorded: the agreement renewed itself, so the person is payable today and after the term
    testClock.set(OffsetDateTime.parse("2026-12-07T10:00:00+08:00").toInstant());
    assertThat(payable(code, "2026-12-07")).isTrue();
    assertThat(payable(code, "2028-03-02")).isTrue();

    assertThat(terms.renewDue()).isPositive();

    assertThat(jdbc.queryForObject("SELECT valid_until FROM person_agreement WHERE id = ?", LocalDate.class, a.id()))
        .isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'PERSON_AGREEMENT'"
        + " AND entity_id = ? AND action = 'RENEWED' AND rule_id = 'R-PERS-1'", Integer.class, a.id().toString()))
        .isEqualTo(1);
    terms.renewDue(); // a second sweep renews nothing twice
    assertThat(jdbc.queryForObject("SELECT renewed_count FROM person_agreement WHERE id = ?", Integer.class, a.id()))
        .isEqualTo(1);

    // the institution records that the person leaves: the term runs out, no renewal
    Http.Response cancel = Http.demo(port, "zhangjing").post("/api/personnel/" + p.person().id() + "/agreements/"
        + a.id() + "/cancellation", "{\"reason\":\"本人离职\"}");
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
    assertThat(payable(code, "2028-02-29")).isTrue();
    assertThat(payable(code, "2028-03-01")).isFalse();
    testClock.set(OffsetDateTime.parse("2028-03-02T10:00:00+08:00").toInstant());
    terms.renewDue();
    assertThat(jdbc.queryForObject("SELECT valid_until FROM person_agreement WHERE id = ?", LocalDate.class, a.id()))
        .isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @Test
  void aTerminatedAgreementDoesNotRenew() {
    Institution site = site();
    PersonDetail p = person(LocalDate.of(2024, 3, 1), site.id());
    PersonAgreement a = p.agreements().get(0);
    testClock.set(OffsetDateTime.parse("2025-06-01T10:00:00+08:00").toInstant());
    personnel.terminate(a.id(), LocalDate.of(2026, 6, 1), "R-PERS-8", "集成测试：记分解除", null);
    testClock.set(OffsetDateTime.parse("2026-12-07T10:00:00+08:00").toInstant());

    terms.renewDue();

    assertThat(jdbc.queryForObject("SELECT valid_until FROM person_agreement WHERE id = ?", LocalDate.class, a.id()))
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(payable(p.person().nationalCode(), "2026-12-07")).isFalse();
  }

  @Test
  void aNewAgreementIsRefusedDuringTheBarNamingRuleAndEndAndSignedAfterIt() {
    Institution site = site();
    Institution other = site();
    PersonDetail p = person(null, site.id());
    PersonAgreement a = p.agreements().get(0);
    LocalDate today = LocalDate.now(clock);
    LocalDate barUntil = today.plusYears(2);
    personnel.terminate(a.id(), barUntil, "R-PERS-8", "集成测试：一次性扣 12 分解除", null);
    Http zhangjing = Http.demo(port, "zhangjing");

    Http.Response refused = zhangjing.post("/api/personnel/" + p.person().id() + "/agreements",
        "{\"institutionId\":" + other.id() + ",\"reason\":\"到新机构执业\"}");

    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("rule").asText()).isEqualTo("R-PERS-8");
    assertThat(refused.json().get("barUntil").asText()).isEqualTo(barUntil.toString());
    assertThat(refused.json().get("detailZh").asText()).contains(barUntil.toString());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_agreement WHERE person_id = ?", Integer.class,
        p.person().id())).isEqualTo(1);
    // other regions see nothing; a bad site is a 400
    assertThat(Http.demo(port, "liuyang").post("/api/personnel/" + p.person().id() + "/agreements",
        "{\"institutionId\":" + other.id() + ",\"reason\":\"越权\"}").status()).isEqualTo(404);

    testClock.set(barUntil.plusDays(1).atStartOfDay(clock.getZone()).plusHours(9).toInstant());
    Http.Response again = zhangjing.post("/api/personnel/" + p.person().id() + "/agreements",
        "{\"institutionId\":" + site.id() + ",\"reason\":\"不再签订期满，重新签订\"}");
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(jdbc.queryForMap("SELECT state, valid_from, valid_until, bar_until FROM person_agreement WHERE id = ?",
        a.id())).containsEntry("STATE", "ACTIVE").containsEntry("BAR_UNTIL", null);
    Http.Response second = zhangjing.post("/api/personnel/" + p.person().id() + "/agreements",
        "{\"institutionId\":" + other.id() + ",\"reason\":\"多点执业\"}");
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("agreements")).hasSize(2);
  }

  @Test
  void aFailedTestBarNamesRPers2() {
    Institution site = site();
    PersonDetail p = person(null, site.id());
    LocalDate today = LocalDate.now(clock);
    Http.Response test = Http.demo(port, "zhangjing").post("/api/personnel/" + p.person().nationalCode() + "/tests",
        "{\"testedOn\":\"" + today + "\",\"passed\":false,\"score\":40,\"reason\":\"年度测试不合格\"}");
    assertThat(test.status()).as(test.body()).isEqualTo(201);
    // the termination is the process's (issue 13): notice, then the objection window runs out unused
    String pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("personnel-scoring")
        .processInstanceBusinessKey(test.json().get("caseNo").asText()).singleResult().getId();
    Jobs.drain(managementService, pi, 10);
    String objection = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
    Jobs.drain(managementService, objection, 10);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(objection)
        .activityId("Event_WindowExpired").timers().singleResult().getId());
    for (int round = 0; round < 5; round++) {
      Jobs.drain(managementService, objection, 10);
      Jobs.drain(managementService, pi, 10);
    }
    assertThat(jdbc.queryForObject("SELECT status FROM personnel_measure WHERE case_no = ?", String.class,
        test.json().get("caseNo").asText())).isEqualTo("TERMINATED");

    Http.Response refused = Http.demo(port, "zhangjing").post("/api/personnel/" + p.person().id() + "/agreements",
        "{\"institutionId\":" + site.id() + ",\"reason\":\"重新签订\"}");

    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("rule").asText()).isEqualTo("R-PERS-2");
    assertThat(refused.json().get("barUntil").asText()).isEqualTo(today.plusYears(1).toString());
  }
}
