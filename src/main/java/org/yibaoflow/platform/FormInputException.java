package org.yibaoflow.platform;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form submission broke a rule: the engine's form-validation exception (the REST API answers 400 and rolls the
 * start or completion back), with the Chinese message Tasklist shows and the field and rule it names.
 */
public class FormInputException extends FormFieldValidationException {

  private final String field;
  private final String rule;

  FormInputException(String field, String rule, String messageZh) {
    super(field, messageZh);
    this.field = field;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
