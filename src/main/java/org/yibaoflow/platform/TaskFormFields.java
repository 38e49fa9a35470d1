package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The variables a task's form declares: the deployed Camunda Form its {@code camunda:formRef} references, read
 * generically — every component's {@code key} (first segment of a dotted key), and the {@code path} of groups
 * and dynamic lists (their children are nested inside that one variable). A task without a Camunda Form declares
 * nothing. New forms and fields need no change here.
 */
final class TaskFormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskFormFields() {
  }

  /** Runs inside a command whose authorization and tenant checks the caller has turned off. */
  static Set<String> of(String taskId, CommandContext context) {
    InputStream form;
    try {
      form = new GetDeployedTaskFormCmd(taskId).execute(context);
    } catch (ProcessEngineException noCamundaForm) {
      return Set.of();
    }
    try (InputStream in = form) {
      Set<String> keys = new TreeSet<>();
      collect(JSON.readTree(in), keys);
      return keys;
    } catch (IOException e) {
      throw new ProcessEngineException("The form of task " + taskId + " cannot be read", e);
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
