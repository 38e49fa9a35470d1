package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What every Camunda Form declares, checked on the server the way form-js checks it in the browser (issue 15,
 * "bad input stays in the form"), so a submission that bypasses the browser — or a form-js version that lets
 * something through — is a Chinese message naming the field, not a wrong variable or an incident later:
 * <ul>
 *   <li>a required field that is shown (its {@code conditional.hide} false) has a value; a required checkbox is
 *       ticked;</li>
 *   <li>a choice (select, radio, checklist, taglist) is one of the form's values — static {@code values}, or the
 *       list the process put in its {@code valuesKey} variable;</li>
 *   <li>text respects minLength, maxLength and pattern; a number is a number within min and max;</li>
 *   <li>a date is a calendar date, and a date of something that happened (a key ending in {@code On}: received,
 *       served, interviewed, transferred) is not after today in Beijing (R-TIME-1).</li>
 * </ul>
 * Read-only and disabled fields are the process's facts, not input: not checked. The form is read generically,
 * so new forms and fields need no code; rules across fields stay in each domain's {@link FormCheck}.
 */
final class FormSchemaCheck {

  private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "taglist", "datetime");
  private static final Set<String> CHOICES = Set.of("select", "radio", "checklist", "taglist");
  private static final Pattern HAPPENED_ON = Pattern.compile(".*[a-z]On$");

  private FormSchemaCheck() {
  }

  /** Throws {@link DomainRuleException} (400) for the first field of the form the values break. */
  static void check(JsonNode form, Function<String, Object> values, LocalDate today) {
    walk(form == null ? null : form.get("components"), values, today);
  }

  private static void walk(JsonNode components, Function<String, Object> values, LocalDate today) {
    if (components == null || !components.isArray()) {
      return;
    }
    for (JsonNode c : components) {
      if (hidden(c, values)) {
        continue;
      }
      if (c.hasNonNull("path")) {
        continue; // a dynamic list or a group with its own path: its children live inside that variable
      }
      String type = c.path("type").asText();
      String key = c.path("key").asText(null);
      if (key != null && INPUTS.contains(type) && !flag(c, "readonly") && !flag(c, "disabled")) {
        field(c, type, key, values.apply(key), values, today);
      }
      walk(c.get("components"), values, today);
    }
  }

  private static void field(JsonNode c, String type, String key, Object value, Function<String, Object> values,
      LocalDate today) {
    String label = label(c);
    JsonNode v = c.path("validate");
    List<String> items = items(value);
    boolean empty = items.isEmpty() || "checkbox".equals(type) && !Boolean.parseBoolean(items.get(0));
    if (empty) {
      if (v.path("required").asBoolean(false)) {
        refuse(key, "checkbox".equals(type) ? "请确认「" + label + "」" : CHOICES.contains(type)
            ? "请选择「" + label + "」" : "请填写「" + label + "」", key + " is required");
      }
      return;
    }
    if (CHOICES.contains(type)) {
      Set<String> allowed = allowed(c, values);
      if (allowed != null) {
        for (String item : items) {
          if (!allowed.contains(item)) {
            refuse(key, "「" + label + "」只能从列表中选择（" + item + " 不在其中）", key + " must be one of the listed values");
          }
        }
      }
      return;
    }
    String text = items.get(0);
    switch (type) {
      case "number" -> number(key, label, text, v);
      case "datetime" -> date(key, label, text, today);
      case "textfield", "textarea" -> text(key, label, text, v);
      default -> { }
    }
  }

  private static void number(String key, String label, String text, JsonNode v) {
    BigDecimal n;
    try {
      n = new BigDecimal(text);
    } catch (NumberFormatException e) {
      refuse(key, "「" + label + "」须为数字", key + " must be a number");
      return;
    }
    if (v.has("min") && n.compareTo(v.get("min").decimalValue()) < 0
        || v.has("max") && n.compareTo(v.get("max").decimalValue()) > 0) {
      refuse(key, "「" + label + "」须在 " + bound(v, "min") + " 至 " + bound(v, "max") + " 之间",
          key + " is out of range");
    }
  }

  private static String bound(JsonNode v, String name) {
    return v.has(name) ? v.get(name).asText() : "不限";
  }

  private static void date(String key, String label, String text, LocalDate today) {
    LocalDate d;
    try {
      d = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      refuse(key, "「" + label + "」须为日期（年-月-日）", key + " must be a date (yyyy-MM-dd)");
      return;
    }
    if (HAPPENED_ON.matcher(key).matches() && d.isAfter(today)) {
      refuse(key, "「" + label + "」不能晚于今天（北京时间 " + today + "）", key + " cannot be in the future");
    }
  }

  private static void text(String key, String label, String text, JsonNode v) {
    int length = text.codePointCount(0, text.length());
    if (v.has("maxLength") && length > v.get("maxLength").asInt()) {
      refuse(key, "「" + label + "」不能超过 " + v.get("maxLength").asInt() + " 个字", key + " is too long");
    }
    if (v.has("minLength") && length < v.get("minLength").asInt()) {
      refuse(key, "「" + label + "」至少 " + v.get("minLength").asInt() + " 个字", key + " is too short");
    }
    if (v.hasNonNull("pattern") && !Pattern.compile(v.get("pattern").asText()).matcher(text).find()) {
      refuse(key, "「" + label + "」格式不正确", key + " does not match its pattern");
    }
  }

  /** The values a choice allows, or null when the form names a list the process has not provided. */
  private static Set<String> allowed(JsonNode c, Function<String, Object> values) {
    Set<String> allowed = new LinkedHashSet<>();
    if (c.has("values")) {
      c.get("values").forEach(o -> allowed.add(o.path("value").asText()));
      return allowed;
    }
    if (c.hasNonNull("valuesKey")) {
      Object list = values.apply(c.get("valuesKey").asText());
      if (list == null) {
        return null;
      }
      for (Object o : elements(list)) {
        if (o instanceof java.util.Map<?, ?> m) {
          allowed.add(String.valueOf(m.get("value")));
        } else if (o instanceof SpinJsonNode j) {
          allowed.add(j.isObject() && j.hasProp("value") ? j.prop("value").stringValue() : j.toString());
        } else {
          allowed.add(String.valueOf(o));
        }
      }
      return allowed;
    }
    return null;
  }

  /** A value as form-js delivers it: one text, or the items of a list (Json variable or Java list). */
  static List<String> items(Object value) {
    List<String> items = new ArrayList<>();
    for (Object o : elements(value)) {
      String s = o instanceof SpinJsonNode j && j.isString() ? j.stringValue() : String.valueOf(o);
      if (o != null && !s.isBlank()) {
        items.add(s.trim());
      }
    }
    return items;
  }

  private static List<?> elements(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value instanceof SpinJsonNode j && j.isArray()) {
      return j.elements();
    }
    String s = value.toString().trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      return elements(org.camunda.spin.Spin.JSON(s));
    }
    return List.of(value);
  }

  private static boolean hidden(JsonNode c, Function<String, Object> values) {
    JsonNode hide = c.path("conditional").path("hide");
    return hide.isTextual() && FormConditions.holds(hide.asText(), values);
  }

  private static boolean flag(JsonNode c, String name) {
    return c.path(name).isBoolean() && c.path(name).asBoolean();
  }

  private static String label(JsonNode c) {
    String label = c.path("label").asText("");
    if (label.isBlank()) {
      label = c.path("dateLabel").asText("");
    }
    return label.isBlank() ? c.path("key").asText() : label.replaceAll("（.*）$", "");
  }

  private static void refuse(String field, String zh, String en) {
    throw DomainRuleException.badRequest(field, "INPUT", zh, en);
  }
}
