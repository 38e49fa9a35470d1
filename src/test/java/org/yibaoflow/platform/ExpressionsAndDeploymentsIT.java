package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;

/**
 * Expressions and deployments (issue 13, items 4 and 8): a diagram a modeler deploys through /engine-rest may not
 * call an application bean, run a script or name a Java class; at runtime expressions see only the delegates,
 * listeners and {@code deadlines}; a decision evaluated in a 淮北 case is recorded with tenant huaibei.
 */
@IntegrationTest
class ExpressionsAndDeploymentsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;
  @Autowired
  ProcessEngineConfiguration engineConfiguration;

  @Test
  void aModelersDiagramCallingAServiceBeanIsRefusedAtDeployment() {
    long deployments = repositoryService.createDeploymentQuery().count();
    Response r = deploy("wuhao", "bean-call",
        serviceTask("camunda:expression=\"${regionSettingsService.toString()}\""));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("regionSettingsService");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("bean-call").count()).isZero();
  }

  @Test
  void scriptsAndJavaClassesAreRefusedAtDeployment() {
    long deployments = repositoryService.createDeploymentQuery().count();
    Response script = deploy("wuhao", "script-task", "<bpmn:scriptTask id=\"Script\" scriptFormat=\"javascript\">"
        + "<bpmn:script>1 + 1</bpmn:script></bpmn:scriptTask>");
    assertThat(script.status()).as(script.body()).isEqualTo(400);
    assertThat(script.body()).contains("Script tasks are not allowed");
    Response javaClass = deploy("wuhao", "java-class",
        serviceTask("camunda:class=\"org.yibaoflow.platform.DemoDataSeeder\""));
    assertThat(javaClass.status()).as(javaClass.body()).isEqualTo(400);
    assertThat(javaClass.body()).contains("camunda:class is not allowed");
    Response listenerScript = deploy("wuhao", "listener-script", "<bpmn:task id=\"Step\"><bpmn:extensionElements>"
        + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">1</camunda:script>"
        + "</camunda:executionListener></bpmn:extensionElements></bpmn:task>");
    assertThat(listenerScript.status()).as(listenerScript.body()).isEqualTo(400);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void atRuntimeExpressionsSeeOnlyDelegatesListenersAndTheCalendar() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engineConfiguration;
    Map<Object, Object> visible = config.getBeans();
    assertThat(visible.containsKey("deadlines")).isTrue();
    assertThat(visible.containsKey("registerCaseDelegate")).isTrue();
    assertThat(visible.containsKey("recordEscalationListener")).isTrue();
    assertThat(visible.containsKey("regionSettingsService")).isFalse();
    assertThat(visible.containsKey("authorizationService")).isFalse();
    assertThat(visible.containsKey("dataSource")).isFalse();
    // the expression manager resolves nothing else: a bean name is an unknown identifier
    assertThatThrownBy(() -> config.getCommandExecutorTxRequired().execute(ctx -> config.getExpressionManager()
        .createExpression("${regionSettingsService}").getValue(StartProcessVariableScope.getSharedInstance())))
        .hasMessageContaining("regionSettingsService");
  }

  @Test
  void aDecisionEvaluatedInAHuaibeiCaseCarriesTenantHuaibei() {
    // a probe process deployed by the application: one service task calling the grading delegate, which
    // evaluates evaluation-grade through the DecisionService (not a business rule task)
    String key = "tenant-probe-" + UUID.randomUUID().toString().substring(0, 8);
    String deployment = repositoryService.createDeployment().name("tenant probe")
        .addString(key + ".bpmn", bpmn(key, "<bpmn:serviceTask id=\"Grade\" camunda:asyncBefore=\"true\" "
            + "camunda:delegateExpression=\"${gradeEvaluationDelegate}\"/>")).deploy().getId();
    try {
      String pi = runtimeService.startProcessInstanceByKey(key, Map.of("region", "huaibei", "finalScore", 90,
          "passScore", 60, "basicPassScore", 50, "gradeOverride", "")).getId();
      Jobs.executeDue(managementService, pi);
      HistoricDecisionInstance evaluated = historyService.createHistoricDecisionInstanceQuery()
          .decisionDefinitionKey("evaluation-grade").orderByEvaluationTime().desc().listPage(0, 1).get(0);
      assertThat(evaluated.getTenantId()).isEqualTo("huaibei");
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String serviceTask(String attributes) {
    return "<bpmn:serviceTask id=\"Call\" " + attributes + "/>";
  }

  private static String bpmn(String key, String element) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Defs\" targetNamespace=\"http://yibaoflow.org/test\">"
        + "<bpmn:process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<bpmn:startEvent id=\"Start\"/>" + element + "<bpmn:endEvent id=\"End\"/>"
        + "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"" + idOf(element) + "\"/>"
        + "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"" + idOf(element) + "\" targetRef=\"End\"/>"
        + "</bpmn:process></bpmn:definitions>";
  }

  private static String idOf(String element) {
    int i = element.indexOf("id=\"") + 4;
    return element.substring(i, element.indexOf('"', i));
  }

  /** Deploys one diagram through /engine-rest/deployment/create as Camunda Modeler does (multipart, Basic). */
  private Response deploy(String user, String key, String element) {
    String boundary = "----yibao" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
        + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn(key, element) + "\r\n--" + boundary
        + "--\r\n";
    String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + auth).header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(request,
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }
}
