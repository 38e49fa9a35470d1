package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/**
 * Expressions may not reach the engine's internals, and decision tables run FEEL only (issue 13, item 4): a
 * modeler's diagram navigating from {@code execution} or {@code task} to the engine's services is refused at
 * deployment through /engine-rest; the same expressions fail at runtime without side effects (for a diagram that
 * slipped through); a DMN with a script language or a JUEL bean call is refused at deployment.
 */
@IntegrationTest
class EngineInternalsIT {

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ProcessEngineConfiguration engineConfiguration;

  @Test
  void aDiagramReachingTheEnginesServicesIsRefusedAtDeployment() {
    long deployments = repositoryService.createDeploymentQuery().count();
    String[] hostile = {
        "${execution.processEngineServices.runtimeService.createProcessInstanceQuery().count()}",
        "${execution.getProcessEngine().getName()}",
        "${execution.getProcessEngineServices()}",
        "${execution.processInstance.superExecution}",
        "${execution['processEngine']}",
        "${task.execution.variables}",
        "${execution.getVariable('x').getClass().getClassLoader()}"};
    for (String expression : hostile) {
      Http.Response r = deploy("internals-" + UUID.randomUUID().toString().substring(0, 6), bpmn(
          "<bpmn:serviceTask id=\"Call\" camunda:expression=\"" + expression + "\"/>"), ".bpmn");
      assertThat(r.status()).as(expression + ": " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(expression).contains("engine internals").contains("表达式不能访问流程引擎内部对象");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void atRuntimeAnExpressionReachingTheEngineFailsAndChangesNothing() {
    // a diagram without such expressions, deployed by the application; the expressions a diagram could have
    // smuggled in are evaluated against its waiting execution
    String deployment = repositoryService.createDeployment().name("internals probe")
        .addString("internals-probe.bpmn", bpmn("<bpmn:userTask id=\"Call\"/>")).deploy().getId();
    try {
      String pi = runtimeService.startProcessInstanceByKey(KEY, Map.of("region", "huaibei", "x", 7, "name", "processEngineServices")).getId();
      ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engineConfiguration;
      for (String expression : new String[] {
          "${execution.processEngineServices.runtimeService.setVariable(execution.processInstanceId, 'caseNo', "
              + "'JN-1')}",
          "${execution.processEngine.runtimeService.deleteProcessInstance(execution.processInstanceId, 'x')}",
          "${execution[name].runtimeService}",
          "${execution.processInstance.deleteCascade('x')}",
          "${execution.getClass().getClassLoader()}"}) {
        assertThatThrownBy(() -> evaluate(config, pi, expression)).as(expression)
            .hasStackTraceContaining("Expressions may not reach engine internals");
      }
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isEqualTo(1);
      assertThat(runtimeService.getVariable(pi, "caseNo")).isNull();
      // variables and the case's identity stay readable, the calendar bean callable
      assertThat(evaluate(config, pi, "${execution.getVariable('x') + 1}")).isEqualTo(8L);
      assertThat(evaluate(config, pi, "${execution.processInstanceId}")).isEqualTo(pi);
      assertThat(evaluate(config, pi, "${deadlines.workingDays(3)}")).isNotNull();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void aDecisionTableWithAScriptOrABeanCallIsRefusedAtDeployment() {
    long deployments = repositoryService.createDeploymentQuery().count();
    Map<String, String> hostile = Map.of(
        "javascript", dmn("", "<inputEntry id=\"e1\" expressionLanguage=\"javascript\"><text>true</text></inputEntry>",
            "<text>\"A\"</text>"),
        "groovy", dmn("", "<inputEntry id=\"e1\"><text>-</text></inputEntry>",
            "<text>\"A\"</text>").replace("<outputEntry id=\"o1\">", "<outputEntry id=\"o1\" expressionLanguage=\"groovy\">"),
        "python", dmn(" expressionLanguage=\"python\"", "<inputEntry id=\"e1\"><text>-</text></inputEntry>",
            "<text>\"A\"</text>"),
        "regionSettingsService", dmn("", "<inputEntry id=\"e1\" expressionLanguage=\"juel\">"
            + "<text>${regionSettingsService.toString() != null}</text></inputEntry>", "<text>\"A\"</text>"),
        "engine internals", dmn("", "<inputEntry id=\"e1\" expressionLanguage=\"juel\">"
            + "<text>${execution.processEngineServices != null}</text></inputEntry>", "<text>\"A\"</text>"));
    hostile.forEach((named, dmn) -> {
      Http.Response r = deploy("hostile-dmn", dmn, ".dmn");
      assertThat(r.status()).as(named + ": " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(named).contains(named).contains("决策表只能使用 FEEL");
    });
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("hostile-decision").count())
        .isZero();

    // FEEL, as the project's tables use it, deploys
    Http.Response feel = deploy("feel-dmn", dmn("", "<inputEntry id=\"e1\"><text>&gt;= 12</text></inputEntry>",
        "<text>\"A\"</text>"), ".dmn");
    assertThat(feel.status()).as(feel.body()).isEqualTo(200);
    repositoryService.deleteDeployment(feel.json().get("id").asText(), true);
  }

  // ------------------------------------------------------------------ helpers

  private static final String KEY = "internals-probe";

  private static Object evaluate(ProcessEngineConfigurationImpl config, String pi, String expression) {
    return config.getCommandExecutorTxRequired().execute(ctx -> config.getExpressionManager()
        .createExpression(expression).getValue(ctx.getExecutionManager().findExecutionById(pi)));
  }

  private static String bpmn(String element) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Defs\" targetNamespace=\"http://yibaoflow.org/test\">"
        + "<bpmn:process id=\"" + KEY + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<bpmn:startEvent id=\"Start\"/>" + element + "<bpmn:endEvent id=\"End\"/>"
        + "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"Call\"/>"
        + "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"Call\" targetRef=\"End\"/>"
        + "</bpmn:process></bpmn:definitions>";
  }

  /** One decision table, one input (total), one rule. */
  private static String dmn(String definitionsAttributes, String inputEntry, String outputText) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"hostile-definitions\" name=\"测试\" "
        + "namespace=\"http://yibaoflow.org/dmn\"" + definitionsAttributes + ">"
        + "<decision id=\"hostile-decision\" name=\"测试\" camunda:historyTimeToLive=\"1\">"
        + "<decisionTable id=\"t\" hitPolicy=\"FIRST\"><input id=\"i1\" label=\"扣分\">"
        + "<inputExpression id=\"ie1\" typeRef=\"integer\"><text>total</text></inputExpression></input>"
        + "<output id=\"out1\" label=\"档次\" name=\"band\" typeRef=\"string\"/>"
        + "<rule id=\"r1\">" + inputEntry + "<outputEntry id=\"o1\">" + outputText + "</outputEntry></rule>"
        + "</decisionTable></decision></definitions>";
  }

  /** Through /engine-rest/deployment/create as the modeler, as Camunda Modeler deploys. */
  private Http.Response deploy(String name, String content, String extension) {
    return Http.demo(port, "wuhao").postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", name), name + extension, content.getBytes(StandardCharsets.UTF_8));
  }
}
