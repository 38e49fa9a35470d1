package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;
import org.yibaoflow.support.Webapp;

/**
 * Working a case from Tasklist through the requests Tasklist itself sends (webapp session, CSRF token, the
 * webapp's engine API): the card variables, a follow-up and a due date set on a task with a Camunda Form
 * (operaton/operaton#3659), bad input in a task form answered in Chinese with the task still open and no
 * incident (issue 15).
 */
@IntegrationTest
class TasklistIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  Clock clock;

  @Test
  void theCardShowsTheCaseAndAFollowUpAndDueDateCanBeSetOnATaskWithACamundaForm() throws Exception {
    Case c = openCase();
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");

    JsonNode own = null;
    for (JsonNode f : zhangjing.json(Webapp.ENGINE + "/filter?resourceType=Task")) {
      if (f.get("name").asText().equals("经办待办")) {
        own = f;
      }
    }
    assertThat(own).as("经办待办").isNotNull();
    Http.Response list = zhangjing.postHal(Webapp.ENGINE + "/filter/" + own.get("id").asText()
        + "/list?firstResult=0&maxResults=200", "{\"processVariables\":[],\"taskVariables\":[{\"name\":\"caseNo\","
        + "\"operator\":\"eq\",\"value\":\"" + c.caseNo + "\"}],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
        + "\"active\":true}");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode hal = list.json();
    assertThat(hal.at("/_embedded/task")).as("search by case number finds the case's task: " + hal).hasSize(1);
    JsonNode vars = hal.at("/_embedded/task/0/_embedded/variable");
    assertThat(vars.toString()).contains("\"caseNo\"", c.caseNo, "\"institutionName\"", c.institution.name());

    String path = Webapp.ENGINE + "/task/" + c.task.getId();
    ObjectNode task = (ObjectNode) zhangjing.json(path);
    assertThat(task.get("camundaFormRef").get("key").asText()).isEqualTo("violation-investigation");
    // what Tasklist does on "设置跟进日期" / changing the due date: the whole task back with the new dates
    task.put("followUp", "2026-12-21T16:00:00.000+0800");
    task.put("due", "2026-12-31T00:00:00.000+0800");
    // a caseworker only works tasks (default-user-permission-name-for-task: TASK_WORK): the answer is the
    // authorization's, no longer "Cannot construct instance of CamundaFormRef"
    Http.Response refused = zhangjing.put(path, task.toString());
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("CamundaFormRef");
    // a user who may update tasks (the administrator) sets both through the same request
    Webapp admin = Webapp.tasklist(port, "demo");
    Http.Response put = admin.put(path, task.toString());
    assertThat(put.status()).as(put.body()).isEqualTo(204);
    Task after = taskService.createTaskQuery().taskId(c.task.getId()).singleResult();
    assertThat(after.getFollowUpDate().toInstant()).isEqualTo(java.time.Instant.parse("2026-12-21T08:00:00Z"));
    assertThat(after.getDueDate().toInstant()).isEqualTo(java.time.Instant.parse("2026-12-30T16:00:00Z"));
    assertThat(after.getTenantId()).as("the rest of the task unchanged").isEqualTo("huaibei");
  }

  @Test
  void aWrongInvestigationIsAMessageInTheFormAndTheTaskStaysOpen() throws Exception {
    Case c = openCase();
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");
    ObjectNode body = JSON.createObjectNode();
    ObjectNode v = body.putObject("variables");
    v.putObject("findingCodes").put("type", "Json").put("value", "[\"GEN_OVERCHARGE\"]");
    v.putObject("sampleAmount").put("type", "Long").put("value", 800);
    v.putObject("investigationNote").put("type", "String").put("value", "抽查病历 20 份");
    Http.Response r = zhangjing.post(Webapp.ENGINE + "/task/" + c.task.getId() + "/submit-form", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).as("Chinese, naming the field").contains("抽查比例");
    assertThat(taskService.createTaskQuery().taskId(c.task.getId()).count()).as("task still open").isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(c.pi).count()).isZero();
    assertThat(runtimeService.getVariable(c.pi, "sampleAmount")).as("nothing kept").isNull();
  }

  /** Every start form of processes/ with a submission its check refuses, naming the field in Chinese. */
  static Map<String, Bad> badStarts() {
    String valid = RegistryFixtures.creditCode("340600");
    String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    return Map.of(
      "violation-case", new Bad("{\"source\":{\"value\":\"COMPLAINT\",\"type\":\"String\"},"
          + "\"institutionCode\":{\"value\":\"H00NOSUCH\",\"type\":\"String\"},"
          + "\"suspectedViolations\":{\"value\":\"[\\\"GEN_OVERCHARGE\\\"]\",\"type\":\"Json\"}}",
          "institutionCode", "定点医药机构"),
      "designation", new Bad("{\"institutionName\":{\"value\":\"淮北测试诊所\",\"type\":\"String\"},"
          + "\"institutionType\":{\"value\":\"HOSPITAL\",\"type\":\"String\"},"
          + "\"creditCode\":{\"value\":\"" + wrongCheck + "\",\"type\":\"String\"}}", "creditCode",
          "统一社会信用代码"),
      "evaluation-campaign", new Bad("{\"evalYear\":{\"value\":1990,\"type\":\"Long\"}}", "evalYear", "考核年度"),
      "inspection-plan", new Bad("{\"planYear\":{\"value\":1990,\"type\":\"Long\"}}", "planYear", "计划年度"),
      "whistleblower-report", new Bad("{\"reportChannel\":{\"value\":\"PHONE\",\"type\":\"String\"},"
          + "\"institutionName\":{\"value\":\"淮北某医院\",\"type\":\"String\"}}", "reportContent", "举报内容"));
  }

  record Bad(String variables, String field, String labelZh) {
  }

  @Test
  void badInputOnEveryStartFormIsAChineseMessageAndNothingStarts() throws Exception {
    java.util.Set<String> withStartForm = new java.util.TreeSet<>();
    for (java.nio.file.Path file : org.yibaoflow.support.ModelerFiles.bpmn()) {
      var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(file.toFile());
      for (var start : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)) {
        if (start.getCamundaFormRef() != null
            && start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process p) {
          withStartForm.add(p.getId());
        }
      }
    }
    Map<String, Bad> bad = badStarts();
    assertThat(bad.keySet()).as("a bad submission for every start form").containsExactlyInAnyOrderElementsOf(withStartForm);
    Webapp zhangjing = Webapp.tasklist(port, "zhangjing");
    Webapp chenmin = Webapp.tasklist(port, "chenmin");
    for (var e : bad.entrySet()) {
      String key = e.getKey();
      long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count();
      long incidents = runtimeService.createIncidentQuery().count();
      // the supervisors' entries (R-EVA-1, R-VIO-14), the caseworkers' others
      Webapp user = key.equals("evaluation-campaign") || key.equals("inspection-plan") ? chenmin : zhangjing;
      Http.Response r = user.post(Webapp.ENGINE + "/process-definition/key/" + key + "/submit-form",
          "{\"variables\":" + e.getValue().variables() + "}");
      assertThat(r.status()).as(key + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().get("field").asText()).as(key).isEqualTo(e.getValue().field());
      assertThat(r.json().get("message").asText()).as(key + " names the field in Chinese").contains(e.getValue().labelZh())
          .doesNotContain("ENGINE-", "Cannot");
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).as(key + " nothing started")
          .isEqualTo(instances);
      assertThat(runtimeService.createIncidentQuery().count()).as(key + " no incident").isEqualTo(incidents);
    }
  }

  @Test
  void everyRoleCommentsAndSeesTheHistoryOfTheTasksItWorks() {
    Case c = openCase();
    // caseworker, then the same case's legal review and approval
    comment("zhangjing", c.task());
    complete(c.task(), Map.of("findingCodes", "GEN_OVERCHARGE", "investigationNote", "重复收费 3 笔"));
    Task legal = next(c, "Task_LegalReview");
    comment("sunli", legal);
    complete(legal, Map.of("legalApproval", "APPROVE", "legalOpinion", "同意"));
    Task approval = next(c, "Task_SupervisorApproval");
    comment("chenmin", approval);
    comment("wuhao", approval);
    // the other region's caseworker on a case of 济宁
    Case jining = openCase("jining", "liuyang");
    comment("liuyang", jining.task());
    comment("zhaolei", jining.task());
    // experts and the administrative department read the history of the processes they work in
    for (String user : List.of("wangqiang", "zhoujie")) {
      Webapp w = Webapp.tasklist(port, user);
      Http.Response history = w.get(Webapp.ENGINE + "/history/task?processDefinitionKey="
          + (user.equals("wangqiang") ? "designation" : "objection") + "&maxResults=5");
      assertThat(history.status()).as(user + " history " + history.body()).isEqualTo(200);
    }
  }

  /** Adds a comment as Tasklist does and reads it back with the task's history (the 历史 tab). */
  void comment(String user, Task task) {
    Webapp w = Webapp.tasklist(port, user);
    Http.Response created = w.post(Webapp.ENGINE + "/task/" + task.getId() + "/comment/create",
        "{\"message\":\"" + user + " 的办理意见\"}");
    assertThat(created.status()).as(user + " comments: " + created.body()).isEqualTo(200);
    JsonNode comments = w.json(Webapp.ENGINE + "/task/" + task.getId() + "/comment");
    assertThat(comments.toString()).as(user).contains(user + " 的办理意见");
    JsonNode history = w.json(Webapp.ENGINE + "/history/user-operation?taskId=" + task.getId() + "&maxResults=50");
    assertThat(history.isArray()).as(user + " history tab").isTrue();
    JsonNode historicTask = w.json(Webapp.ENGINE + "/history/task?taskId=" + task.getId());
    assertThat(historicTask).as(user + " sees the task in the history").hasSize(1);
  }

  void complete(Task task, Map<String, Object> variables) {
    taskService.complete(task.getId(), variables);
  }

  Task next(Case c, String key) {
    for (int i = 0; i < 20; i++) {
      Jobs.drain(managementService, c.pi(), 10);
      Task t = taskService.createTaskQuery().processInstanceId(c.pi()).taskDefinitionKey(key).singleResult();
      if (t != null) {
        return t;
      }
    }
    throw new AssertionError(key + " not reached");
  }

  // ------------------------------------------------------------------ fixtures

  record Case(Institution institution, String caseNo, String pi, Task task) {
  }

  Case openCase() {
    return openCase("huaibei", "zhangjing");
  }

  Case openCase(String region, String caseworker) {
    String code = RegistryFixtures.institutionCode("HOSPITAL");
    Institution hospital = institutions.register(new NewInstitution(region, code, "任务列表测试医院" + System.nanoTime(),
        "HOSPITAL", RegistryFixtures.creditCode(region.equals("huaibei") ? "340600" : "370800"), "二级", List.of(),
        List.of(), "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    agreements.sign(hospital.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
    ObjectNode n = JSON.createObjectNode();
    n.put("source", "COMPLAINT");
    n.put("institutionCode", hospital.code());
    n.putArray("suspectedViolations").add("GEN_OVERCHARGE");
    n.put("suspectedAmount", 5000);
    n.put("summary", "举报：重复收费");
    JsonNode opened = Http.demo(port, caseworker).post("/api/violation-cases", n.toString()).json();
    String pi = opened.get("processInstanceId").asText();
    Jobs.drain(managementService, pi, 10);
    Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Investigate").singleResult();
    assertThat(task).isNotNull();
    return new Case(hospital, opened.get("caseNo").asText(), pi, task);
  }
}
