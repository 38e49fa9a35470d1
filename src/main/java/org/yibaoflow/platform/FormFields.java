package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The one rule for what a user may set through a form (issue 13, item 3): a task completion (complete,
 * submit-form, task variables) and a process start (start, submit-form) may set only the variables the Camunda
 * Form declares — the task's {@code camunda:formRef}, or the start event's. The deployed form is read
 * generically: every component's {@code key} (first segment of a dotted key), and the {@code path} of groups and
 * dynamic lists (their children are nested inside that one variable). Without a Camunda Form nothing is declared.
 * New forms and fields need no change here. Used by {@link TaskChangeGuard} (tasks) and {@link StartGuard}
 * (starts).
 */
final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFields() {
  }

  /** The fields of a task's form. Runs inside a command whose authorization and tenant checks are off. */
  static Set<String> ofTask(String taskId, CommandContext context) {
    return read("task " + taskId, () -> new GetDeployedTaskFormCmd(taskId).execute(context));
  }

  /** The fields of a process definition's start form. Authorization and tenant checks off, as {@link #ofTask}. */
  static Set<String> ofStart(String processDefinitionId, CommandContext context) {
    return read("process definition " + processDefinitionId,
        () -> new GetDeployedStartFormCmd(processDefinitionId).execute(context));
  }

  /**
   * The refusal (400 on the REST APIs, the field named in Chinese and English) when {@code names} holds a
   * variable the form does not declare, else null. {@code what} names the form for the message.
   */
  static FormInputException refusal(String what, Set<String> names, Set<String> declared) {
    Set<String> undeclared = new TreeSet<>(names);
    undeclared.removeAll(declared);
    if (undeclared.isEmpty()) {
      return null;
    }
    String field = undeclared.iterator().next();
    return new FormInputException(field, "form-fields", "表单未声明的字段不能提交：" + undeclared + "，只能提交表单字段 "
        + declared + " / The form of " + what + " declares no field " + undeclared + "; only " + declared
        + " may be set");
  }

  private static Set<String> read(String what, Supplier<InputStream> deployedForm) {
    InputStream form;
    try {
      form = deployedForm.get();
    } catch (ProcessEngineException noCamundaForm) {
      return Set.of();
    }
    try (InputStream in = form) {
      Set<String> keys = new TreeSet<>();
      collect(JSON.readTree(in), keys);
      return keys;
    } catch (IOException e) {
      throw new ProcessEngineException("The form of " + what + " cannot be read", e);
    }
  }

  static void collect(JsonNode node, Set<String> keys) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, keys));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String path = text(node, "path");
    if (path != null) {
      keys.add(firstSegment(path));
      return;
    }
    String key = text(node, "key");
    if (key != null && node.has("type")) {
      keys.add(firstSegment(key));
    }
    collect(node.get("components"), keys);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().trim() : null;
  }

  private static String firstSegment(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? dotted : dotted.substring(0, dot);
  }
}
