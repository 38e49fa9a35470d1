package org.yibaoflow.designation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.yibaoflow.platform.DomainRuleException;

/**
 * What the institution handed in to supplement its application (补正材料, R-DES-1): which of the materials the
 * agency listed as missing (told once, at the completeness review), the Beijing day they arrived and a note. The same
 * rules for both ways in (issue 15, item 6): the caseworker's 登记补正材料 in Tasklist and
 * {@code POST .../supplements} of other systems. The application then goes back to the completeness review, which
 * decides whether it is now complete.
 */
public record SupplementReceipt(List<String> materials, LocalDate receivedOn, String note) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The materials the completeness review listed as missing, one per item: the caseworker writes them one a line
   * or separated by 、，；; (the form asks for each item listed). In order, without repeats.
   */
  public static List<String> missingItems(String missingMaterials) {
    if (missingMaterials == null) {
      return List.of();
    }
    LinkedHashSet<String> items = new LinkedHashSet<>();
    Arrays.stream(missingMaterials.split("[\\n\\r、，,；;]+")).map(String::trim)
        .map(s -> s.replaceFirst("^\\d+[.、．)）]\\s*", "")).filter(s -> !s.isEmpty()).forEach(items::add);
    return List.copyOf(items);
  }

  /** The missing items as the choices of the form's checklist: each item is its own value and label. */
  public static Map<String, String> choices(String missingMaterials) {
    Map<String, String> choices = new LinkedHashMap<>();
    missingItems(missingMaterials).forEach(item -> choices.put(item, item));
    return choices;
  }

  /**
   * Throws {@link DomainRuleException} (400, naming the API's field: materials, receivedOn, note) for the first
   * rule the receipt breaks: at least one material, each one of those told missing; received not after today and
   * not after the last day of the supplement period (R-DES-1, R-TIME-2).
   */
  public void check(List<String> missing, LocalDate lastDay, LocalDate today) {
    if (materials == null || materials.isEmpty()) {
      throw DomainRuleException.badRequest("materials", "R-DES-1", "请选择机构交来的补正材料",
          "materials: choose at least one of the missing materials");
    }
    for (String m : materials) {
      if (!missing.contains(m)) {
        throw DomainRuleException.badRequest("materials", "R-DES-1", "「" + m + "」不在受理审查一次性告知的缺少材料中",
            "'" + m + "' is not one of the materials told missing");
      }
    }
    if (receivedOn == null) {
      throw DomainRuleException.badRequest("receivedOn", "INPUT", "收到日期不能为空", "receivedOn is required");
    }
    if (receivedOn.isAfter(today)) {
      throw DomainRuleException.badRequest("receivedOn", "R-TIME-1", "收到日期不能晚于今天（北京时间 " + today + "）",
          "receivedOn cannot be in the future");
    }
    if (lastDay != null && receivedOn.isAfter(lastDay)) {
      throw DomainRuleException.badRequest("receivedOn", "R-DES-1", "收到日期晚于补正期限最后一日 " + lastDay
          + " 24:00（北京时间），逾期未补正", "receivedOn is after the supplement period ended on " + lastDay);
    }
    if (note != null && note.trim().length() > 2000) {
      throw DomainRuleException.badRequest("note", "INPUT", "说明不能超过 2000 字", "note is at most 2000 characters");
    }
  }

  /** A list variable as the engine holds it: a Java list, a Json variable (Spin) or its text, or one text. */
  public static List<String> items(Object value) {
    List<String> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (value instanceof Collection<?> c) {
      c.stream().filter(o -> o != null && !o.toString().isBlank()).forEach(o -> items.add(o.toString().trim()));
      return items;
    }
    String text = value.toString().trim();
    if (text.startsWith("[")) {
      try {
        for (JsonNode n : JSON.readTree(text)) {
          if (!n.asText().isBlank()) {
            items.add(n.asText().trim());
          }
        }
        return items;
      } catch (JsonProcessingException e) {
        return List.of(text);
      }
    }
    if (!text.isEmpty()) {
      items.add(text);
    }
    return items;
  }
}
