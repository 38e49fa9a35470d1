package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The expression rule of deployments and of the runtime resolver (issue 13, item 4) on its own: every expression
 * the project's diagrams use passes, those reaching the engine's internals or a hidden bean do not.
 */
class ExpressionRulesTest {

  private final ExpressionBeans beans = beans();

  @Test
  void everyExpressionOfTheProjectsDiagramsAndTablesPasses() throws IOException {
    Pattern expression = Pattern.compile("[$#]\\{[^}]*}");
    int checked = 0;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
        Matcher m = expression.matcher(Files.readString(file));
        while (m.find()) {
          assertThat(DeploymentRules.refusal(m.group(), beans)).as(file + ": " + m.group()).isNull();
          checked++;
        }
      }
    }
    assertThat(checked).as("the diagrams use expressions").isGreaterThan(100);
  }

  @Test
  void expressionsReachingTheEngineOrAHiddenBeanAreRefused() {
    for (String hostile : List.of("${execution.processEngineServices.runtimeService}",
        "${execution.getProcessEngineServices().getRuntimeService()}", "${execution.processEngine}",
        "${task.execution.processInstance}", "${execution.processInstance.superExecution}",
        "${execution['processEngineServices']}", "${execution[name]}", "${caseExecution.processEngine}",
        "${x.getClass().forName('java.lang.Runtime')}", "${deadlines.class.classLoader}",
        "${regionSettingsService.toString()}")) {
      assertThat(DeploymentRules.refusal(hostile, beans)).as(hostile).isNotNull();
    }
    for (String allowed : List.of("${execution.getVariable('x') > 3}", "${execution.processBusinessKey}",
        "${task.name}", "${deadlines.workingDays(execution, 3)}", "${caseNo == 'execution.processEngine'}")) {
      assertThat(DeploymentRules.refusal(allowed, beans)).as(allowed).isNull();
    }
  }

  @Test
  void theRuntimeResolverAllowsVariablesAndIdentityOnEngineObjectsOnly() {
    ExecutionEntity execution = new ExecutionEntity();
    assertThat(EngineObjectsElResolver.refusal(execution, "getVariable")).isNull();
    assertThat(EngineObjectsElResolver.refusal(execution, "processBusinessKey")).isNull();
    assertThat(EngineObjectsElResolver.refusal(execution, "processEngineServices")).isNotNull();
    assertThat(EngineObjectsElResolver.refusal(execution, "processInstance")).isNotNull();
    assertThat(EngineObjectsElResolver.refusal(execution, "deleteCascade")).isNotNull();
    assertThat(EngineObjectsElResolver.refusal(new TaskEntity(), "execution")).isNotNull();
    // data is not restricted, getClass is refused on anything
    assertThat(EngineObjectsElResolver.refusal(new HashMap<>(), "anyKey")).isNull();
    assertThat(EngineObjectsElResolver.refusal("text", "length")).isNull();
    assertThat(EngineObjectsElResolver.refusal("text", "getClass")).isNotNull();
    assertThat(EngineObjectsElResolver.refusal(String.class, "getName")).isNotNull();
  }

  private static ExpressionBeans beans() {
    StaticListableBeanFactory factory = new StaticListableBeanFactory();
    factory.addBean("regionSettingsService", new Object());
    factory.addBean("deadlines", new Object());
    return new ExpressionBeans(factory);
  }
}
