package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.personnel.IdNumber;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;

/**
 * The invalid values issue 13 found stored, each in an otherwise valid request: refused with 400 naming the
 * field, nothing changed. Strict binding is Spring MVC's alone: Camunda's REST API keeps its own mapper.
 */
@IntegrationTest
class InputValidationIT {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;

  private static void assertProblem(Http.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("field").asText()).as(r.body()).isEqualTo(field);
    assertThat(p.get("detail").asText()).isNotBlank();
    assertThat(p.get("detailZh").asText()).isNotBlank();
  }

  private String huaibeiPerson() {
    return jdbc.queryForObject("SELECT MIN(national_code) FROM person WHERE region = 'huaibei'", String.class);
  }

  @Test
  void aFloatIsNotTruncatedIntoASetting() {
    String path = "/api/regions/huaibei/settings/suspension-termination-threshold";
    Http demo = Http.demo(port, "demo");
    String before = demo.get("/api/regions/huaibei/settings").body();
    // R-VIO-5: the threshold is a whole number of suspensions; 1.5 once became 1
    Http.Response r = demo.put(path, "{\"value\":1.5,\"reason\":\"测试\"}");
    assertProblem(r, "value");
    assertThat(r.json().get("rule").asText()).isEqualTo("INPUT");
    assertProblem(demo.put(path, "{\"value\":\"2\",\"reason\":\"测试\"}"), "value");
    assertProblem(demo.put(path, "{\"value\":2,\"reason\":\"测试\",\"Value\":3}"), "Value");
    assertThat(demo.get("/api/regions/huaibei/settings").body()).isEqualTo(before);
  }

  @Test
  void aNumberIsNotADate() {
    Http demo = Http.demo(port, "demo");
    int plans = jdbc.queryForObject("SELECT COUNT(*) FROM designation_plan", Integer.class);
    String body = "{\"title\":\"测试规划\",\"documentRef\":\"" + RegistryFixtures.nationalCode("T")
        + "\",\"validFrom\":%s,\"reason\":\"测试\"}";
    // 20250101 was read as epoch day 20250101, a date in the year 57412
    assertProblem(demo.post("/api/regions/huaibei/designation-plans", body.formatted("20250101")), "validFrom");
    assertProblem(demo.post("/api/regions/huaibei/designation-plans", body.formatted("[2025,1,1]")), "validFrom");
    assertProblem(demo.post("/api/regions/huaibei/designation-plans", body.formatted("\"2025-02-30\"")),
        "validFrom");
    assertProblem(demo.post("/api/regions/huaibei/designation-plans", body.formatted("\"+999999999-12-31\"")),
        "validFrom");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM designation_plan", Integer.class)).isEqualTo(plans);
  }

  @Test
  void aTestDateIn1900AndAHugeReasonAreRefused() {
    Http zhangjing = Http.demo(port, "zhangjing");
    String path = "/api/personnel/" + huaibeiPerson() + "/tests";
    int tests = jdbc.queryForObject("SELECT COUNT(*) FROM person_test", Integer.class);
    Http.Response in1900 = zhangjing.post(path,
        "{\"testedOn\":\"1900-01-01\",\"passed\":true,\"score\":90,\"reason\":\"年度测试\"}");
    assertProblem(in1900, "testedOn");
    assertThat(in1900.json().get("rule").asText()).isEqualTo("R-PERS-2");
    assertProblem(zhangjing.post(path, "{\"testedOn\":\"" + LocalDate.now(clock).plusDays(1)
        + "\",\"passed\":true,\"score\":90,\"reason\":\"年度测试\"}"), "testedOn");
    // a 100k-character reason was a database error (500)
    assertProblem(zhangjing.post(path, "{\"testedOn\":\"" + LocalDate.now(clock).minusDays(1)
        + "\",\"passed\":true,\"score\":90,\"reason\":\"" + "长".repeat(100_000) + "\"}"), "reason");
    assertProblem(zhangjing.post(path, "{\"testedOn\":\"" + LocalDate.now(clock).minusDays(1)
        + "\",\"passed\":true,\"score\":90.5,\"reason\":\"年度测试\"}"), "score");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_test", Integer.class)).isEqualTo(tests);
  }

  @Test
  void anEvaluationYearOutsideTheRuleNamesTheRule() {
    int campaigns = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_campaign", Integer.class);
    Http chenmin = Http.demo(port, "chenmin");
    // R-EVA-1: a natural year from 2000 to the current one; +999999999 was a 500
    for (String year : List.of("1999", String.valueOf(LocalDate.now(clock).getYear() + 1), "999999999")) {
      Http.Response r = chenmin.post("/api/evaluation-campaigns", "{\"region\":\"huaibei\",\"year\":" + year + "}");
      assertProblem(r, "year");
      assertThat(r.json().get("rule").asText()).isEqualTo("R-EVA-1");
      assertThat(r.json().get("detailZh").asText()).isEqualTo("输入不合法：year 年度须不早于 2000 年、不晚于当年之后 0 年");
      assertThat(r.json().get("detail").asText())
          .isEqualTo("Invalid input: year the year must be from 2000 to the current year plus 0");
    }
    assertProblem(chenmin.post("/api/evaluation-campaigns", "{\"region\":\"huaibei\",\"year\":2025.0}"), "year");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_campaign", Integer.class)).isEqualTo(campaigns);
  }

  @Test
  void aPersonBornInTheFutureIsRefused() {
    Http zhangjing = Http.demo(port, "zhangjing");
    int persons = jdbc.queryForObject("SELECT COUNT(*) FROM person", Integer.class);
    long site = jdbc.queryForObject("SELECT MIN(id) FROM institution WHERE region = 'huaibei'", Long.class);
    String first17 = "340602" + LocalDate.now(clock).plusYears(4).getYear() + "0101" + "123";
    String born2030 = first17 + IdNumber.checkCharacter(first17);
    String body = "{\"region\":\"huaibei\",\"nationalCode\":\"" + RegistryFixtures.nationalCode("D")
        + "\",\"idNumber\":\"" + born2030 + "\",\"name\":\"未来人\",\"category\":\"PHYSICIAN\",\"institutionIds\":[" + site
        + "],\"reason\":\"登记\"}";
    Http.Response r = zhangjing.post("/api/personnel", body);
    assertProblem(r, "idNumber");
    assertThat(r.json().get("rule").asText()).isEqualTo("GB 11643");
    String withBirthDate = body.replace("\"institutionIds\"", "\"birthDate\":\"" + LocalDate.now(clock).plusYears(4)
        .withDayOfYear(1) + "\",\"institutionIds\"");
    assertProblem(zhangjing.post("/api/personnel", withBirthDate), "birthDate");
    assertProblem(zhangjing.post("/api/personnel", body.replace("[" + site + "]", "[" + site + ",null]")),
        "institutionIds[1]");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person", Integer.class)).isEqualTo(persons);
  }

  @Test
  void aLoadReasonLongerThanTheAuditTrailIsRefused() {
    int years = jdbc.queryForObject("SELECT COUNT(*) FROM calendar_year", Integer.class);
    String json = "{\"year\":2032,\"source\":\"测试\",\"holidays\":[{\"name\":\"劳动节\",\"days\":[\"2032-05-03\"]}]}";
    Http.Response r = Http.demo(port, "demo").put("/api/calendar/2032?reason=" + "x".repeat(3000), json);
    assertProblem(r, "reason");
    assertThat(r.json().get("rule").asText()).isEqualTo("AUDIT");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_year", Integer.class)).isEqualTo(years);
  }

  @Test
  void injectionStringsAreStoredAsPlainText() {
    Http zhangjing = Http.demo(port, "zhangjing");
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM institution", Integer.class);
    String name = "'; DROP TABLE institution;-- <script>alert(1)</script>";
    String body = "{\"region\":\"huaibei\",\"code\":\"" + RegistryFixtures.institutionCode("HOSPITAL")
        + "\",\"name\":" + HostileCorpus.quote(name) + ",\"type\":\"HOSPITAL\",\"creditCode\":\""
        + RegistryFixtures.creditCode("340600") + "\",\"reason\":" + HostileCorpus.quote("${jndi:ldap://x/a}") + "}";
    Http.Response r = zhangjing.post("/api/institutions", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().at("/institution/name").asText()).isEqualTo(name);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution", Integer.class)).isEqualTo(before + 1);
  }

  @Test
  void camundasRestApiKeepsItsOwnLenientMapper() {
    // the engine's REST API reads "50" as a number: Spring's strict ObjectMapper is not Camunda's
    Http.Response r = Http.demo(port, "demo").post("/engine-rest/task/count", "{\"maxPriority\":\"50\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("count").isNumber()).isTrue();
  }
}
