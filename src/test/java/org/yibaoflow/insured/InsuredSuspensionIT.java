package org.yibaoflow.insured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.document.DocumentRenderer;
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
 * R-VIO-12 for insured persons over HTTP: the record (GB 11643 id number, one per region and number), the
 * suspension proposed from a fraud case of the region (months in the region's range 3..12 by default; a case
 * without fraud 400; another region 404; roles outside the table 403), started as the engine's process; in effect,
 * {@code direct-settlement} answers false on the days of its period and true before and after it, also once the
 * timer ended it; a malformed id number is a 400 problem naming {@code idNumber}.
 */
@IntegrationTest
class InsuredSuspensionIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  InsuredSuspensionService suspensions;
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
  void theRecordIsKeptPerRegionAndAMalformedIdNumberIsA400() {
    String id = RegistryFixtures.idNumber("340603");
    Http zhangjing = Http.demo(port, "zhangjing");
    Http.Response created = zhangjing.post("/api/insured", person(id, "王参保"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("region").asText()).isEqualTo("huaibei");
    assertThat(zhangjing.post("/api/insured", person(id, "王参保")).status()).as("the same again").isEqualTo(200);
    Http.Response otherName = zhangjing.post("/api/insured", person(id, "李参保"));
    assertThat(otherName.status()).isEqualTo(409);
    assertThat(otherName.json().get("field").asText()).isEqualTo("name");

    String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1");
    Http.Response bad = zhangjing.post("/api/insured", person(wrongCheck, "王参保"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("idNumber");
    assertThat(Http.demo(port, "liuyang").post("/api/insured",
        "{\"region\":\"huaibei\",\"idNumber\":\"" + id + "\",\"name\":\"王参保\"}").status())
        .as("another region's user naming huaibei").isEqualTo(403);

    Http.Response malformed = zhangjing.get("/api/insured/12345/direct-settlement?date=2026-01-01");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    assertThat(malformed.json().get("field").asText()).isEqualTo("idNumber");
    assertThat(malformed.json().get("detailZh").asText()).contains("身份证号码");
    assertThat(zhangjing.get("/api/insured/" + RegistryFixtures.idNumber("340603") + "/direct-settlement?date=2026-01-01")
        .status()).as("not registered").isEqualTo(404);
    assertThat(Http.demo(port, "liuyang").get("/api/insured/" + id + "/direct-settlement?date=2026-01-01").status())
        .as("another region").isEqualTo(404);
    assertThat(Http.demo(port, "wangqiang").get("/api/insured/" + id + "/direct-settlement?date=2026-01-01").status())
        .as("an expert is no settlement system").isEqualTo(403);
    assertThat(zhangjing.get("/api/insured/" + id + "/direct-settlement").status()).as("no date").isEqualTo(400);
  }

  @Test
  void aSuspensionFromAFraudCaseRefusesDirectSettlementForItsMonths() {
    String id = RegistryFixtures.idNumber("340603");
    Http zhangjing = Http.demo(port, "zhangjing");
    assertThat(zhangjing.post("/api/insured", person(id, "赵参保")).status()).isEqualTo(201);
    Institution site = site();
    String fraud = violationCase(site, "FRAUD_FORGED_RECORDS");
    String minor = violationCase(site, "MGMT_NO_SYSTEM");
    String path = "/api/insured/" + id + "/suspensions";

    Http.Response tooShort = zhangjing.post(path, body(fraud, 2));
    assertThat(tooShort.status()).as("below the region's 3 months").isEqualTo(400);
    assertThat(tooShort.json().get("field").asText()).isEqualTo("months");
    assertThat(zhangjing.post(path, body(fraud, 13)).status()).as("beyond 12 months").isEqualTo(400);
    Http.Response noFraud = zhangjing.post(path, body(minor, 6));
    assertThat(noFraud.status()).isEqualTo(400);
    assertThat(noFraud.json().get("field").asText()).isEqualTo("caseNo");
    assertThat(Http.demo(port, "liuyang").post(path, body(fraud, 6)).status()).as("another region").isEqualTo(404);
    assertThat(Http.demo(port, "zhoujie").post(path, body(fraud, 6)).status()).as("not the agency's").isEqualTo(403);

    Http.Response created = zhangjing.post(path, body(fraud, 6));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String no = created.json().get("suspensionNo").asText();
    assertThat(zhangjing.post(path, body(fraud, 6)).status()).as("one per case and person").isEqualTo(200);
    var pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
    assertThat(pi.getProcessDefinitionKey()).isEqualTo("insured-suspension");
    assertThat(pi.getTenantId()).isEqualTo("huaibei");

    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    String query = "/api/insured/" + id + "/direct-settlement?date=";
    assertThat(settles(zhangjing, query + today)).as("proposed only: not yet suspended").isTrue();

    // the supervisor's task names the case and the person; a refusal without its reason stays in the form
    Jobs.executeDue(managementService, pi.getId());
    Task approval = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveSuspension");
    assertThat(approval.getDueDate()).isNotNull();
    assertThat(taskService.getVariables(approval.getId())).containsEntry("personName", "赵参保")
        .containsEntry("institutionName", site.name()).containsEntry("caseNo", no);
    assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("suspensionApproval", "REJECT")))
        .hasMessageContaining("不同意的理由");
    assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);
    taskService.complete(approval.getId(), Map.of("suspensionApproval", "APPROVE"));
    Jobs.drain(managementService, pi.getId(), 5);

    // 暂停医保直接结算决定书: addressed to the person, the facts and the months, how to object
    JsonNode documents = zhangjing.get("/api/cases/" + no + "/documents").json();
    assertThat(documents.get(0).get("kind").asText()).isEqualTo("INSURED_SUSPENSION");
    HttpResponse<byte[]> file = download(documents.get(0).get("id").asLong(), "zhangjing");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(DocumentRenderer.text(file.body())).contains("暂停医保直接结算决定书", "赵参保：", "冒名就医",
        "暂停其医保直接结算 6 个月", "R-VIO-12", "异议").doesNotContain("{{", site.name() + "：");
    assertThat(download(documents.get(0).get("id").asLong(), "lina").statusCode())
        .as("the report desk opens reward notices only").isEqualTo(404);
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("objection").count()).as("the objection window runs").isEqualTo(1);

    // in effect (as the process's next steps record it): 6 months from today, the last day the day before
    InsuredSuspension s = suspensions.takeEffect(no, "NO_OBJECTION", null, "YY-IT", pi.getId());
    assertThat(s.suspendedUntil()).isEqualTo(today.plusMonths(6).minusDays(1));
    JsonNode during = zhangjing.get(query + today.plusMonths(3)).json();
    assertThat(during.get("directSettlement").asBoolean()).isFalse();
    assertThat(during.get("rule").asText()).isEqualTo("R-VIO-12");
    assertThat(during.get("caseNo").asText()).isEqualTo(no);
    assertThat(settles(zhangjing, query + s.suspendedUntil())).as("the last day").isFalse();
    assertThat(settles(zhangjing, query + s.suspendedUntil().plusDays(1))).as("the day after").isTrue();
    assertThat(settles(zhangjing, query + today.minusDays(1))).as("the day before").isTrue();
    assertThat(settles(Http.demo(port, "chenmin"), query + today)).as("the supervisor asks too").isFalse();

    // the timer ends it: the period's days stay refused (settlements of those days), later days are settled
    assertThat(suspensions.end(no, pi.getId()).status()).isEqualTo(InsuredSuspension.ENDED);
    assertThat(settles(zhangjing, query + today)).isFalse();
    assertThat(settles(zhangjing, query + s.suspendedUntil().plusDays(1))).isTrue();
    assertThat(zhangjing.get(path).body()).contains(no, "ENDED");
  }

  private static boolean settles(Http http, String path) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("directSettlement").asBoolean();
  }

  private HttpResponse<byte[]> download(long documentId, String user) {
    String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/documents/" + documentId)).header("Authorization", "Basic " + token).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String person(String id, String name) {
    return "{\"idNumber\":\"" + id + "\",\"name\":\"" + name + "\"}";
  }

  private static String body(String caseNo, int months) {
    return "{\"caseNo\":\"" + caseNo + "\",\"months\":" + months + ",\"reasons\":\"冒名就医，参与骗取医保基金\"}";
  }

  private Institution site() {
    Institution i = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode("HOSPITAL"),
        "参保人暂停测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级", List.of(),
        List.of(), "集成测试", null));
    agreements.sign(i.id(), LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31), AgreementState.ACTIVE, "集成测试", null);
    return i;
  }

  private String violationCase(Institution i, String code) {
    String caseNo = "WY-IT-" + System.nanoTime();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.update("INSERT INTO violation_case (case_no, region, source, institution_id, institution_type, agreement_id, "
        + "suspected_violations, suspected_amount, status, process_instance_id, created_by, created_at, updated_at) "
        + "VALUES (?, 'huaibei', 'SMART_MONITORING', ?, 'HOSPITAL', 0, ?, ?, 'DECIDING', ?, 'zhangjing', ?, ?)", caseNo,
        i.id(), code, new BigDecimal("1000"), "pi-" + caseNo, now, now);
    jdbc.update("INSERT INTO violation_finding (case_no, code, severity, clause) VALUES (?, ?, 4, '001 §三(四)')",
        caseNo, code);
    return caseNo;
  }
}
