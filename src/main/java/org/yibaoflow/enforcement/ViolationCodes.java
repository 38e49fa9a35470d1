package org.yibaoflow.enforcement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Violation codes as a form or a request delivers them: a list (the API, a process variable), a JSON array
 * (Tasklist's searchable multi-select, form-js {@code taglist}) or a text with commas (older forms, imports).
 */
public final class ViolationCodes {

  private ViolationCodes() {
  }

  public static List<String> parse(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().filter(x -> x != null && !x.toString().isBlank()).map(x -> x.toString().trim()).toList();
    }
    if (value instanceof SpinJsonNode json && json.isArray()) {
      List<String> codes = new ArrayList<>();
      json.elements().forEach(e -> codes.add(e.isString() ? e.stringValue() : e.toString()));
      return parse(codes);
    }
    String text = value.toString().trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1).replace("\"", "");
    }
    return Arrays.stream(text.split("[,，;；\\s]+")).filter(x -> !x.isBlank()).toList();
  }
}
