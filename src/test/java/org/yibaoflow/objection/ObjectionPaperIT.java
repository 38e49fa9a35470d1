package org.yibaoflow.objection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.TestClock;
import org.yibaoflow.support.Webapp;

/**
 * An objection received on paper, recorded in Tasklist by the demo caseworker (issue 15 item 6, R-PERS-12): 登记异议
 * through the webapp's engine REST as Tasklist submits it. A decision served on Friday 2026-09-18 may be objected to
 * until Friday 2026-10-09 24:00 Beijing (10 working days across the Mid-Autumn and National Day holidays, R-TIME-1).
 */
@IntegrationTest
class ObjectionPaperIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aPaperObjectionIsRecordedInTasklistByItsReceivedDateAndGoesToReview() {
    clock.set(OffsetDateTime.parse("2026-09-28T10:00:00+08:00").toInstant());
    String pi = openObjection();
    String no = businessKey(pi);
    Task waiting = task(pi);
    assertThat(waiting.getTaskDefinitionKey()).isEqualTo("Task_RecordObjection");
    // due when the window ends (R-PERS-12), as the timer racing it
    assertThat(waiting.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-10-10T00:00:00+08:00").toInstant());
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");

    // the form shows what the objection contests and until when, in Beijing time
    JsonNode data = zhangjing.json(Webapp.ENGINE + "/task/" + waiting.getId() + "/form-variables");
    assertThat(data.at("/contestedDecision/value").asText()).isEqualTo("暂停结算 3 个月");
    assertThat(data.at("/contestedServedOn/value").asText()).isEqualTo("2026-09-18");
    assertThat(data.at("/objectionWindowEnds/value").asText()).startsWith("2026-10-09 24:00（北京时间）");
    assertThat(data.at("/objectionTo/value").asText()).startsWith("医保经办机构");
    assertThat(data.at("/caseNo/value").asText()).as("the card names the case").isEqualTo("WG-2026-huaibei-000001");

    // received by post on Thursday Sep 24, entered on Monday Sep 28: filed as of Sep 24
    Http.Response r = zhangjing.post(Webapp.ENGINE + "/task/" + waiting.getId() + "/submit-form",
        paper("2026-09-24", "违规事实认定错误", "异议书 1 份、病历复印件 3 份"));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    Jobs.executeDue(managementService, pi);

    assertThat(jdbc.queryForObject("SELECT status FROM objection WHERE objection_no = ?", String.class, no))
        .isEqualTo("AGENCY_REVIEW");
    Map<String, Object> filing = jdbc.queryForMap("SELECT level, accepted, received_on, filed_by, evidence, "
        + "window_ends_on FROM objection_filing WHERE objection_no = ?", no);
    assertThat(filing).containsEntry("LEVEL", "AGENCY").containsEntry("ACCEPTED", true)
        .containsEntry("FILED_BY", "zhangjing").containsEntry("EVIDENCE", "异议书 1 份、病历复印件 3 份");
    assertThat(filing.get("RECEIVED_ON").toString()).isEqualTo("2026-09-24");
    assertThat(filing.get("WINDOW_ENDS_ON").toString()).isEqualTo("2026-10-09");
    assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE entity_id = ? AND action = 'FILED'",
        String.class, no)).as("who entered it").isEqualTo("zhangjing");
    Task review = task(pi);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewObjection");
    assertThat(taskService.getVariable(review.getId(), "objectionReasons")).isEqualTo("违规事实认定错误");
    assertThat(taskService.getVariableLocal(review.getId(), "objectionTimeline")).asString()
        .contains("收到向经办机构提出的异议：2026-09-24（书面）（在期限内）");
    assertThat(managementService.createJobQuery().processInstanceId(pi).activityId("Event_WindowExpired").count())
        .as("the window's timer is gone with the task").isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
  }

  @Test
  void aWrongReceivedDateIsAMessageInTheFormAndTheTaskStaysOpen() {
    clock.set(OffsetDateTime.parse("2026-09-28T10:00:00+08:00").toInstant());
    String pi = openObjection();
    String no = businessKey(pi);
    Task waiting = task(pi);
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");
    String submit = Webapp.ENGINE + "/task/" + waiting.getId() + "/submit-form";

    refused(zhangjing.post(submit, paper("2026-09-29", "理由", null)), "objectionReceivedOn", "收到日期不能晚于今天");
    refused(zhangjing.post(submit, paper("2026-09-17", "理由", null)), "objectionReceivedOn",
        "收到日期不能早于处理决定的送达日期（2026-09-18）");
    refused(zhangjing.post(submit, paper("2026-09-24", " ", null)), "objectionReasons", "异议理由");

    assertThat(taskService.createTaskQuery().taskId(waiting.getId()).count()).as("task still open").isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM objection_filing WHERE objection_no = ?", Integer.class, no))
        .as("nothing written").isZero();
    assertThat(runtimeService.getVariable(pi, "objectionReasons")).as("nothing kept").isNull();
  }

  @Test
  void aPaperObjectionReceivedAfterTheWindowIsRefusedWithTheRuleWhileTheTimerHasNotRunYet() {
    clock.set(OffsetDateTime.parse("2026-10-12T09:00:00+08:00").toInstant());
    String pi = openObjection();
    Task waiting = task(pi);
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");

    Http.Response r = zhangjing.post(Webapp.ENGINE + "/task/" + waiting.getId() + "/submit-form",
        paper("2026-10-10", "处罚过重", null));

    refused(r, "objectionReceivedOn", "异议已超过期限，不予受理；异议期截止日为 2026-10-09");
    assertThat(r.json().get("rule").asText()).isEqualTo("R-PERS-12");
    // one received on the last day is in time, though entered after the window (judged by the received date)
    Http.Response inTime = zhangjing.post(Webapp.ENGINE + "/task/" + waiting.getId() + "/submit-form",
        paper("2026-10-09", "处罚过重", null));
    assertThat(inTime.status()).as(inTime.body()).isEqualTo(204);
    Jobs.executeDue(managementService, pi);
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_ReviewObjection");
  }

  @Test
  void aPaperObjectionToTheAdministrativeDepartmentIsRecordedInTasklist() {
    clock.set(OffsetDateTime.parse("2026-09-21T09:00:00+08:00").toInstant());
    String pi = openObjection();
    String no = businessKey(pi);
    Task first = task(pi);
    assertThat(Http.demo(port, "zhangjing").post("/api/objections/" + no + "/filings",
        "{\"reasons\":\"违规事实认定错误\"}").status()).as("the API ends the caseworker's waiting task").isEqualTo(202);
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_ReviewObjection");
    // the same objection entered in Tasklist a moment later: the loser of the race, 409, nothing filed twice
    Http.Response late = Webapp.tasklist(port, "zhangjing").post(Webapp.ENGINE + "/task/" + first.getId()
        + "/submit-form", paper("2026-09-21", "违规事实认定错误", null));
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM objection_filing WHERE objection_no = ?", Integer.class, no))
        .isEqualTo(1);
    taskService.complete(task(pi).getId(), Map.of("reviewOutcome", "UPHELD", "reviewReasons", "证据充分，维持原决定"));
    taskService.complete(task(pi).getId(), Map.of("reviewApproval", "APPROVE"));
    Jobs.executeDue(managementService, pi);
    Task waiting = task(pi);
    assertThat(waiting.getTaskDefinitionKey()).isEqualTo("Task_RecordSecondObjection");
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");
    JsonNode data = zhangjing.json(Webapp.ENGINE + "/task/" + waiting.getId() + "/form-variables");
    assertThat(data.at("/objectionTo/value").asText()).startsWith("医保行政部门");
    assertThat(data.at("/contestedDecision/value").asText()).contains("维持原决定", "证据充分，维持原决定");
    assertThat(data.at("/contestedServedOn/value").asText()).isEqualTo("2026-09-21");

    // the review decision served by mail on Sep 24: the second window and the task's due date move with it
    Long id = jdbc.queryForObject("SELECT id FROM document WHERE case_no = ? AND kind = 'OBJECTION_REVIEW'", Long.class,
        no);
    clock.set(OffsetDateTime.parse("2026-09-24T10:00:00+08:00").toInstant());
    assertThat(Http.demo(port, "zhangjing").post("/api/documents/" + id + "/service",
        "{\"servedOn\":\"2026-09-24\",\"method\":\"MAIL\"}").status()).isEqualTo(200);
    assertThat(task(pi).getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-10-16T00:00:00+08:00").toInstant());

    clock.set(OffsetDateTime.parse("2026-10-14T09:00:00+08:00").toInstant());
    Http.Response r = zhangjing.post(Webapp.ENGINE + "/task/" + waiting.getId() + "/submit-form",
        paper("2026-10-13", "对复核决定不服", null));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    Jobs.executeDue(managementService, pi);

    assertThat(jdbc.queryForObject("SELECT status FROM objection WHERE objection_no = ?", String.class, no))
        .isEqualTo("ADMIN_REVIEW");
    assertThat(jdbc.queryForObject("SELECT received_on FROM objection_filing WHERE objection_no = ? AND level = 'ADMIN'",
        LocalDate.class, no)).isEqualTo(LocalDate.parse("2026-10-13"));
    Task decision = task(pi);
    assertThat(decision.getTaskDefinitionKey()).isEqualTo("Task_AdministrativeDecision");
    assertThat(runtimeService.getVariable(pi, "objectionLevel")).isEqualTo("ADMIN");
  }

  private static void refused(Http.Response r, String field, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo(field);
    assertThat(r.json().get("message").asText()).contains(message).doesNotContain("ENGINE-", "Exception");
  }

  private static String paper(String receivedOn, String reasons, String evidence) {
    return "{\"variables\":{\"objectionReceivedOn\":{\"type\":\"String\",\"value\":\"" + receivedOn + "\"},"
        + "\"objectionReasons\":{\"type\":\"String\",\"value\":\"" + reasons + "\"}"
        + (evidence == null ? "" : ",\"objectionEvidence\":{\"type\":\"String\",\"value\":\"" + evidence + "\"}")
        + "}}";
  }

  private Task task(String pi) {
    return taskService.createTaskQuery().processInstanceId(pi).singleResult();
  }

  private String businessKey(String pi) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
  }

  /** An objection process of 淮北 for a decision served on 2026-09-18, past its registration job. */
  private String openObjection() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("objection", Map.of("region", "huaibei",
        "decisionType", "VIOLATION_DECISION", "decision", "暂停结算 3 个月", "party", "淮北市某药房",
        "noticeServedOn", "2026-09-18", "subjectRef", "WG-2026-huaibei-000001", "caseNo", "WG-2026-huaibei-000001"));
    Jobs.executeDue(managementService, pi.getId());
    return pi.getId();
  }
}
