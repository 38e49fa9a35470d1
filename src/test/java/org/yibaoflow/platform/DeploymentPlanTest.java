package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a start-up deployment contains: only changes, with the forms their processes need. */
class DeploymentPlanTest {

  private static final Map<String, Set<String>> REFS = Map.of(
      "processes/a.bpmn", Set.of("forms/a-task.form", "forms/shared.form"),
      "processes/b.bpmn", Set.of("forms/shared.form"),
      "processes/c.bpmn", Set.of());

  private static final Map<String, byte[]> DEPLOYED = Map.of(
      "processes/a.bpmn", b("a1"), "processes/b.bpmn", b("b1"), "processes/c.bpmn", b("c1"),
      "processes/d.dmn", b("d1"), "forms/a-task.form", b("f1"), "forms/shared.form", b("s1"));

  @Test
  void nothingChangedDeploysNothing() {
    assertThat(DeploymentPlan.resourcesToDeploy(DEPLOYED, DEPLOYED, REFS)).isEmpty();
  }

  @Test
  void aChangedProcessBringsItsFormsButNotOtherProcesses() {
    Map<String, byte[]> current = with("processes/a.bpmn", "a2");
    assertThat(DeploymentPlan.resourcesToDeploy(current, DEPLOYED, REFS))
        .containsExactlyInAnyOrder("processes/a.bpmn", "forms/a-task.form", "forms/shared.form");
  }

  @Test
  void aChangedFormBringsEveryProcessThatReferencesItAndTheirForms() {
    Map<String, byte[]> current = with("forms/shared.form", "s2");
    assertThat(DeploymentPlan.resourcesToDeploy(current, DEPLOYED, REFS))
        .containsExactlyInAnyOrder("forms/shared.form", "processes/a.bpmn", "processes/b.bpmn", "forms/a-task.form");
  }

  @Test
  void aChangedDecisionTableIsDeployedAlone() {
    assertThat(DeploymentPlan.resourcesToDeploy(with("processes/d.dmn", "d2"), DEPLOYED, REFS))
        .containsExactly("processes/d.dmn");
  }

  @Test
  void aNewFileIsDeployed() {
    Map<String, byte[]> current = new java.util.HashMap<>(DEPLOYED);
    current.put("processes/e.bpmn", b("e1"));
    assertThat(DeploymentPlan.resourcesToDeploy(current, DEPLOYED, REFS)).containsExactly("processes/e.bpmn");
  }

  private static Map<String, byte[]> with(String name, String content) {
    Map<String, byte[]> current = new java.util.HashMap<>(DEPLOYED);
    current.put(name, b(content));
    return current;
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
