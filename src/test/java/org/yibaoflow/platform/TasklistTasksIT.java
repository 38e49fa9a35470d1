package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;
import org.yibaoflow.support.Webapp;

/**
 * Who moves a task's dates (issue 15, docs/security.md "Follow-up and due dates"), through the exact request
 * Tasklist sends ({@code PUT .../task/{id}} with the whole task, camundaFormRef included) on the webapps' API
 * and on {@code /engine-rest}: a follow-up date by whoever works the task; a due date only by a supervisor and
 * only where it is a product default (R-DES-2 inquiry reply, 15 working days), never where it is the region's
 * legal period (R-DES-1 completeness review, completeness-review-period). And a task form refused by its own
 * rules on the server (issue 15, item 5 of the issue: bad input stays in the form).
 */
@IntegrationTest
class TasklistTasksIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String FOLLOW_UP = "2026-12-21T16:00:00.000+0800";
  static final String DUE = "2027-01-29T00:00:00.000+0800";

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  Clock clock;

  @Test
  void aFollowUpByWhoeverWorksTheTaskADueDateOnlyBySupervisorsAndNeverOnALegalPeriod() throws Exception {
    Http zhangjingRest = Http.demo(port, "zhangjing");
    String no = apply(zhangjingRest);
    Task review = task(no, "Task_ReviewCompleteness");
    Date legalDue = review.getDueDate();
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");
    Webapp chenmin = Webapp.tasklist(port, "chenmin");
    String webappPath = Webapp.ENGINE + "/task/" + review.getId();

    // 受理审查 shows what it decides on (R-DES-1), read as Tasklist reads a form's data: the licence handed in,
    // valid today; no penalty declared; the related departments (R-DES-2) as the checklist's choices
    JsonNode data = zhangjing.json(webappPath + "/form-variables?deserializeValues=false");
    assertThat(data.at("/licenceFacts/value").asText()).startsWith("医疗机构执业许可证 编号 L").endsWith("（今日有效）");
    assertThat(data.at("/penaltyFacts/value").asText()).isEqualTo("申请时声明未受过相关行政处罚");
    assertThat(data.at("/applicationFacts/value").asText()).contains("机构类型：定点医疗机构");
    assertThat(data.at("/inquiryDepartmentOptions").toString()).contains("HEALTH", "卫生健康部门", "MARKET");

    // the caseworker sets a follow-up date (a personal reminder) from Tasklist
    ObjectNode asRead = (ObjectNode) zhangjing.json(webappPath);
    assertThat(asRead.has("camundaFormRef")).as("Tasklist sends the form reference back").isTrue();
    Http.Response followUp = zhangjing.put(webappPath, with(asRead, "followUp", FOLLOW_UP).toString());
    assertThat(followUp.status()).as(followUp.body()).isEqualTo(204);
    Task after = task(no, "Task_ReviewCompleteness");
    assertThat(after.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-12-21T08:00:00Z"));
    assertThat(after.getDueDate()).as("the deadline untouched").isEqualTo(legalDue);

    // ... but cannot move the due date, nor rename the task with the follow-up
    refused(zhangjing::put, webappPath, with(zhangjing.json(webappPath), "due", DUE), "科室负责人");
    refused(zhangjing::put, webappPath, with(with(zhangjing.json(webappPath), "followUp", FOLLOW_UP), "name", "改名"),
        null);
    // a supervisor cannot move a legal period either (R-DES-1: completeness-review-period of the region)
    refused(chenmin::put, webappPath, with(chenmin.json(webappPath), "due", DUE), "不能在任务列表中修改");
    assertThat(task(no, "Task_ReviewCompleteness").getDueDate()).isEqualTo(legalDue);
    // another region's caseworker does not even see the task
    Http.Response foreign = Http.demo(port, "liuyang").put("/engine-rest/task/" + review.getId(),
        with(zhangjing.json(webappPath), "followUp", FOLLOW_UP).toString());
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);

    // the inquiry reply's due date is a product default (R-DES-2, 15 working days): the supervisor moves it
    Http.Response submitted = zhangjingRest.post("/engine-rest/task/" + review.getId() + "/submit-form",
        "{\"variables\":{\"acceptanceResult\":{\"value\":\"COMPLETE\"},\"inquiryDepartments\":"
            + "{\"value\":\"[\\\"HEALTH\\\"]\",\"type\":\"Json\"}}}");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    Jobs.drain(managementService, review.getProcessInstanceId(), 20);
    Task inquiry = task(no, "Task_InquiryReply");
    String restPath = "/engine-rest/task/" + inquiry.getId();
    Http chenminRest = Http.demo(port, "chenmin");
    refused(zhangjingRest::put, restPath, with(zhangjingRest.get(restPath).json(), "due", DUE), "科室负责人");
    Http.Response moved = chenminRest.put(restPath, with(chenminRest.get(restPath).json(), "due", DUE).toString());
    assertThat(moved.status()).as(moved.body()).isEqualTo(204);
    assertThat(task(no, "Task_InquiryReply").getDueDate().toInstant()).isEqualTo(Instant.parse("2027-01-28T16:00:00Z"));
    Http.Response own = zhangjingRest.put(restPath, with(zhangjingRest.get(restPath).json(), "followUp", FOLLOW_UP)
        .toString());
    assertThat(own.status()).as(own.body()).isEqualTo(204);
    // the supervisor is no candidate of the caseworker's task: no reminder of theirs on it
    refused(chenminRest::put, restPath, with(chenminRest.get(restPath).json(), "followUp", "2026-12-22T16:00:00.000+0800"),
        null);
  }

  /**
   * A form's own rules checked on the server (FormSchemaCheck): 受理审查 "材料不全" without the missing materials
   * the form requires once that choice is made, sent as Tasklist sends it — a Chinese message naming the field,
   * the task still open, nothing recorded.
   */
  @Test
  void aTaskFormMissingWhatItRequiresStaysOpenWithAChineseMessage() throws Exception {
    String no = apply(Http.demo(port, "zhangjing"));
    Task review = task(no, "Task_ReviewCompleteness");
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");
    Http.Response r = zhangjing.post(Webapp.ENGINE + "/task/" + review.getId() + "/submit-form",
        "{\"variables\":{\"acceptanceResult\":{\"value\":\"INCOMPLETE\",\"type\":\"String\"}}}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("missingMaterials");
    assertThat(r.json().get("message").asText()).isEqualTo("请填写「缺少的材料」");
    Http.Response unlisted = zhangjing.post(Webapp.ENGINE + "/task/" + review.getId() + "/submit-form",
        "{\"variables\":{\"acceptanceResult\":{\"value\":\"MAYBE\",\"type\":\"String\"}}}");
    assertThat(unlisted.status()).as(unlisted.body()).isEqualTo(400);
    assertThat(unlisted.json().get("message").asText()).contains("审查结论", "只能从列表中选择");
    assertThat(task(no, "Task_ReviewCompleteness").getId()).as("task still open").isEqualTo(review.getId());
    assertThat(taskService.getVariable(review.getId(), "acceptanceResult")).as("nothing kept").isNull();
  }

  private void refused(BiFunction<String, String, Http.Response> put, String path, JsonNode body, String says) {
    Http.Response r = put.apply(path, body.toString());
    assertThat(r.status()).as(path + " " + r.body()).isEqualTo(403);
    if (says != null) {
      assertThat(r.body()).contains(says);
    }
  }

  private static ObjectNode with(JsonNode task, String field, String value) {
    ObjectNode copy = ((ObjectNode) task).deepCopy();
    copy.put(field, value);
    return copy;
  }

  private Task task(String businessKey, String key) {
    Task t = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key)
        .singleResult();
    assertThat(t).as(key).isNotNull();
    return t;
  }

  private String apply(Http caseworker) {
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    Http.Response filed = caseworker.post("/api/designation-applications", "{\"institutionName\":\"淮北市期限测试医院"
        + System.nanoTime() % 100000 + "\",\"institutionType\":\"HOSPITAL\",\"creditCode\":\""
        + RegistryFixtures.creditCode("340600") + "\",\"licences\":[{\"kind\":\"PRACTICE\",\"number\":\"L"
        + System.nanoTime() + "\",\"validFrom\":\"" + today.minusYears(1) + "\",\"validUntil\":\""
        + today.plusYears(4) + "\"}]}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    Jobs.drain(managementService, filed.json().get("processInstanceId").asText(), 20);
    return filed.json().get("applicationNo").asText();
  }
}
