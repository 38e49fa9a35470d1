package org.yibaoflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;

/**
 * The year's campaign of the demo region 淮北 end to end (R-EVA-1..5): a supervisor opens it over HTTP, the
 * runner starts an evaluation per agreement in force, caseworker and supervisor score and review in Tasklist
 * (submit-form), the result passes the objection window, and the registry changes: renewed online, not renewed
 * (no settlement, R-EVA-5), terminated (不合格 two years in a row, R-EVA-2), deferred then signed (R-EVA-4).
 */
@IntegrationTest
class EvaluationCampaignIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  org.yibaoflow.support.TestClock testClock;

  @Test
  void onlySupervisorsOfTheRegionOpenACampaignForAPastOrCurrentYear() {
    int year = LocalDate.now().getYear();
    Http.Response caseworker = Http.demo(port, "zhangjing").post("/api/evaluation-campaigns",
        "{\"region\":\"huaibei\",\"year\":" + year + "}");
    assertThat(caseworker.status()).isEqualTo(403);
    Http.Response otherRegion = Http.demo(port, "zhaolei").post("/api/evaluation-campaigns",
        "{\"region\":\"huaibei\",\"year\":" + year + "}");
    assertThat(otherRegion.status()).isEqualTo(403);
    Http.Response future = Http.demo(port, "chenmin").post("/api/evaluation-campaigns",
        "{\"region\":\"huaibei\",\"year\":" + (year + 1) + "}");
    assertThat(future.status()).as(future.body()).isEqualTo(400);
    assertThat(future.json().get("field").asText()).isEqualTo("year");
    assertThat(future.json().get("rule").asText()).isEqualTo("R-EVA-1");
    Http.Response noRegion = Http.demo(port, "chenmin").post("/api/evaluation-campaigns", "{\"year\":" + year + "}");
    assertThat(noRegion.status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_campaign WHERE eval_year = ?", Integer.class,
        year + 1)).isZero();
  }

  @Test
  void aSupervisorStartsTheCampaignFromTasklistsStartForm() {
    int lastYear = LocalDate.now().getYear() - 1;
    Http.Response started = Http.demo(port, "zhaolei").post(
        "/engine-rest/process-definition/key/evaluation-campaign/submit-form",
        "{\"variables\":{\"evalYear\":{\"value\":" + lastYear + ",\"type\":\"Integer\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pi = started.json().get("id").asText();
    for (int i = 0; i < 5 && !ended(pi); i++) {
      Jobs.executeDue(managementService, pi);
    }
    assertThat(ended(pi)).isTrue();
    // the region is the supervisor's (济宁); the demo agreements are of this year, so none was in force last year
    Map<String, Object> campaign = jdbc.queryForMap("SELECT * FROM evaluation_campaign WHERE region = 'jining' "
        + "AND eval_year = ?", lastYear);
    assertThat(campaign).containsEntry("STATUS", "ALL_STARTED").containsEntry("OPENED_BY", "zhaolei");
    assertThat(Http.demo(port, "zhaolei").get("/api/evaluation-campaigns/" + campaign.get("ID")).json()
        .get("started").asInt()).isEqualTo(((Number) campaign.get("TOTAL_AGREEMENTS")).intValue());
  }

  @Test
  void theCampaignOfHuaibeiRenewsDefersDoesNotRenewAndTerminates() {
    int year = LocalDate.now().getYear();
    String renewed = institution("HOSPITAL", "ACTIVE", year);
    String noSettlement = institution("PHARMACY", "ACTIVE", year);
    jdbc.update("INSERT INTO evaluation_settlement_volume (institution_id, settle_year, amount) VALUES (?, ?, 0)",
        institutionId(noSettlement), year);
    String failedTwice = institution("HOSPITAL", "ACTIVE", year);
    failedLastYear(failedTwice, year - 1);
    String suspended = institution("HOSPITAL", "SUSPENDED", year);

    Http supervisor = Http.demo(port, "chenmin");
    boolean existed = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_campaign WHERE region = 'huaibei' "
        + "AND eval_year = ?", Integer.class, year) > 0;
    Http.Response opened = supervisor.post("/api/evaluation-campaigns", "{\"region\":\"huaibei\",\"year\":" + year + "}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(existed ? 200 : 201);
    long campaignId = opened.json().get("id").asLong();
    ProcessInstance runner = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("EC-huaibei-" + year).active().singleResult();
    assertThat(runner.getTenantId()).isEqualTo("huaibei");
    // opened again while running: the same campaign, no second runner
    Http.Response again = supervisor.post("/api/evaluation-campaigns", "{\"region\":\"huaibei\",\"year\":" + year + "}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asLong()).isEqualTo(campaignId);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EC-huaibei-" + year).count())
        .isEqualTo(1);
    for (int i = 0; i < 20 && !ended(runner.getId()); i++) {
      Jobs.executeDue(managementService, runner.getId());
    }
    JsonNode progress = supervisor.get("/api/evaluation-campaigns/" + campaignId).json();
    assertThat(progress.get("status").asText()).isEqualTo("ALL_STARTED");
    // the demo agreements of 淮北 in force and the four of this test
    assertThat(progress.get("started").asInt()).isEqualTo(progress.get("totalAgreements").asInt())
        .isGreaterThan(4);
    assertThat(Http.demo(port, "zhaolei").get("/api/evaluation-campaigns/" + campaignId).status()).isEqualTo(404);

    // renewed online
    String bk = "huaibei-" + year + "-" + renewed;
    String pi = start(bk);
    JsonNode scoring = task("zhangjing", bk);
    assertThat(scoring.get("name").asText()).isEqualTo("考核评分");
    assertThat(Http.demo(port, "zhangjing").get("/engine-rest/task/" + scoring.get("id").asText() + "/form-variables")
        .body()).contains("R-DES-6").contains("NONE");
    score(bk, 92, "NONE", "NONE");
    review(bk, "ONLINE");
    objectionWindowPasses(pi);
    assertThat(item(bk)).containsEntry("GRADE", "QUALIFIED").containsEntry("APPLIED_OUTCOME", "RENEWED")
        .containsEntry("SIGNING_CHANNEL", "ONLINE").containsEntry("OBJECTION_OUTCOME", "NO_OBJECTION");
    assertThat(agreements(renewed)).containsExactly("ACTIVE@" + (year + 1) + "-01-01", "ACTIVE@" + year + "-01-01");

    // no settlement in the year (R-EVA-5 case 3), from the settlement figures: kept by the server even though the
    // caseworker's form says NONE
    bk = "huaibei-" + year + "-" + noSettlement;
    pi = start(bk);
    assertThat(runtimeService.getVariable(pi, "nonRenewalCase")).isEqualTo("NO_SETTLEMENT");
    score(bk, 90, "NONE", "NONE");
    assertThat(runtimeService.getVariable(pi, "requiredNonRenewal")).isEqualTo("NO_SETTLEMENT");
    review(bk, "ONLINE");
    objectionWindowPasses(pi);
    assertThat(item(bk)).containsEntry("OUTCOME", "NOT_RENEW").containsEntry("REASON_CODE", "NO_SETTLEMENT");
    // R-EVA-2: decided, but the agreement runs to the end of its period; the non-renewal takes effect after it
    assertThat(item(bk)).containsEntry("APPLIED_OUTCOME", null);
    assertThat(agreements(noSettlement)).containsExactly("ACTIVE@" + year + "-01-01");
    Job periodEnd = managementService.createJobQuery().processInstanceId(pi).timers().singleResult();
    assertThat(periodEnd.getDuedate()).isEqualTo(java.util.Date.from(java.time.LocalDate.of(year + 1, 1, 1)
        .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
    testClock.set(java.time.OffsetDateTime.parse((year + 1) + "-01-01T08:00:00+08:00").toInstant());
    try {
      managementService.executeJob(periodEnd.getId());
      drive(pi);
    } finally {
      testClock.reset();
    }
    assertThat(item(bk)).containsEntry("APPLIED_OUTCOME", "NOT_RENEWED");
    assertThat(agreements(noSettlement)).containsExactly("NOT_RENEWED@" + year + "-01-01");
    assertThat(audit(noSettlement)).contains("TRANSITION:NOT_RENEWED:R-EVA-5");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action = 'NON_RENEWAL_KEPT'",
        Integer.class, bk)).isEqualTo(1);

    // 不合格 again after last year's 不合格: terminated (R-EVA-2) and banned (R-VIO-9)
    bk = "huaibei-" + year + "-" + failedTwice;
    pi = start(bk);
    assertThat(runtimeService.getVariable(pi, "previousGrade")).isEqualTo("UNQUALIFIED");
    score(bk, 40, "NONE", "NONE");
    review(bk, "ONLINE");
    objectionWindowPasses(pi);
    assertThat(item(bk)).containsEntry("OUTCOME", "TERMINATE").containsEntry("WITHHELD_PERCENT", 100)
        .containsEntry("PRE_ALLOCATION_PERCENT", 80).containsEntry("APPLIED_OUTCOME", "TERMINATED");
    assertThat(agreements(failedTwice)).containsExactly("TERMINATED@" + year + "-01-01");
    assertThat(audit(failedTwice)).contains("TRANSITION:TERMINATED:R-EVA-2");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution_ban WHERE institution_id = ?", Integer.class,
        institutionId(failedTwice))).isEqualTo(1);

    // still suspended: deferred (R-EVA-4), then cleared and signed
    bk = "huaibei-" + year + "-" + suspended;
    pi = start(bk);
    assertThat(runtimeService.getVariable(pi, "deferralCase")).isEqualTo("SUSPENDED_AFTER_SIGNING_PERIOD");
    score(bk, 80, "NONE", "SUSPENDED_AFTER_SIGNING_PERIOD");
    review(bk, "ONLINE");
    objectionWindowPasses(pi);
    assertThat(agreements(suspended)).containsExactly("DEFERRED@" + (year + 1) + "-01-01", "SUSPENDED@" + year + "-01-01");
    JsonNode deferral = task("zhangjing", bk);
    assertThat(deferral.get("name").asText()).isEqualTo("缓签情形消除评估");
    submit("zhangjing", deferral, "{\"deferralResult\":{\"value\":\"PASSED\"},\"signingChannel\":{\"value\":\"OFFLINE\"},"
        + "\"deferralComment\":{\"value\":\"已整改到位并恢复履行\"}}");
    drive(pi);
    assertThat(ended(pi)).isTrue();
    assertThat(agreements(suspended)).containsExactly("ACTIVE@" + (year + 1) + "-01-01", "SUSPENDED@" + year + "-01-01");
    assertThat(audit(suspended)).contains("SIGNED:DEFERRED:R-EVA-4", "TRANSITION:ACTIVE:R-EVA-4");

    progress = supervisor.get("/api/evaluation-campaigns/" + campaignId).json();
    assertThat(progress.get("renewed").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(progress.get("notRenewed").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(progress.get("terminated").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(progress.get("deferredSigned").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(progress.get("graded").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(progress.get("signed").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(progress.get("onlineSigningRate").asDouble()).isBetween(0.0, 100.0);
  }

  // --- fixtures and driving

  /** A fresh institution of 淮北 with one agreement of the year in the given state; returns its code. */
  private String institution(String type, String state, int year) {
    String code = RegistryFixtures.institutionCode(type);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO institution (region, code, name, type, credit_code, created_at, updated_at) "
        + "VALUES ('huaibei', ?, ?, ?, ?, ?, ?)", code, "淮北市考核测试机构" + code, type,
        RegistryFixtures.creditCode("340600"), now, now);
    jdbc.update("INSERT INTO agreement (institution_id, region, period_start, period_end, state, suspension_count, "
        + "state_since, version, created_at) VALUES (?, 'huaibei', ?, ?, ?, ?, ?, 0, ?)", institutionId(code),
        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), state, "SUSPENDED".equals(state) ? 1 : 0, now, now);
    return code;
  }

  private void failedLastYear(String code, int lastYear) {
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_campaign WHERE region = 'huaibei' AND eval_year = ?",
        Integer.class, lastYear) == 0) {
      jdbc.update("INSERT INTO evaluation_campaign (region, eval_year, status, total_agreements, opened_by, opened_at) "
          + "VALUES ('huaibei', ?, 'ALL_STARTED', 0, 'it', ?)", lastYear, now);
    }
    Long campaign = jdbc.queryForObject("SELECT id FROM evaluation_campaign WHERE region = 'huaibei' AND eval_year = ?",
        Long.class, lastYear);
    Long agreement = jdbc.queryForObject("SELECT id FROM agreement WHERE institution_id = ?", Long.class,
        institutionId(code));
    jdbc.update("INSERT INTO evaluation_item (campaign_id, agreement_id, institution_id, region, eval_year, "
        + "business_key, process_instance_id, status, grade, started_at, updated_at) VALUES (?, ?, ?, 'huaibei', ?, ?, "
        + "'none', 'DONE', 'UNQUALIFIED', ?, ?)", campaign, agreement, institutionId(code), lastYear,
        "huaibei-" + lastYear + "-" + code, now, now);
  }

  private long institutionId(String code) {
    return jdbc.queryForObject("SELECT id FROM institution WHERE region = 'huaibei' AND code = ?", Long.class, code);
  }

  private List<String> agreements(String code) {
    return jdbc.queryForList("SELECT state, period_start FROM agreement WHERE institution_id = ? "
        + "ORDER BY period_start DESC", institutionId(code)).stream()
        .map(r -> r.get("STATE") + "@" + r.get("PERIOD_START")).toList();
  }

  private List<String> audit(String code) {
    return jdbc.queryForList("SELECT l.action, l.to_state, l.rule_id FROM audit_log l JOIN agreement a "
        + "ON l.entity_type = 'AGREEMENT' AND l.entity_id = CAST(a.id AS VARCHAR(20)) WHERE a.institution_id = ? "
        + "ORDER BY l.id", institutionId(code)).stream()
        .map(r -> r.get("ACTION") + ":" + r.get("TO_STATE") + ":" + r.get("RULE_ID")).toList();
  }

  private Map<String, Object> item(String bk) {
    return jdbc.queryForMap("SELECT * FROM evaluation_item WHERE business_key = ?", bk);
  }

  private String start(String bk) {
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey("annual-evaluation").singleResult();
    assertThat(pi.getTenantId()).isEqualTo("huaibei");
    drive(pi.getId());
    return pi.getId();
  }

  private JsonNode task(String user, String bk) {
    JsonNode tasks = Http.demo(port, user).get("/engine-rest/task?processInstanceBusinessKey=" + bk).json();
    assertThat(tasks.size()).as(user + " sees the task of " + bk).isEqualTo(1);
    return tasks.get(0);
  }

  private void submit(String user, JsonNode task, String variables) {
    Http.Response r = Http.demo(port, user).post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        "{\"variables\":" + variables + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  private void score(String bk, int score, String nonRenewal, String deferral) {
    submit("zhangjing", task("zhangjing", bk), "{\"evaluationScore\":{\"value\":" + score + ",\"type\":\"Integer\"},"
        + "\"nonRenewalCase\":{\"value\":\"" + nonRenewal + "\"},\"deferralCase\":{\"value\":\"" + deferral + "\"},"
        + "\"scoringOpinion\":{\"value\":\"按公开的考核标准评分\"}}");
    drive(pi(bk));
  }

  private void review(String bk, String channel) {
    JsonNode review = task("chenmin", bk);
    assertThat(review.get("name").asText()).isEqualTo("考核结果审核");
    submit("chenmin", review, "{\"reviewDecision\":{\"value\":\"APPROVE\"},\"signingChannel\":{\"value\":\"" + channel
        + "\"}}");
    drive(pi(bk));
  }

  /** The written notice is served; nobody objects within the window (its timer fires); the result takes effect. */
  private void objectionWindowPasses(String pi) {
    ProcessInstance objection = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult();
    assertThat(objection.getTenantId()).isEqualTo("huaibei");
    Jobs.executeDue(managementService, objection.getId());
    Job timer = managementService.createJobQuery().processInstanceId(objection.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isInTheFuture();
    managementService.executeJob(timer.getId());
    Jobs.executeDue(managementService, objection.getId());
    drive(pi);
  }

  private String pi(String bk) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey("annual-evaluation").singleResult().getId();
  }

  private void drive(String pi) {
    Jobs.drain(managementService, pi, 10);
  }

  private boolean ended(String pi) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() == 0;
  }
}
