package org.yibaoflow.platform;

import org.springframework.http.HttpStatus;

/**
 * A request broke a rule: answered as an RFC 7807 problem naming the field and the rule, in Chinese and
 * English. Thrown before anything is written (or inside the transaction that it rolls back).
 */
public class DomainRuleException extends RuntimeException {

  private final HttpStatus status;
  private final String field;
  private final String rule;
  private final String messageZh;
  private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

  public DomainRuleException(HttpStatus status, String field, String rule, String messageZh, String messageEn) {
    super(messageEn);
    this.status = status;
    this.field = field;
    this.rule = rule;
    this.messageZh = messageZh;
  }

  /** 400: the input itself is wrong. */
  public static DomainRuleException badRequest(String field, String rule, String zh, String en) {
    return new DomainRuleException(HttpStatus.BAD_REQUEST, field, rule, zh, en);
  }

  /** 400 naming the field when a required text is missing or blank. */
  public static void requireText(String value, String field, String zh, String en) {
    if (value == null || value.isBlank()) {
      throw badRequest(field, "INPUT", zh + "不能为空", en + " is required");
    }
  }

  /** 409: the input is well-formed but the record's state forbids it (illegal transition, lost race). */
  public static DomainRuleException conflict(String field, String rule, String zh, String en) {
    return new DomainRuleException(HttpStatus.CONFLICT, field, rule, zh, en);
  }

  /** 404: no such record in the user's regions (other regions' records are not disclosed). */
  public static DomainRuleException notFound(String what, String id) {
    return new DomainRuleException(HttpStatus.NOT_FOUND, null, null, what + " " + id + " 不存在",
        what + " " + id + " not found");
  }

  /** Adds a property to the problem body (e.g. the deadline a late objection missed). */
  public DomainRuleException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public java.util.Map<String, Object> properties() {
    return java.util.Collections.unmodifiableMap(properties);
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }

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
