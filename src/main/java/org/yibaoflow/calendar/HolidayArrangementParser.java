package org.yibaoflow.calendar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads one year's holiday arrangement (R-TIME-1) from its JSON file, grouped per festival as in the
 * State Council notice so a person can check it line by line:
 *
 * <pre>{@code
 * {"year": 2025, "source": "国务院办公厅关于2025年部分节假日安排的通知",
 *  "holidays": [
 *    {"name": "元旦", "days": ["2025-01-01"]},
 *    {"name": "春节", "note": "...", "days": ["2025-01-28", ...], "workingWeekendDays": ["2025-01-26", "2025-02-08"]}]}
 * }</pre>
 *
 * Every date is listed explicitly as {@code yyyy-MM-dd} (no ranges). Unknown fields, duplicate keys and
 * malformed dates are refused with a {@link CalendarValidationException} naming the JSON path.
 */
public final class HolidayArrangementParser {

  private static final String RULE = HolidayArrangement.RULE;
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final List<String> TOP_FIELDS = List.of("year", "source", "holidays");
  private static final List<String> FESTIVAL_FIELDS = List.of("name", "note", "days", "workingWeekendDays");

  private HolidayArrangementParser() {
  }

  public static HolidayArrangement parse(InputStream json) {
    if (json == null) {
      throw unreadable(null);
    }
    try {
      return parse(MAPPER.readTree(json));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  public static HolidayArrangement parse(String json) {
    if (json == null) {
      throw unreadable(null);
    }
    try {
      return parse(MAPPER.readTree(json));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private static HolidayArrangement parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw invalid("$", "日历文件必须是一个 JSON 对象", "the calendar file must be one JSON object");
    }
    refuseUnknown(root, TOP_FIELDS, "");
    JsonNode yearNode = root.get("year");
    if (yearNode == null || !yearNode.isInt()) {
      throw invalid("year", "缺少年份或年份不是整数", "year is missing or not an integer");
    }
    int year = yearNode.intValue();
    String source = optionalText(root, "source", "source");

    JsonNode festivals = root.get("holidays");
    if (festivals == null || !festivals.isArray()) {
      throw invalid("holidays", "缺少节日列表 holidays（数组）", "holidays is missing or not an array");
    }
    List<LocalDate> holidays = new ArrayList<>();
    List<LocalDate> workingDays = new ArrayList<>();
    for (int i = 0; i < festivals.size(); i++) {
      String path = "holidays[" + i + "]";
      JsonNode festival = festivals.get(i);
      if (!festival.isObject()) {
        throw invalid(path, "节日条目必须是 JSON 对象", "a festival entry must be a JSON object");
      }
      refuseUnknown(festival, FESTIVAL_FIELDS, path + ".");
      String name = optionalText(festival, "name", path + ".name");
      if (name == null) {
        throw invalid(path + ".name", "节日缺少名称", "the festival has no name");
      }
      optionalText(festival, "note", path + ".note");
      JsonNode days = festival.get("days");
      if (days == null || !days.isArray() || days.isEmpty()) {
        throw invalid(path + ".days", "节日「" + name + "」缺少放假日期", "festival " + name + " lists no days off");
      }
      holidays.addAll(dates(days, path + ".days"));
      JsonNode working = festival.get("workingWeekendDays");
      if (working != null) {
        if (!working.isArray()) {
          throw invalid(path + ".workingWeekendDays", "调休上班日必须是日期数组",
              "workingWeekendDays must be an array of dates");
        }
        workingDays.addAll(dates(working, path + ".workingWeekendDays"));
      }
    }
    return HolidayArrangement.of(year, holidays, workingDays, source);
  }

  private static List<LocalDate> dates(JsonNode array, String path) {
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      String at = path + "[" + i + "]";
      if (!node.isTextual()) {
        throw invalid(at, "日期格式错误：" + node + "（应为 \"yyyy-MM-dd\"）",
            "malformed date " + node + " (expected \"yyyy-MM-dd\")");
      }
      try {
        // ISO_LOCAL_DATE resolves strictly: 2025-02-30 and 2025-13-01 are refused
        dates.add(LocalDate.parse(node.textValue()));
      } catch (DateTimeParseException e) {
        throw new CalendarValidationException(at, RULE,
            "日期格式错误：\"" + node.textValue() + "\"（应为 yyyy-MM-dd 格式的有效日期）",
            "malformed date \"" + node.textValue() + "\" (expected a valid yyyy-MM-dd date)", e);
      }
    }
    return dates;
  }

  private static String optionalText(JsonNode object, String name, String path) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw invalid(path, "字段 " + name + " 必须是文本", name + " must be a string");
    }
    return node.textValue().isBlank() ? null : node.textValue().strip();
  }

  private static void refuseUnknown(JsonNode object, List<String> known, String prefix) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalid(prefix + name, "未知字段：" + name + "（允许的字段：" + known + "）",
            "unknown field " + name + " (allowed: " + known + ")");
      }
    }
  }

  private static CalendarValidationException invalid(String field, String zh, String en) {
    return new CalendarValidationException(field, RULE, zh, en);
  }

  private static CalendarValidationException unreadable(IOException e) {
    return new CalendarValidationException("$", RULE, "日历文件不是有效的 JSON",
        "the calendar file is not valid JSON" + (e == null ? "" : ": " + originalMessage(e)), e);
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }
}
