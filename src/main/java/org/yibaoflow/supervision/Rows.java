package org.yibaoflow.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Map rows from MyBatis with the same camelCase keys on H2 (upper-case columns) and PostgreSQL (lower-case). */
final class Rows {

  private Rows() {
  }

  static Map<String, Object> camel(Map<String, Object> row) {
    if (row == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    row.forEach((k, v) -> m.put(camel(k), v));
    return m;
  }

  static List<Map<String, Object>> camel(List<Map<String, Object>> rows) {
    return rows.stream().map(Rows::camel).toList();
  }

  static String camel(String column) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
