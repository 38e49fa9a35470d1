package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Webapp;

/**
 * A user's process start may set only the fields of the start form (issue 13, item 3 — the rule of task
 * completions, {@link FormFields}): a start through /engine-rest (start, submit-form, by key or by id) or
 * through the webapps' API Tasklist calls with a variable the start form does not declare is refused with 400
 * naming the field, in Chinese and English, and starts nothing. The declared fields, the region of the new case
 * and the engine's own initiator variable are accepted.
 */
@IntegrationTest
class StartVariablesIT {

  /** The designation start form's fields (forms/designation-application.form). */
  private static final String DECLARED = "\"institutionName\":{\"value\":\"淮北起始变量测试医院\"},"
      + "\"institutionType\":{\"value\":\"HOSPITAL\"},\"creditCode\":{\"value\":\"12340600MB12345679\"},"
      + "\"licenceKind\":{\"value\":\"PRACTICE\"},\"licenceNumber\":{\"value\":\"PDY-START-1\"},"
      + "\"licenceValidFrom\":{\"value\":\"2024-01-01\"},\"licenceValidUntil\":{\"value\":\"2030-12-31\"}";
  private static final String INJECTED = ",\"caseNo\":{\"value\":\"JN-2025-0001\"}";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void aStartWithAVariableItsFormDoesNotDeclareIsRefusedOnEveryRoute() {
    Http zhangjing = Http.demo(port, "zhangjing");
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("designation")
        .latestVersion().tenantIdIn("huaibei").includeProcessDefinitionsWithoutTenantId().list().get(0).getId();
    long before = instances();
    String body = "{\"variables\":{" + DECLARED + INJECTED + "}}";

    for (String path : new String[] {
        "/engine-rest/process-definition/key/designation/start",
        "/engine-rest/process-definition/key/designation/submit-form",
        "/engine-rest/process-definition/" + definitionId + "/start",
        "/engine-rest/process-definition/" + definitionId + "/submit-form"}) {
      assertRefused(path, zhangjing.post(path, body));
    }
    Webapp tasklist = Webapp.tasklist(port, "zhangjing");
    String viaTasklist = Webapp.ENGINE + "/process-definition/key/designation/submit-form";
    assertRefused(viaTasklist, tasklist.post(viaTasklist, body));

    assertThat(instances()).as("nothing started").isEqualTo(before);
  }

  @Test
  void theInitiatorVariableCannotBeSetByTheCaller() {
    long before = instances();
    Http.Response r = Http.demo(port, "zhangjing").post("/engine-rest/process-definition/key/designation/start",
        "{\"variables\":{" + DECLARED + ",\"startedBy\":{\"value\":\"liuyang\"}}}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("startedBy");
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void theDeclaredFieldsAndTheRegionStartTheProcess() {
    Http.Response r = Http.demo(port, "zhangjing").post("/engine-rest/process-definition/key/designation/start",
        "{\"variables\":{" + DECLARED + ",\"region\":{\"value\":\"huaibei\"}}}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String pi = r.json().get("id").asText();
    // the engine sets the initiator itself: the caseworker who started it
    assertThat(runtimeService.getVariable(pi, "startedBy")).isEqualTo("zhangjing");
    runtimeService.deleteProcessInstance(pi, "test");
  }

  private void assertRefused(String path, Http.Response r) {
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(400);
    assertThat(r.contentType()).as(path).contains("application/json");
    assertThat(r.json().get("field").asText()).as(path).isEqualTo("caseNo");
    assertThat(r.json().get("message").asText()).as(path).contains("caseNo").contains("表单未声明的字段不能提交")
        .contains("declares no field");
  }

  private long instances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("designation").count();
  }
}
