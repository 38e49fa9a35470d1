package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import org.yibaoflow.support.RegistryFixtures;

/**
 * POST /api/personnel/{code}/deductions over HTTP: totals per natural year over all sites (R-PERS-3/5), the
 * DMN band (R-PERS-6), duplicate inspections, region isolation and RFC 7807 problems. In 济宁, the demo region
 * scoring by seed 004 (rule set SEED_004).
 */
@IntegrationTest
class PersonnelScoringApiIT {

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
  Clock clock;

  long site() {
    Institution i = institutions.register(new NewInstitution("jining", RegistryFixtures.institutionCode("HOSPITAL"),
        "记分测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("370800"), "二级", List.of(),
        List.of(), "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    Agreement a = agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试",
        null);
    return a.institutionId();
  }

  String freshPerson() {
    return personnel.register(new NewPerson("jining", RegistryFixtures.nationalCode("D"),
        RegistryFixtures.idNumber("370811"), "记分测试医师", "PHYSICIAN", null, List.of(site(), site()), null, "集成测试登记",
        null)).person().nationalCode();
  }

  String body(String ref, LocalDate on, String findings) {
    return "{\"inspectionRef\":\"" + ref + "\",\"inspectedOn\":\"" + on + "\",\"findings\":[" + findings + "]}";
  }

  static String finding(String... codes) {
    return "{\"codes\":[\"" + String.join("\",\"", codes) + "\"],\"description\":\"检查发现的违规行为\"}";
  }

  @Test
  void deductionsAddUpToTheBandAndTheMeasure() {
    String code = freshPerson();
    Http liuyang = Http.demo(port, "liuyang");
    LocalDate today = LocalDate.now(clock);
    Http.Response first = liuyang.post("/api/personnel/" + code + "/deductions",
        body("JC-A-" + code, today, finding("P1-1") + "," + finding("P1-2", "P3-3")));
    assertThat(first.status()).isEqualTo(201);
    JsonNode a = first.json();
    assertThat(a.get("deducted").asInt()).isEqualTo(4);
    assertThat(a.get("total").asInt()).isEqualTo(4);
    assertThat(a.get("remaining").asInt()).isEqualTo(8);
    assertThat(a.get("measure").asText()).isEqualTo("NONE");
    assertThat(a.get("pointsYear").asInt()).isEqualTo(today.getYear());

    // a second inspection (another practice site) adds to the same account: 4 + 3 = 7
    JsonNode b = liuyang.post("/api/personnel/" + code + "/deductions",
        body("JC-B-" + code, today, finding("P3-1"))).json();
    assertThat(b.get("total").asInt()).isEqualTo(7);
    assertThat(b.get("band").asText()).isEqualTo("6-8");
    assertThat(b.get("measure").asText()).isEqualTo("SUSPEND_3_MONTHS");
    assertThat(b.get("suspensionMonths").asInt()).isEqualTo(3);
    assertThat(b.get("triggered").asBoolean()).isTrue();

    // last year's points are another account (R-PERS-3)
    JsonNode old = liuyang.post("/api/personnel/" + code + "/deductions",
        body("JC-C-" + code, today.minusYears(1), finding("P12-1"))).json();
    assertThat(old.get("pointsYear").asInt()).isEqualTo(today.getYear() - 1);
    assertThat(old.get("total").asInt()).isEqualTo(12);
    assertThat(old.get("measure").asText()).isEqualTo("TERMINATE");

    long personId = jdbc.queryForObject("SELECT id FROM person WHERE national_code = ?", Long.class, code);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'PERSON' AND entity_id = ? "
        + "AND action = 'POINTS_DEDUCTED'", Integer.class, String.valueOf(personId))).isEqualTo(3);
  }

  @Test
  void theSameInspectionTwiceDeductsOnceAndAnswersTheSame() {
    String code = freshPerson();
    Http liuyang = Http.demo(port, "liuyang");
    String request = body("JC-DUP-" + code, LocalDate.now(clock), finding("P6-1"));
    Http.Response first = liuyang.post("/api/personnel/" + code + "/deductions", request);
    Http.Response again = liuyang.post("/api/personnel/" + code + "/deductions", request);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(jdbc.queryForObject("SELECT SUM(d.points) FROM person_deduction d JOIN person p ON p.id = d.person_id "
        + "WHERE p.national_code = ?", Integer.class, code)).isEqualTo(6);
  }

  @Test
  void unknownCodesAndMissingFieldsAreProblemsNamingFieldAndRule() {
    String code = freshPerson();
    Http liuyang = Http.demo(port, "liuyang");
    Http.Response unknown = liuyang.post("/api/personnel/" + code + "/deductions",
        body("JC-X-" + code, LocalDate.now(clock), finding("P1-1") + "," + finding("P3-1", "P7-1")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).contains("application/problem+json");
    assertThat(unknown.json().get("field").asText()).isEqualTo("findings[1].codes[1]");
    assertThat(unknown.json().get("rule").asText()).isEqualTo("R-PERS-4");
    assertThat(unknown.json().get("detailZh").asText()).contains("P7-1");

    Http.Response future = liuyang.post("/api/personnel/" + code + "/deductions",
        body("JC-Y-" + code, LocalDate.now(clock).plusDays(2), finding("P1-1")));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("field").asText()).isEqualTo("inspectedOn");

    Http.Response none = liuyang.post("/api/personnel/" + code + "/deductions",
        body("JC-Z-" + code, LocalDate.now(clock), ""));
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("field").asText()).isEqualTo("findings");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_inspection i JOIN person p ON p.id = i.person_id "
        + "WHERE p.national_code = ?", Integer.class, code)).isZero();
  }

  @Test
  void theCatalogueIsServedForChoosingCodes() {
    JsonNode cases = Http.demo(port, "liuyang").get("/api/personnel/deduction-catalogue").json();
    assertThat(cases).hasSize(23);
    assertThat(cases.get(0).get("code").asText()).isEqualTo("P1-1");
    assertThat(cases.get(0).get("text").asText()).isEqualTo("分解住院、挂床住院的");
    assertThat(cases.findValuesAsText("clause")).contains("004 §四(四)6");
  }

  @Test
  void aPersonOfAnotherRegionIsNotFound() {
    String code = freshPerson();
    Http.Response r = Http.demo(port, "zhangjing").post("/api/personnel/" + code + "/deductions",
        body("JC-R-" + code, LocalDate.now(clock), finding("P1-1")));
    assertThat(r.status()).isEqualTo(404);
    assertThat(Http.demo(port, "liuyang").post("/api/personnel/D340603000001/deductions",
        body("JC-R2", LocalDate.now(clock), finding("P1-1"))).status()).isEqualTo(404);
  }
}
