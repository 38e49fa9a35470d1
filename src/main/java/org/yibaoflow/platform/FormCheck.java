package org.yibaoflow.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Checks what a Tasklist form submitted before anything is committed (issue 15, "bad input stays in the form").
 * The engine plugin {@link TasklistEnginePlugin} runs every check whose {@link #formIds()} names the form of a
 * start event (on start, before the first async continuation) or of a user task (on complete, before the task
 * is gone). A check throws {@link DomainRuleException} naming the field; the start or completion is rolled
 * back and Tasklist shows the Chinese message in the form: nothing started, the task still open, no incident.
 * A check only reads: the process and its services still decide.
 */
public interface FormCheck {

  /** The Camunda Form ids ({@code camunda:formRef}) this check validates. */
  Set<String> formIds();

  /** Throws {@link DomainRuleException} (400, Chinese message naming the field) when the submission is wrong. */
  void check(Submission submission);

  /**
   * The day a paper arrival was received, as form-js or a process variable holds it ("2026-12-08", also with a
   * time after it); null when empty; 400 naming receivedOn when it is not a date.
   */
  static LocalDate receivedDate(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw DomainRuleException.badRequest("receivedOn", "INPUT", "收到日期须为日期（年-月-日）",
          "the received date must be a date (yyyy-MM-dd)");
    }
  }

  /** A form submission: the form, the region (tenant), the case (business key) and the submitted values. */
  record Submission(String formId, String region, String businessKey, VariableScope variables) {

    public Object value(String name) {
      return variables.getVariable(name);
    }

    /** The trimmed text of a field, null when empty. */
    public String text(String name) {
      Object v = value(name);
      return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    /** A whole number field ("3", or "3.0" as form-js sends a number), null when empty or not a whole number. */
    public Integer wholeNumber(String name) {
      String t = text(name);
      try {
        return t == null ? null : Integer.valueOf(t.replaceAll("\\.0+$", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
