package org.yibaoflow.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FEEL conditions our forms use to hide a field ({@code conditional.hide}), evaluated on the server for
 * {@link FormSchemaCheck}: {@code a = "X"}, {@code a != true}, {@code a = null}, {@code is empty(a)},
 * {@code not(a)}, a bare variable, joined by {@code or} / {@code and}. An expression outside this subset counts
 * as "maybe hidden": its field is not checked (the browser still checks it), never refused wrongly.
 */
final class FormConditions {

  private static final Pattern COMPARISON = Pattern.compile("^([A-Za-z_][\\w.]*)\\s*(!=|=)\\s*(.+)$");
  private static final Pattern IS_EMPTY = Pattern.compile("^is empty\\(\\s*([A-Za-z_][\\w.]*)\\s*\\)$");
  private static final Pattern NOT = Pattern.compile("^not\\(\\s*([A-Za-z_][\\w.]*)\\s*\\)$");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z_][\\w]*$");

  private FormConditions() {
  }

  /** True when the condition holds or cannot be evaluated here; false only when it surely does not hold. */
  static boolean holds(String expression, Function<String, Object> values) {
    Boolean b = eval(expression.trim().replaceFirst("^=", "").trim(), values);
    return b == null || b;
  }

  static Boolean eval(String e, Function<String, Object> values) {
    for (String join : List.of(" or ", " and ")) {
      if (e.contains(join)) {
        boolean or = " or ".equals(join);
        boolean result = !or;
        for (String part : e.split(join)) {
          Boolean b = eval(part.trim(), values);
          if (b == null) {
            return null;
          }
          result = or ? result || b : result && b;
        }
        return result;
      }
    }
    Matcher m = IS_EMPTY.matcher(e);
    if (m.matches()) {
      return FormSchemaCheck.items(values.apply(m.group(1))).isEmpty();
    }
    m = NOT.matcher(e);
    if (m.matches()) {
      Object v = values.apply(m.group(1));
      return v == null || "false".equals(v.toString());
    }
    if (NAME.matcher(e).matches()) {
      Object v = values.apply(e);
      return v != null && "true".equals(v.toString());
    }
    m = COMPARISON.matcher(e);
    if (!m.matches()) {
      return null;
    }
    Object literal = literal(m.group(3).trim());
    if (literal == UNKNOWN) {
      return null;
    }
    boolean equal = same(values.apply(m.group(1)), literal);
    return "=".equals(m.group(2)) == equal;
  }

  private static final Object UNKNOWN = new Object();

  private static Object literal(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1);
    }
    if (List.of("true", "false").contains(s)) {
      return Boolean.valueOf(s);
    }
    if ("null".equals(s)) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return UNKNOWN;
    }
  }

  private static boolean same(Object value, Object literal) {
    if (value == null || literal == null) {
      return value == literal || literal == null && value.toString().isEmpty();
    }
    if (literal instanceof BigDecimal n) {
      try {
        return new BigDecimal(value.toString()).compareTo(n) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return Objects.equals(value.toString(), literal.toString());
  }
}
