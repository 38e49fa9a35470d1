package org.yibaoflow.calendar;

/**
 * A calendar input broke a rule: a holiday arrangement that cannot be right, a malformed date in an
 * arrangement file, or a deadline request out of range. Names the field and the rule (R-TIME-*), with
 * the explanation in Chinese (for users) and English (for logs); {@link #getMessage()} is the English one.
 */
public class CalendarValidationException extends RuntimeException {

  private final String field;
  private final String rule;
  private final String messageZh;

  public CalendarValidationException(String field, String rule, String messageZh, String messageEn) {
    this(field, rule, messageZh, messageEn, null);
  }

  public CalendarValidationException(String field, String rule, String messageZh, String messageEn,
      Throwable cause) {
    super(messageEn, cause);
    this.field = field;
    this.rule = rule;
    this.messageZh = messageZh;
  }

  /** The offending field, e.g. {@code holidays}, {@code holidays[1].days[2]} or {@code n}. */
  public String field() {
    return field;
  }

  /** The rule ID that refused the input, e.g. {@code R-TIME-1}. */
  public String rule() {
    return rule;
  }

  public String messageZh() {
    return messageZh;
  }

  public String messageEn() {
    return getMessage();
  }
}
