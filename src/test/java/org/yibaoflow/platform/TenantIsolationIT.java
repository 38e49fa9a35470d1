package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;

/**
 * Each region is a tenant: a caseworker of 淮北 and one of 济宁 start cases through /engine-rest and
 * neither sees the other's process instances or tasks. A demo caseworker works the demo task through its
 * Camunda Form the way Tasklist does, and the result lands in the domain table.
 */
@IntegrationTest
class TenantIsolationIT {

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void usersOfTwoRegionsSeeOnlyTheirOwnInstancesAndTasks() {
    Http huaibei = Http.demo(port, "zhangjing");
    Http jining = Http.demo(port, "liuyang");
    String hb = start(huaibei, "淮北矿工总医院", null);
    String jn = start(jining, "济宁医学院附属医院", null);
    Jobs.executeDue(managementService, hb, jn);

    assertThat(instanceIds(huaibei)).contains(hb).doesNotContain(jn);
    assertThat(instanceIds(jining)).contains(jn).doesNotContain(hb);
    assertThat(taskInstanceIds(huaibei)).contains(hb).doesNotContain(jn);
    assertThat(taskInstanceIds(jining)).contains(jn).doesNotContain(hb);
    assertThat(huaibei.get("/engine-rest/process-instance/" + jn).status()).isEqualTo(404);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(hb).singleResult().getTenantId())
        .isEqualTo("huaibei");

    // the supervisor of 济宁 watches 济宁 only
    assertThat(instanceIds(Http.demo(port, "zhaolei"))).contains(jn).doesNotContain(hb);
  }

  @Test
  void aUserCannotStartACaseInAnotherRegion() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Http.Response r = Http.demo(port, "zhangjing").post("/engine-rest/process-definition/key/designation/start",
        startBody("越权医院", "jining"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void caseworkerCompletesTheDemoTaskThroughItsForm() {
    Http caseworker = Http.demo(port, "zhangjing");
    String pi = start(caseworker, "淮北市第二人民医院", "huaibei");
    Jobs.executeDue(managementService, pi);
    String applicationNo = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult()
        .getBusinessKey();
    assertThat(applicationNo).startsWith("DA-").contains("-huaibei-");

    JsonNode task = caseworker.get("/engine-rest/task?processInstanceId=" + pi).json().get(0);
    String taskId = task.get("id").asText();
    assertThat(task.get("name").asText()).isEqualTo("受理审查");
    // what Tasklist asks: the form key, then the deployed Camunda Form
    JsonNode formRef = caseworker.get("/engine-rest/task/" + taskId + "/form").json().get("camundaFormRef");
    assertThat(formRef.get("key").asText()).isEqualTo("designation-acceptance");
    assertThat(formRef.get("binding").asText()).isEqualTo("deployment");
    Http.Response form = caseworker.get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().get("schemaVersion").asInt()).isEqualTo(16);

    Http.Response submit = caseworker.post("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"acceptanceResult\":{\"value\":\"INCOMPLETE\"},"
            + "\"missingMaterials\":{\"value\":\"营业执照副本\"}}}");
    assertThat(submit.status()).isEqualTo(204);
    // a second caseworker completing the same task gets a clear refusal, and nothing changes
    assertThat(caseworker.post("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"acceptanceResult\":{\"value\":\"COMPLETE\"}}}").status()).isGreaterThanOrEqualTo(400);
    Jobs.executeDue(managementService, pi);

    // R-DES-1: told once, the case waits for the supplement within the region's period
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi).eventType("message")
        .eventName("ApplicationSupplemented").count()).isEqualTo(1);
    assertThat(jdbc.queryForMap("SELECT status, missing_materials FROM designation_application WHERE application_no = ?",
        applicationNo)).containsEntry("STATUS", "INCOMPLETE").containsEntry("MISSING_MATERIALS", "营业执照副本");
  }

  @Test
  void aUserOfSeveralRegionsMustNameTheRegion() {
    // the modeler belongs to both demo regions
    Http.Response r = Http.demo(port, "wuhao").post("/engine-rest/process-definition/key/designation/start",
        startBody("未指定地区医院", null));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("region");
    assertThat(start(Http.demo(port, "wuhao"), "济宁市第一人民医院", "jining")).isNotBlank();
  }

  private String start(Http user, String institution, String region) {
    Http.Response r = user.post("/engine-rest/process-definition/key/designation/start", startBody(institution, region));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  private static String startBody(String institution, String region) {
    return "{\"variables\":{\"institutionName\":{\"value\":\"" + institution + "\"},"
        + "\"institutionType\":{\"value\":\"HOSPITAL\"},\"creditCode\":{\"value\":\"12340600MB12345679\"},"
        // R-DES-1: the start form's licence (a valid 医疗机构执业许可证)
        + "\"licenceKind\":{\"value\":\"PRACTICE\"},\"licenceNumber\":{\"value\":\"PDY" + System.nanoTime()
        + "\"},\"licenceValidFrom\":{\"value\":\"2020-01-01\"},\"licenceValidUntil\":{\"value\":\"2099-12-31\"}"
        + (region == null ? "" : ",\"region\":{\"value\":\"" + region + "\"}") + "}}";
  }

  private static List<String> instanceIds(Http user) {
    return ids(user.get("/engine-rest/process-instance?processDefinitionKey=designation").json(), "id");
  }

  private static List<String> taskInstanceIds(Http user) {
    return ids(user.get("/engine-rest/task?processDefinitionKey=designation").json(), "processInstanceId");
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get(field).asText()));
    return ids;
  }
}
