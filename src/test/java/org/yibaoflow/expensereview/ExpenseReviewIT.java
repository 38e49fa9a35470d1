package org.yibaoflow.expensereview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Expense review over HTTP (R-VIO-13): a caseworker uploads a settlement batch of 10,000 claims as CSV; a ratio
 * below the region's 5 % minimum is refused (400 naming the field and rule, nothing written); the batch is
 * screened 100 % (6 claims match the suspicion table), 5 % of the inpatient claims that passed are sampled; a bad
 * verdict returns the task; confirmed claims are refused as found (screening) and scaled up by the ratio (sample),
 * opening one violation case per institution, once.
 */
@IntegrationTest
class ExpenseReviewIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int CLAIMS = 10_000;

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  ExpenseReviewService reviews;
  @Autowired
  RefusalCases refusalCases;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;

  @Test
  void aBatchOfTenThousandClaimsIsScreenedSampledAndRefusedOverHttp() {
    Institution a = hospital();
    Institution b = hospital();
    Institution c = hospital();
    Institution[] hospitals = {a, b, c};
    StringBuilder csv = new StringBuilder("claimId,institutionCode,careType,stayDays,itemCount,amount\n");
    String prefix = "C" + System.nanoTime() + "-";
    int population = 0;
    for (int i = 0; i < CLAIMS; i++) {
      Institution h = hospitals[i % 3];
      if (i == 0 || i == 3 || i == 6) {
        // S01: inpatient, 1 day, over 10,000 yuan (institution a)
        csv.append(prefix + i + "," + h.code() + ",INPATIENT,1,30,15000.00\n");
      } else if (i == 1 || i == 4 || i == 7) {
        // S02: outpatient over 5,000 yuan (institution b)
        csv.append(prefix + i + "," + h.code() + ",门诊,0,10,6000.00\n");
      } else if (i % 10 < 7) {
        population++;
        csv.append(prefix + i + "," + h.code() + ",INPATIENT," + (3 + i % 8) + "," + (20 + i % 50) + ","
            + (2000 + i % 60 * 100) + ".00\n");
      } else {
        csv.append(prefix + i + "," + h.code() + ",OUTPATIENT,0," + (1 + i % 20) + "," + (100 + i % 7 * 100) + "\n");
      }
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    Http zhangjing = Http.demo(port, "zhangjing");
    String ref = "JS-" + System.nanoTime();

    // R-VIO-13: a sample below the region's minimum (5 %) is refused, nothing written
    Http.Response tooSmall = zhangjing.postMultipart("/api/expense-batches/upload",
        Map.of("settlementRef", ref, "sampleRatioPercent", "3"), "batch.csv", file);
    assertThat(tooSmall.status()).as(tooSmall.body()).isEqualTo(400);
    assertThat(tooSmall.json().get("field").asText()).isEqualTo("sampleRatioPercent");
    assertThat(tooSmall.json().get("rule").asText()).isEqualTo("R-VIO-13");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_batch WHERE settlement_ref = ?", Integer.class, ref))
        .isZero();

    Http.Response uploaded = zhangjing.postMultipart("/api/expense-batches/upload",
        Map.of("settlementRef", ref, "sampleRatioPercent", "5"), "batch.csv", file);
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    String batchNo = uploaded.json().get("batchNo").asText();
    String pi = uploaded.json().get("processInstanceId").asText();
    assertThat(batchNo).matches("FS-\\d{4}-huaibei-\\d{6}");
    Http.Response again = zhangjing.postMultipart("/api/expense-batches/upload",
        Map.of("settlementRef", ref, "sampleRatioPercent", "5"), "batch.csv", file);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("batchNo").asText()).isEqualTo(batchNo);
    assertThat(Http.demo(port, "liuyang").get("/api/expense-batches/" + batchNo).status()).isEqualTo(404);

    Jobs.drain(managementService, pi, 10);
    JsonNode figures = zhangjing.get("/api/expense-batches/" + batchNo).json().get("figures");
    int expectedSample = BigDecimal.valueOf(population).multiply(new BigDecimal("0.05"))
        .setScale(0, RoundingMode.CEILING).intValue();
    assertThat(figures.get("claims").asInt()).isEqualTo(CLAIMS);
    assertThat(figures.get("suspicious").asInt()).isEqualTo(6);
    assertThat(figures.get("sampled").asInt()).isEqualTo(expectedSample);
    assertThat(jdbc.queryForObject("SELECT sample_seed FROM claim_batch WHERE batch_no = ?", Long.class, batchNo))
        .isNotNull();

    // a confirmed claim that is not one of the task's returns the task with the message
    complete(zhangjing, task(pi, "Task_VerifySuspicious", a), Map.of("confirmedClaims", prefix + "1",
        "violationCodes", "FRAUD_FICTITIOUS_SERVICES", "verificationMethod", "RECORDS"));
    Jobs.drain(managementService, pi, 5);
    Task returned = task(pi, "Task_VerifySuspicious", a);
    assertThat((String) taskService.getVariable(returned.getId(), "verdictError")).contains(prefix + "1");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim c JOIN claim_batch b ON b.id = c.batch_id "
        + "WHERE b.batch_no = ? AND c.verdict IS NOT NULL", Integer.class, batchNo)).isZero();

    complete(zhangjing, returned, Map.of("confirmedClaims", prefix + "0\n" + prefix + "3 5000",
        "violationCodes", "FRAUD_FICTITIOUS_SERVICES", "verificationMethod", "ON_SITE"));
    complete(zhangjing, task(pi, "Task_VerifySuspicious", b), Map.of("confirmedClaims", "",
        "verificationMethod", "RECORDS"));
    String sampledOfC = jdbc.queryForObject("SELECT MIN(c.claim_id) FROM claim c JOIN claim_batch b ON b.id = "
        + "c.batch_id WHERE b.batch_no = ? AND c.institution_code = ? AND c.sampled = TRUE", String.class, batchNo,
        c.code());
    for (Task t : taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ReviewSample").list()) {
      boolean ofC = c.code().equals(taskService.getVariable(t.getId(), "institutionCode"));
      complete(zhangjing, t, ofC ? Map.of("confirmedClaims", sampledOfC + " 300", "violationCodes", "GEN_OVERCHARGE")
          : Map.of("confirmedClaims", ""));
    }
    Jobs.drain(managementService, pi, 10);

    // screening refused as found: 15,000 + 5,000; the sample scaled up by the ratio: 300 / 5 % = 6,000
    JsonNode view = zhangjing.get("/api/expense-batches/" + batchNo).json();
    assertThat(view.get("batch").get("status").asText()).isEqualTo("CLOSED");
    assertThat(new BigDecimal(view.get("figures").get("amountRefused").asText())).isEqualByComparingTo("26000");
    assertThat(view.get("figures").get("verified").asInt()).isEqualTo(6);
    assertThat(view.get("figures").get("refusedClaims").asInt()).isEqualTo(3);
    JsonNode refusals = view.get("refusals");
    assertThat(refusals).hasSize(2);
    assertThat(refusals.get(0).get("institutionCode").asText()).isEqualTo(a.code());
    assertThat(refusals.get(0).get("stage").asText()).isEqualTo("SCREENING");
    assertThat(new BigDecimal(refusals.get(0).get("refusedAmount").asText())).isEqualByComparingTo("20000");
    assertThat(refusals.get(1).get("stage").asText()).isEqualTo("SAMPLE");
    assertThat(new BigDecimal(refusals.get(1).get("foundAmount").asText())).isEqualByComparingTo("300");
    assertThat(new BigDecimal(refusals.get(1).get("refusedAmount").asText())).isEqualByComparingTo("6000");

    // one violation case per refused institution, with the amounts and the ratio shown; a retried step adds none
    String caseOfC = refusals.get(1).get("caseNo").asText();
    JsonNode caseView = zhangjing.get("/api/violation-cases/" + caseOfC).json().get("violationCase");
    assertThat(caseView.get("source").asText()).isEqualTo("EXPENSE_REVIEW");
    assertThat(new BigDecimal(caseView.get("suspectedAmount").asText())).isEqualByComparingTo("6000");
    assertThat(caseView.get("summary").asText()).contains("抽查比例 5%").contains("6000.00");
    String casePi = caseView.get("processInstanceId").asText();
    assertThat(runtimeService.getVariable(casePi, "samplingRatio")).isEqualTo(0.05);
    assertThat(refusalCases.open(batchNo, pi)).containsExactlyInAnyOrder(refusals.get(0).get("caseNo").asText(),
        caseOfC);
    assertThat(reviews.refuse(batchNo, pi).amount()).isEqualByComparingTo("26000");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action = 'VERIFIED' "
        + "AND details LIKE 'method=ON_SITE%'", Integer.class, batchNo)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM violation_case WHERE external_ref LIKE ?", Integer.class,
        batchNo + "/%")).isEqualTo(2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
  }

  @Test
  void theJsonApiRefusesASmallerRatioAndBadClaimsNamingTheField() {
    Institution h = hospital();
    Http zhangjing = Http.demo(port, "zhangjing");
    String ok = "{\"claimId\":\"X1\",\"institutionCode\":\"" + h.code()
        + "\",\"careType\":\"INPATIENT\",\"stayDays\":3,\"itemCount\":5,\"amount\":100}";
    Http.Response small = zhangjing.post("/api/expense-batches",
        "{\"settlementRef\":\"R-" + System.nanoTime() + "\",\"sampleRatioPercent\":4.99,\"claims\":[" + ok + "]}");
    assertThat(small.status()).isEqualTo(400);
    assertThat(small.json().get("field").asText()).isEqualTo("sampleRatioPercent");
    assertThat(small.json().get("rule").asText()).isEqualTo("R-VIO-13");
    Http.Response badType = zhangjing.post("/api/expense-batches", "{\"settlementRef\":\"R-" + System.nanoTime()
        + "\",\"claims\":[" + ok + "," + ok.replace("X1", "X2").replace("INPATIENT", "DAYCARE") + "]}");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.json().get("field").asText()).isEqualTo("claims[1].careType");
    Http.Response created = zhangjing.post("/api/expense-batches", "{\"settlementRef\":\"R-" + System.nanoTime()
        + "\",\"sampleRatioPercent\":10,\"claims\":[" + ok + "]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(new BigDecimal(created.json().get("sampleRatio").asText())).isEqualByComparingTo("0.10");
    assertThat(Http.demo(port, "wangqiang").post("/api/expense-batches", "{}").status()).isEqualTo(403);
  }

  Institution hospital() {
    Institution i = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode("HOSPITAL"),
        "费用审核测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级", List.of(),
        List.of(), "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
    return i;
  }

  Task task(String pi, String key, Institution institution) {
    return taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list().stream()
        .filter(t -> institution.code().equals(taskService.getVariable(t.getId(), "institutionCode")))
        .findFirst().orElseThrow(() -> new AssertionError(key + " of " + institution.code()));
  }

  void complete(Http user, Task task, Map<String, Object> variables) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach((k, v) -> vars.putObject(k).put("value", v.toString()).put("type", "String"));
    Http.Response r = user.post("/engine-rest/task/" + task.getId() + "/complete", body.toString());
    assertThat(r.status()).as(r.body()).isIn(200, 204);
  }
}
