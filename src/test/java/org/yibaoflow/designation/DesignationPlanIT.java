package org.yibaoflow.designation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;
import org.yibaoflow.support.TestClock;

/**
 * R-DES-5 over HTTP: the resource-allocation plans of a region (recorded by supervisors and administrators,
 * validated, audited, region-checked) and the refusal of an application on a day no plan is in force.
 */
@IntegrationTest
class DesignationPlanIT {

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void supervisorsRecordPlansOfTheirRegionAndBadInputWritesNothing() {
    Http supervisor = Http.demo(port, "chenmin");
    String ref = "淮医保〔2026〕" + System.nanoTime() % 100000 + "号";
    String body = "{\"title\":\"淮北市定点医药机构资源配置规划年度计划\",\"documentRef\":\"" + ref + "\","
        + "\"validFrom\":\"2026-01-01\",\"validTo\":\"2026-12-31\",\"reason\":\"年度计划印发\"}";

    assertThat(Http.demo(port, "zhangjing").post("/api/regions/huaibei/designation-plans", body).status())
        .as("a caseworker does not record plans").isEqualTo(403);
    assertThat(Http.demo(port, "zhaolei").post("/api/regions/huaibei/designation-plans", body).status())
        .as("another region's supervisor").isEqualTo(403);
    Http.Response backwards = supervisor.post("/api/regions/huaibei/designation-plans",
        body.replace("\"validTo\":\"2026-12-31\"", "\"validTo\":\"2025-12-31\""));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().get("field").asText()).isEqualTo("validTo");
    assertThat(backwards.json().get("rule").asText()).isEqualTo("R-DES-5");
    assertThat(backwards.json().get("detailZh").asText()).contains("不能早于");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM designation_plan WHERE document_ref = ?", Integer.class, ref))
        .as("nothing written").isZero();

    Http.Response recorded = supervisor.post("/api/regions/huaibei/designation-plans", body);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    assertThat(recorded.json().get("recordedBy").asText()).isEqualTo("chenmin");
    assertThat(supervisor.post("/api/regions/huaibei/designation-plans", body).json().get("id").asLong())
        .as("the same document twice is one plan").isEqualTo(recorded.json().get("id").asLong());
    assertThat(Http.demo(port, "zhangjing").get("/api/regions/huaibei/designation-plans").body()).contains(ref);
    assertThat(Http.demo(port, "liuyang").get("/api/regions/huaibei/designation-plans").status()).isEqualTo(403);
    assertThat(jdbc.queryForList("SELECT actor || ':' || action || ':' || rule_id FROM audit_log "
        + "WHERE entity_type = 'DESIGNATION_PLAN' AND entity_id = ?", String.class, ref))
        .containsExactly("chenmin:PLAN_RECORDED:R-DES-5");
  }

  @Test
  void anApplicationOnADayWithoutAPlanInForceIsRefusedInWritingUnderRdes5() {
    // the demo plans of 淮北 run to 2027-12-31; the plans other tests record end in 2026
    clock.set(Instant.parse("2028-03-01T02:00:00Z"));
    Http.Response filed = Http.demo(port, "zhangjing").post("/api/designation-applications",
        "{\"institutionName\":\"淮北市烈山区新建药房\",\"institutionType\":\"PHARMACY\",\"creditCode\":\""
            + RegistryFixtures.creditCode("340600") + "\",\"licences\":[{\"kind\":\"DRUG_TRADING\",\"number\":\"皖DB"
            + System.nanoTime() + "\",\"validFrom\":\"2027-01-01\",\"validUntil\":\"2031-12-31\"}]}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String no = filed.json().get("applicationNo").asText();
    String pi = filed.json().get("processInstanceId").asText();
    Jobs.drain(managementService, pi, 5);

    assertThat(jdbc.queryForMap("SELECT status, refusal_rule, refusal_reason FROM designation_application "
        + "WHERE application_no = ?", no))
        .containsEntry("STATUS", "REFUSED").containsEntry("REFUSAL_RULE", "R-DES-5")
        .hasEntrySatisfying("REFUSAL_REASON", r -> assertThat((String) r).contains("资源配置规划未出台实施"));
  }
}
