package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yibaoflow.support.ModelerFiles;

/**
 * The house rules for modeler files, checked on every test run (the npm linters add bpmnlint and the
 * Camunda Forms schema in CI). A failure names the file and the element.
 */
class ModelerConventionsTest {

  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  private static final Pattern ENGLISH_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern METHOD_CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\(");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> processes() {
    return ModelerFiles.bpmn().stream().map(p -> Arguments.of(p.getFileName().toString(), p));
  }

  @Test
  void thereAreModelerFiles() {
    assertThat(ModelerFiles.bpmn()).isNotEmpty();
    assertThat(ModelerFiles.forms()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void declaresCamunda724AndHistoryTimeToLive(String name, Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Definitions definitions = model.getDefinitions();
    assertThat(definitions.getAttributeValueNs(MODELER_NS, "executionPlatformVersion")).as(name).startsWith("7.24");
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).as(name + " " + process.getId() + " historyTimeToLive")
          .isNotBlank();
      assertThat(ModelerFiles.isChinese(process.getName())).as(name + " process name in Chinese").isTrue();
    }
    assertThat(file.getFileName().toString())
        .as("file name = process key").isEqualTo(model.getModelElementsByType(Process.class).iterator().next().getId() + ".bpmn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void usesDelegateBeansNeverClasses(String name, Path file) throws IOException {
    String xml = Files.readString(file);
    assertThat(xml).as(name + ": use camunda:delegateExpression, never camunda:class").doesNotContain("camunda:class=");
    for (String bean : delegateBeans(file)) {
      assertThat(bean).as(name + ": delegateExpression must be ${beanName}").matches("[a-z][A-Za-z0-9]*");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void expressionsCallOnlyTheCalendar(String name, Path file) throws IOException {
    Matcher m = EXPRESSION.matcher(Files.readString(file));
    while (m.find()) {
      Matcher call = METHOD_CALL.matcher(m.group(1));
      while (call.find()) {
        assertThat(call.group(1)).as(name + ": only calendar functions may be called from BPMN: ${" + m.group(1) + "}")
            .isEqualTo("deadlines");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void userTasksHaveADeployedFormAndACandidateGroup(String name, Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> formIds = formIds();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String where = name + " " + task.getId();
      assertThat(task.getCamundaFormRef()).as(where + " formRef").isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).as(where + " formRefBinding").isEqualTo("deployment");
      assertThat(formIds).as(where + " formRef names a form in forms/").contains(task.getCamundaFormRef());
      assertThat(task.getCamundaCandidateGroups()).as(where + " candidate group").isNotBlank();
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertThat(formIds).as(name + " " + start.getId() + " start formRef").contains(start.getCamundaFormRef());
      }
    }
  }

  /**
   * Issue 15: every user task has a due date from the calendar (a region setting or a documented product
   * default), listed in docs/task-deadlines.md with the same expressions and its rule ID.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void userTasksHaveADocumentedDueDateFromTheCalendar(String name, Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    String key = name.replace(".bpmn", "");
    List<String> doc = Files.readAllLines(Path.of("docs/task-deadlines.md"));
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String where = name + " " + task.getId();
      assertThat(task.getCamundaDueDate()).as(where + " due date").isNotBlank()
          .matches("\\$\\{(deadlines\\.[a-zA-Z]+\\(.*\\)|[a-z][A-Za-z]*Deadline)}");
      String row = doc.stream().filter(l -> l.startsWith("| `" + key + "` | `" + task.getId() + "` |")).findFirst()
          .orElse(null);
      assertThat(row).as(where + ": a row in docs/task-deadlines.md").isNotNull();
      String[] cells = row.split("\\|");
      assertThat(cells[4].trim()).as(where + " due date in the doc").isEqualTo("`" + task.getCamundaDueDate() + "`");
      String followUp = task.getCamundaFollowUpDate();
      assertThat(cells[5].trim()).as(where + " follow-up date in the doc")
          .isEqualTo(followUp == null ? "" : "`" + followUp + "`");
      assertThat(cells[6].trim()).as(where + " rule ID").matches("R-[A-Z]+-\\d+");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyElementHasDiagramInterchange(String name, Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    List<String> missing = new ArrayList<>();
    model.getModelElementsByType(FlowNode.class).forEach(n -> addIfMissing(missing, drawn, n));
    model.getModelElementsByType(SequenceFlow.class).forEach(f -> addIfMissing(missing, drawn, f));
    assertThat(missing).as(name + ": elements without a shape or edge (Camunda Modeler would not show them)").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void idsAreEnglishAndWhatUsersSeeIsChinese(String name, Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
      if (e.getId() != null) {
        assertThat(e.getId()).as(name + ": id in English").matches(ENGLISH_ID);
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean diverging = node instanceof Gateway && node.getOutgoing().size() > 1;
      if (!(node instanceof Gateway) || diverging) {
        assertThat(ModelerFiles.isChinese(node.getName())).as(name + " " + node.getId() + ": Chinese name").isTrue();
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() != null) {
        assertThat(ModelerFiles.isChinese(flow.getName())).as(name + " " + flow.getId() + ": conditional flow named")
            .isTrue();
      }
    }
  }

  @Test
  void formsAreSchemaVersion16WithIdsMatchingFileNamesAndChineseLabels() throws IOException {
    for (Path form : ModelerFiles.forms()) {
      JsonNode json = JSON.readTree(form.toFile());
      String name = form.getFileName().toString();
      assertThat(json.get("schemaVersion").asInt()).as(name + ": the 7.24 Tasklist renders up to 16").isLessThanOrEqualTo(16);
      assertThat(json.get("id").asText() + ".form").as(name + ": id = file name").isEqualTo(name);
      for (JsonNode c : json.get("components")) {
        if (c.has("key")) {
          assertThat(ModelerFiles.isChinese(c.path("label").asText(c.path("dateLabel").asText(null)))).as(name + " " + c.get("key") + ": Chinese label")
              .isTrue();
        }
      }
    }
  }

  /** Bean names of every {@code camunda:delegateExpression} in a process file. */
  static Set<String> delegateBeans(Path file) throws IOException {
    Set<String> beans = new HashSet<>();
    Matcher m = Pattern.compile("camunda:delegateExpression=\"\\$\\{([^}]*)}\"").matcher(Files.readString(file));
    while (m.find()) {
      beans.add(m.group(1).trim());
    }
    return beans;
  }

  private static Set<String> formIds() {
    Set<String> ids = new HashSet<>();
    for (Path form : ModelerFiles.forms()) {
      try {
        ids.add(JSON.readTree(form.toFile()).get("id").asText());
      } catch (IOException e) {
        throw new IllegalStateException(form + " is not valid JSON", e);
      }
    }
    return ids;
  }

  private static void addIfMissing(List<String> missing, Set<String> drawn, BaseElement element) {
    if (!drawn.contains(element.getId())) {
      missing.add(element.getId());
    }
  }
}
