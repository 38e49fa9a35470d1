package org.yibaoflow.whistleblower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.document.DocumentRenderer;
import org.yibaoflow.enforcement.DecisionTookEffect;
import org.yibaoflow.enforcement.ViolationCaseClosed;
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
 * Whistle-blower reports over HTTP (issue 19, R-VIO-1, R-VIO-15): the public page without login (receipt, status
 * only, bad input 400, foreign origin 403, throttled 429); a caseworker's report founded into a REPORT case and
 * rewarded after the decision took effect, with 举报奖励通知书 addressed by the receipt code (the payment task links
 * it); a founded report whose case ended without a decision closed without reward; the named reporter hidden from
 * caseworkers and other regions.
 */
@IntegrationTest
class WhistleblowerIT {

  private static final String NAME = "王举报人";
  private static final String PHONE = "13900001111";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  TestClock clock;

  @Test
  void thePublicPageTakesAReportWithoutLoginAndTellsOnlyItsStatus() {
    Http page = Http.anonymous(port).from("203.0.113.10");
    assertThat(page.get("/public/reports/regions").body()).contains("huaibei", "jining");
    Http.Response html = page.get("/report/index.html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).contains("医疗保障基金违法违规行为举报", "受理回执码");

    Http.Response created = page.post("/public/reports", publicReport("huaibei", "某某骨科医院", "挂床住院，虚构住院天数"));
    assertThat(created.status()).isEqualTo(201);
    String receipt = created.json().get("receiptCode").asText();
    assertThat(receipt).matches("([2-9A-HJ-NP-Z]{4}-){4}[2-9A-HJ-NP-Z]{4}");
    assertThat(created.body()).doesNotContain("JB-");

    Http.Response progress = page.post("/public/reports/progress", "{\"receiptCode\":\"" + receipt.toLowerCase() + "\"}");
    assertThat(progress.status()).isEqualTo(200);
    assertThat(progress.json().get("status").asText()).isEqualTo("RECEIVED");
    assertThat(progress.json().get("statusZh").asText()).isEqualTo("已受理，待审查");
    // nothing else: not the report's number, institution, content or reporter
    assertThat(progress.body()).doesNotContain("JB-", "某某骨科医院", "挂床", NAME);

    String reportNo = jdbc.queryForObject("SELECT report_no FROM whistleblower_report WHERE receipt_hash = ?",
        String.class, Receipts.hash(receipt));
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM whistleblower_report WHERE report_no = ?",
        String.class, reportNo);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getTenantId())
        .isEqualTo("huaibei");
    assertIdentityHidden(reportNo, pi);

    // unknown code 404, malformed 400 naming the field
    assertThat(page.post("/public/reports/progress", "{\"receiptCode\":\"2222-2222-2222-2222-2222\"}").status())
        .isEqualTo(404);
    Http.Response malformed = page.post("/public/reports/progress", "{\"receiptCode\":\"JB-2026-huaibei-000001\"}");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("field").asText()).isEqualTo("receiptCode");
  }

  @Test
  void thePublicPageRefusesBadInputAndForeignOrigins() {
    Http page = Http.anonymous(port).from("203.0.113.20");
    Http.Response noContent = page.post("/public/reports", "{\"region\":\"huaibei\",\"institutionName\":\"某医院\"}");
    assertThat(noContent.status()).isEqualTo(400);
    assertThat(noContent.body()).contains("content");
    Http.Response tooLong = page.post("/public/reports", publicReport("huaibei", "某医院", "很".repeat(4001)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("content");
    Http.Response noRegion = page.post("/public/reports", publicReport("atlantis", "某医院", "虚开票据"));
    assertThat(noRegion.status()).isEqualTo(400);
    assertThat(noRegion.json().get("field").asText()).isEqualTo("region");
    Http.Response foreign = page.send("POST", "/public/reports", publicReport("huaibei", "某医院", "虚开票据"),
        Map.of("Origin", "https://evil.example"));
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(page.send("POST", "/public/reports", "region=huaibei",
        Map.of("Content-Type", "application/x-www-form-urlencoded")).status()).isEqualTo(415);
  }

  @Test
  void thePublicPageIsThrottledPerClient() {
    Http page = Http.anonymous(port).from("198.51.100.7");
    // yibao.whistleblower.public.report-limit: 5 reports an hour per client
    for (int i = 0; i < 5; i++) {
      assertThat(page.post("/public/reports", publicReport("jining", "某药店", "空刷医保卡 " + i)).status())
          .isEqualTo(201);
    }
    Http.Response sixth = page.post("/public/reports", publicReport("jining", "某药店", "空刷医保卡"));
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(sixth.json().get("rule").asText()).isEqualTo("RATE_LIMIT");
    // another client is not held up
    assertThat(Http.anonymous(port).from("198.51.100.8")
        .post("/public/reports", publicReport("jining", "某药店", "空刷医保卡")).status()).isEqualTo(201);
  }

  @Test
  void aFoundedReportOpensAReportCaseAndItsRewardFollowsTheDecision() {
    Institution hospital = institution();
    Http caseworker = Http.demo(port, "zhangjing");
    Http.Response registered = caseworker.post("/api/whistleblower-reports", "{\"channel\":\"PHONE\","
        + "\"institutionName\":\"" + hospital.name() + "\",\"content\":\"虚构住院服务\",\"reporter\":{\"name\":\""
        + NAME + "\",\"phone\":\"" + PHONE + "\"}}");
    assertThat(registered.status()).isEqualTo(201);
    String reportNo = registered.json().get("reportNo").asText();
    String receipt = registered.json().get("receiptCode").asText();
    assertThat(reportNo).startsWith("JB-").contains("-huaibei-");
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM whistleblower_report WHERE report_no = ?",
        String.class, reportNo);
    assertIdentityHidden(reportNo, pi);
    assertThat(Http.demo(port, "zhangjing").post("/api/whistleblower-reports", "{\"channel\":\"ONLINE\","
        + "\"institutionName\":\"x\",\"content\":\"y\"}").status()).as("ONLINE is the public page's").isEqualTo(400);

    complete(pi, "Task_Triage", Map.of("triageDecision", "ACCEPT"));
    complete(pi, "Task_Verify", Map.of("verificationOutcome", "FOUNDED", "institutionCode", hospital.code(),
        "suspectedViolations", List.of("FRAUD_FAKE_VISITS"), "suspectedAmount", "80000",
        "verificationNote", "调取住院病历核实"));
    String caseNo = jdbc.queryForObject("SELECT case_no FROM whistleblower_report WHERE report_no = ?", String.class,
        reportNo);
    Map<String, Object> c = jdbc.queryForMap("SELECT source, external_ref, summary FROM violation_case WHERE case_no = ?",
        caseNo);
    assertThat(c.get("source")).isEqualTo("REPORT");
    assertThat(c.get("external_ref")).isEqualTo(reportNo);
    assertThat(c.get("summary").toString()).contains(reportNo).doesNotContain(NAME, PHONE);
    assertThat(caseworker.get("/api/violation-cases/" + caseNo).body()).doesNotContain(NAME, PHONE);
    assertThat(progress(receipt)).isEqualTo("FOUNDED");

    // the case's decision as 执行处理决定 leaves it: 80,000 yuan recovered; then it took effect (published twice:
    // the job may be retried, the reward follows once)
    jdbc.update("UPDATE violation_case SET recovery_amount = 80000 WHERE case_no = ?", caseNo);
    for (int i = 0; i < 2; i++) {
      transactions.executeWithoutResult(s -> events.publishEvent(new DecisionTookEffect(caseNo, "case-pi")));
    }
    Jobs.executeDue(managementService, pi);
    // R-VIO-15 shipped scale: under 100,000 yuan recovered, 5 % = 4,000 yuan
    Task approval = task(pi, "Task_ApproveReward");
    assertThat(approval.getTenantId()).isEqualTo("huaibei");
    assertThat(runtimeService.getVariable(pi, "rewardAmount")).isEqualTo("4000.00");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM whistleblower_report WHERE report_no = ? AND status = "
        + "'REWARD_PENDING' AND reward_amount = 4000", Integer.class, reportNo)).isEqualTo(1);
    complete(pi, "Task_ApproveReward", Map.of("rewardApproval", "APPROVE"));
    assertThat(progress(receipt)).isEqualTo("REWARD_APPROVED");

    // 举报奖励通知书 (R-VIO-15): generated at the approval, linked from the payment task, addressed by the receipt
    // code's last 4 characters, never by the reporter's name; the report desk opens it
    Task payment = task(pi, "Task_PayReward");
    String link = (String) runtimeService.getVariable(payment.getProcessInstanceId(), "documentLink");
    assertThat(link).startsWith("[举报奖励通知书 ").contains("](/api/documents/");
    long noticeId = Long.parseLong(link.replaceAll(".*/api/documents/(\\d+)\\).*", "$1"));
    HttpResponse<byte[]> notice = download(noticeId, "lina");
    assertThat(notice.statusCode()).isEqualTo(200);
    String text = DocumentRenderer.text(notice.body());
    assertThat(text).contains("举报奖励通知书", "受理回执码尾号为 " + receipt.substring(receipt.length() - 4) + " 的举报人",
        hospital.name(), caseNo, "80000.00", "5%", "4000.00").doesNotContain(NAME, PHONE, "{{", "null");
    assertThat(download(noticeId, "liuyang").statusCode()).as("another region").isEqualTo(404);

    String today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).toString();
    complete(pi, "Task_PayReward", Map.of("paidOn", today, "paymentRef", "JL-" + reportNo));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(progress(receipt)).isEqualTo("REWARDED");
  }

  @Test
  void aCaseworkersMistakeStaysInTheFormAndAnUnfoundedReportCloses() {
    Http.Response registered = Http.demo(port, "liuyang").post("/api/whistleblower-reports", "{\"channel\":\"LETTER\","
        + "\"institutionName\":\"济宁某诊所\",\"content\":\"串换药品\"}");
    assertThat(registered.status()).isEqualTo(201);
    String reportNo = registered.json().get("reportNo").asText();
    assertThat(reportNo).contains("-jining-");
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM whistleblower_report WHERE report_no = ?",
        String.class, reportNo);
    // 淮北's caseworker does not see 济宁's report
    assertThat(Http.demo(port, "zhangjing").get("/api/whistleblower-reports/" + reportNo).status()).isEqualTo(404);
    Jobs.executeDue(managementService, pi);
    Task triage = task(pi, "Task_Triage");
    assertThatThrownBy(() -> taskService.complete(triage.getId(), Map.of("triageDecision", "REJECT",
        "closeReasons", List.of("BECAUSE")))).hasMessageContaining("请从列表中选择不予立案的理由");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isEqualTo(1);
    complete(pi, "Task_Triage", Map.of("triageDecision", "REJECT", "closeReasons", List.of("NO_CLUE", "OUT_OF_SCOPE")));
    assertThat(jdbc.queryForMap("SELECT status, close_reasons FROM whistleblower_report WHERE report_no = ?",
        reportNo)).containsEntry("STATUS", "UNFOUNDED").containsEntry("CLOSE_REASONS", "NO_CLUE,OUT_OF_SCOPE");
  }

  @Test
  void aFoundedReportWhoseCaseEndsWithoutADecisionIsClosedWithoutReward() {
    Institution hospital = institution();
    Http.Response registered = Http.demo(port, "zhangjing").post("/api/whistleblower-reports", "{\"channel\":"
        + "\"VISIT\",\"institutionName\":\"" + hospital.name() + "\",\"content\":\"挂床住院\"}");
    assertThat(registered.status()).isEqualTo(201);
    String reportNo = registered.json().get("reportNo").asText();
    String receipt = registered.json().get("receiptCode").asText();
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM whistleblower_report WHERE report_no = ?",
        String.class, reportNo);
    complete(pi, "Task_Triage", Map.of("triageDecision", "ACCEPT"));
    complete(pi, "Task_Verify", Map.of("verificationOutcome", "FOUNDED", "institutionCode", hospital.code(),
        "suspectedViolations", List.of("FRAUD_FAKE_VISITS"), "suspectedAmount", "5000"));
    String caseNo = jdbc.queryForObject("SELECT case_no FROM whistleblower_report WHERE report_no = ?", String.class,
        reportNo);
    assertThat(progress(receipt)).isEqualTo("FOUNDED");

    // 结案 after the objection revoked the decision: no DecisionTookEffect, only the case's end (published twice:
    // the job may be retried)
    for (int i = 0; i < 2; i++) {
      transactions.executeWithoutResult(s -> events.publishEvent(
          new ViolationCaseClosed(caseNo, "DECISION_REVOKED", "case-pi")));
    }
    Jobs.executeDue(managementService, pi);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    JsonNode p = progressOf(receipt);
    assertThat(p.get("status").asText()).isEqualTo("NO_DECISION");
    assertThat(p.get("statusZh").asText()).isEqualTo("已办结：案件未作出生效处理决定");
    assertThat(jdbc.queryForMap("SELECT reward_amount, close_note FROM whistleblower_report WHERE report_no = ?",
        reportNo)).containsEntry("REWARD_AMOUNT", null);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action = ?",
        Integer.class, reportNo, "CLOSED_NO_DECISION")).isEqualTo(1);
    // a DecisionTookEffect that came late finds nothing waiting
    transactions.executeWithoutResult(s -> events.publishEvent(new DecisionTookEffect(caseNo, "case-pi")));
    assertThat(progress(receipt)).isEqualTo("NO_DECISION");
  }

  private void assertIdentityHidden(String reportNo, String pi) {
    // never a process variable (caseworkers read them in Tasklist and Cockpit)
    assertThat(runtimeService.getVariables(pi).toString()).doesNotContain(NAME, PHONE);
    // a caseworker sees the report, not its reporter; the reportdesk of the region does; another region nothing
    Http.Response seen = Http.demo(port, "zhangjing").get("/api/whistleblower-reports/" + reportNo);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().get("named").asBoolean()).isTrue();
    assertThat(seen.body()).doesNotContain(NAME, PHONE);
    assertThat(Http.demo(port, "zhangjing").get("/api/whistleblower-reports/" + reportNo + "/reporter").status())
        .isEqualTo(403);
    assertThat(Http.demo(port, "chenmin").get("/api/whistleblower-reports/" + reportNo + "/reporter").status())
        .isEqualTo(403);
    assertThat(Http.demo(port, "demo").get("/api/whistleblower-reports/" + reportNo + "/reporter").status())
        .isEqualTo(403);
    JsonNode identity = Http.demo(port, "lina").get("/api/whistleblower-reports/" + reportNo + "/reporter").json();
    assertThat(identity.get("name").asText()).isEqualTo(NAME);
    assertThat(identity.get("phone").asText()).isEqualTo(PHONE);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action = 'REPORTER_READ'",
        Integer.class, reportNo)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND (reason LIKE ? "
        + "OR details LIKE ?)", Integer.class, reportNo, "%" + NAME + "%", "%" + NAME + "%")).isZero();
  }

  private String publicReport(String region, String institution, String content) {
    return "{\"region\":\"" + region + "\",\"institutionName\":\"" + institution + "\",\"content\":\"" + content
        + "\",\"reporter\":{\"name\":\"" + NAME + "\",\"phone\":\"" + PHONE + "\"}}";
  }

  private String progress(String receipt) {
    return progressOf(receipt).get("status").asText();
  }

  private JsonNode progressOf(String receipt) {
    return Http.anonymous(port).from("192.0.2.50").post("/public/reports/progress",
        "{\"receiptCode\":\"" + receipt + "\"}").json();
  }

  private HttpResponse<byte[]> download(long id, String user) {
    String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/documents/" + id)).header("Authorization", "Basic " + token).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Task task(String pi, String key) {
    Jobs.executeDue(managementService, pi);
    Task t = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    assertThat(t).as(key).isNotNull();
    return t;
  }

  private void complete(String pi, String key, Map<String, Object> variables) {
    taskService.complete(task(pi, key).getId(), variables);
    Jobs.executeDue(managementService, pi);
  }

  private Institution institution() {
    Institution i = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode("HOSPITAL"),
        "举报测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级", List.of(),
        List.of(), "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
    return i;
  }
}
