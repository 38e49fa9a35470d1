package org.yibaoflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Feedback of the receiving authority received on paper, recorded in Tasklist by the demo caseworker at 登记移送反馈
 * (issue 15 item 6, R-VIO-11), through the webapp's engine REST as Tasklist submits the form: the same rules as
 * {@code POST /api/referrals/{referralNo}/feedback}, plus the day it was received and the document's number.
 */
@IntegrationTest
class ReferralPaperIT {

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
  void paperFeedbackIsRecordedFromTasklistWithItsDateAndNumberAndTheTransferWaitsForTheResult() {
    String pi = transferredOn("2026-10-12");
    String no = businessKey(pi);
    clock.set(OffsetDateTime.parse("2026-10-20T10:00:00+08:00").toInstant());
    Task waiting = task(pi);
    assertThat(waiting.getTaskDefinitionKey()).isEqualTo("Task_RegisterFeedback");
    assertThat(waiting.getDueDate()).as("due when the reminder falls due (R-VIO-11)").isEqualTo(managementService
        .createJobQuery().processInstanceId(pi).activityId("Event_ReminderDue").singleResult().getDuedate());
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");

    // as Tasklist's Camunda Forms read them: undeserialized, the Json choices parsed for valuesKey
    JsonNode data = zhangjing.json(Webapp.ENGINE + "/task/" + waiting.getId() + "/form-variables?deserializeValues=false");
    assertThat(data.at("/referralFacts/value").asText()).contains("移送类别：移送司法机关（公安机关）",
        "接收机关：淮北市公安局", "移送日期：2026-10-12", "已催办次数：0");
    assertThat(data.at("/feedbackTypeOptions/value").asText()).contains("ACCEPTED", "已受理（立案）", "不予受理（退回移送）",
        "办理结果（办结）");

    Http.Response r = zhangjing.post(Webapp.ENGINE + "/task/" + waiting.getId() + "/submit-form",
        feedback("ACCEPTED", "2026-10-19", "淮公（经）立字〔2026〕12号", "已立案侦查"));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    Jobs.executeDue(managementService, pi);

    assertThat(jdbc.queryForObject("SELECT status FROM referral WHERE referral_no = ?", String.class, no))
        .isEqualTo("ACCEPTED");
    Map<String, Object> row = jdbc.queryForMap("SELECT feedback_type, content, received_on, document_no, recorded_by "
        + "FROM referral_feedback WHERE referral_no = ?", no);
    assertThat(row).containsEntry("FEEDBACK_TYPE", "ACCEPTED").containsEntry("CONTENT", "已立案侦查")
        .containsEntry("DOCUMENT_NO", "淮公（经）立字〔2026〕12号").containsEntry("RECORDED_BY", "zhangjing");
    assertThat(row.get("RECEIVED_ON").toString()).isEqualTo("2026-10-19");
    assertThat(jdbc.queryForObject("SELECT reason FROM audit_log WHERE entity_id = ? AND action = 'FEEDBACK_ACCEPTED'",
        String.class, no)).contains("2026-10-19 收到", "淮公（经）立字〔2026〕12号");
    assertThat(task(pi).getTaskDefinitionKey()).as("accepted: waiting for the result").isEqualTo("Task_RegisterFeedback");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
  }

  @Test
  void wrongFeedbackIsAMessageInTheFormAndTheTaskStaysOpen() {
    String pi = transferredOn("2026-10-12");
    String no = businessKey(pi);
    clock.set(OffsetDateTime.parse("2026-10-20T10:00:00+08:00").toInstant());
    Task waiting = task(pi);
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");
    String submit = Webapp.ENGINE + "/task/" + waiting.getId() + "/submit-form";

    refused(zhangjing.post(submit, feedback("ACCEPTED", "2026-10-11", null, "已立案")), "feedbackReceivedOn",
        "收到日期不能早于移送日期（2026-10-12）");
    refused(zhangjing.post(submit, feedback("ACCEPTED", "2026-10-21", null, "已立案")), "feedbackReceivedOn",
        "收到日期不能晚于今天");
    refused(zhangjing.post(submit, feedback("MAYBE", "2026-10-19", null, "已立案")), "feedbackType", "反馈类型");
    refused(zhangjing.post(submit, feedback("RESULT", "2026-10-19", null, " ")), "feedbackContent", "反馈内容");

    assertThat(taskService.createTaskQuery().taskId(waiting.getId()).count()).as("task still open").isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral_feedback WHERE referral_no = ?", Integer.class, no))
        .as("nothing written").isZero();
    assertThat(jdbc.queryForObject("SELECT status FROM referral WHERE referral_no = ?", String.class, no))
        .isEqualTo("TRANSFERRED");
  }

  private static void refused(Http.Response r, String field, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo(field);
    assertThat(r.json().get("message").asText()).contains(message).doesNotContain("ENGINE-", "Exception");
  }

  private static String feedback(String type, String receivedOn, String documentNo, String content) {
    return "{\"variables\":{\"feedbackType\":{\"type\":\"String\",\"value\":\"" + type + "\"},"
        + "\"feedbackReceivedOn\":{\"type\":\"String\",\"value\":\"" + receivedOn + "\"},"
        + (documentNo == null ? "" : "\"feedbackDocumentNo\":{\"type\":\"String\",\"value\":\"" + documentNo + "\"},")
        + "\"feedbackContent\":{\"type\":\"String\",\"value\":\"" + content + "\"}}}";
  }

  /** A transfer of 淮北 to the police, approved and sent on the given day. */
  private String transferredOn(String day) {
    clock.set(OffsetDateTime.parse(day + "T09:00:00+08:00").toInstant());
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("referral", Map.of("region", "huaibei",
        "referralKind", "JUDICIAL", "caseSummary", "伪造住院病历骗取医保基金", "subjectRef", "WG-2026-huaibei-000009"));
    Jobs.executeDue(managementService, pi.getId());
    complete(pi.getId(), Map.of("receivingBody", "淮北市公安局"));
    complete(pi.getId(), Map.of("legalApproval", "APPROVE"));
    complete(pi.getId(), Map.of("supervisorApproval", "APPROVE"));
    complete(pi.getId(), Map.of("receivingBody", "淮北市公安局", "transferredOn", day));
    Jobs.executeDue(managementService, pi.getId());
    return pi.getId();
  }

  private Task task(String pi) {
    return taskService.createTaskQuery().processInstanceId(pi).singleResult();
  }

  private String businessKey(String pi) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
  }

  private void complete(String pi, Map<String, Object> variables) {
    taskService.complete(task(pi).getId(), variables);
  }
}
