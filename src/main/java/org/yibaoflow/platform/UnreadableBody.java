package org.yibaoflow.platform;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * What a client got wrong in a body Jackson could not read, for a 400 problem: {@code field} is the JSON path
 * of the value ({@code licences[0].validFrom}, the same form as Bean Validation's field errors and the
 * calendar's parser), or {@code $} when the body as a whole is missing or not JSON; the details say what was
 * expected.
 */
record UnreadableBody(String field, String zh, String en) {

  /** The field name of problems about the body as a whole (missing, empty, not JSON, not an object). */
  static final String BODY = "$";

  static UnreadableBody of(HttpMessageNotReadableException e) {
    JsonMappingException mapping = find(e, JsonMappingException.class);
    JacksonException jackson = find(e, JacksonException.class);
    if (jackson == null) {
      return new UnreadableBody(BODY, "缺少请求体或请求体无法读取（须为 JSON 对象）",
          "The request body is missing or unreadable (a JSON object is expected)");
    }
    String path = mapping == null ? "" : path(mapping.getPath());
    StreamReadException read = find(e, StreamReadException.class);
    if (read != null && read.getProcessor() != null) {
      // a token that cannot be read (malformed JSON inside a value): where the parser stood, which is more
      // precise than the path the enclosing deserializers recorded
      String at = path(read.getProcessor().getParsingContext());
      if (at.startsWith(path) && at.length() > path.length()) {
        path = at;
      }
    }
    String field = path.isEmpty() ? BODY : path;
    String location = jackson.getLocation() == null ? ""
        : "（第 " + jackson.getLocation().getLineNr() + " 行第 " + jackson.getLocation().getColumnNr() + " 列）";
    String locationEn = jackson.getLocation() == null ? ""
        : " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")";
    if (mapping instanceof PropertyBindingException unknown) {
      return new UnreadableBody(field, "未知字段：" + unknown.getPropertyName() + "（字段名区分大小写）",
          "Unknown property: " + unknown.getPropertyName() + " (names are case-sensitive)");
    }
    if (mapping instanceof InvalidNullException) {
      return new UnreadableBody(field, "字段 " + field + " 不能为 null", "Field " + field + " must not be null");
    }
    if (find(e, StreamConstraintsException.class) != null) {
      return new UnreadableBody(field, "字段 " + field + " 的值超出允许的长度或大小",
          "The value of " + field + " exceeds the allowed length or size");
    }
    InputCoercionException range = find(e, InputCoercionException.class);
    if (range != null) {
      return new UnreadableBody(field, "字段 " + field + " 的数值超出范围（应为" + zhType(range.getTargetType()) + "）",
          "The number in " + field + " is out of range (expected " + enType(range.getTargetType()) + ")");
    }
    if (mapping instanceof InvalidFormatException bad) {
      return new UnreadableBody(field, "字段 " + field + " 的值格式错误：" + shorten(bad.getValue()) + "（应为"
          + zhType(bad.getTargetType()) + "）", "Malformed value in " + field + ": " + shorten(bad.getValue())
          + " (expected " + enType(bad.getTargetType()) + ")");
    }
    if (mapping instanceof MismatchedInputException wrong) {
      if (path.isEmpty()) {
        return new UnreadableBody(BODY, "请求体须为 JSON 对象" + location, "The request body must be a JSON object"
            + locationEn);
      }
      return new UnreadableBody(field, "字段 " + field + " 的类型错误（应为" + zhType(wrong.getTargetType()) + "）",
          "Wrong type in " + field + " (expected " + enType(wrong.getTargetType()) + ")");
    }
    if (!path.isEmpty()) {
      return new UnreadableBody(field, "字段 " + field + " 的值无法读取" + location,
          "The value of " + field + " cannot be read" + locationEn);
    }
    String reason = jackson instanceof JsonProcessingException p ? p.getOriginalMessage() : jackson.getMessage();
    return new UnreadableBody(BODY, "请求体不是合法的 JSON" + location,
        "The request body is not valid JSON" + locationEn + ": " + shorten(reason));
  }

  /** {@code licences[0].validFrom} from Jackson's path references. */
  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** {@code findings[0].codes} from the parser's context (object: current name, array: current index). */
  static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.add(0, "." + c.getCurrentName());
      } else if (c.inArray() && c.getCurrentIndex() >= 0) {
        parts.add(0, "[" + c.getCurrentIndex() + "]");
      }
    }
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String shorten(Object value) {
    String s = String.valueOf(value);
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static String zhType(Class<?> type) {
    if (type == null) {
      return "其他类型";
    }
    if (type == LocalDate.class) {
      return "yyyy-MM-dd 格式的日期字符串";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == BigInteger.class || type == Short.class || type == short.class) {
      return "整数";
    }
    if (type == BigDecimal.class || type == Double.class || type == double.class) {
      return "数字";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true 或 false";
    }
    if (type == String.class) {
      return "字符串";
    }
    if (type.isEnum()) {
      return "以下之一：" + constants(type);
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "数组";
    }
    return "JSON 对象";
  }

  private static String enType(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == LocalDate.class) {
      return "a date string yyyy-MM-dd";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == BigInteger.class || type == Short.class || type == short.class) {
      return "an integer";
    }
    if (type == BigDecimal.class || type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + constants(type);
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "a JSON object";
  }

  private static String constants(Class<?> type) {
    return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
  }
}
