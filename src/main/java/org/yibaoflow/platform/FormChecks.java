package org.yibaoflow.platform;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.ObjectProvider;

/** Runs the {@link FormCheck}s of a form and turns a broken rule into the engine's form-validation error. */
final class FormChecks {

  private FormChecks() {
  }

  static void run(ObjectProvider<FormCheck> checks, String formId, String region, String businessKey,
      VariableScope variables) {
    FormCheck.Submission submission = new FormCheck.Submission(formId, region, businessKey, variables);
    checks.orderedStream().filter(c -> c.formIds().contains(formId)).forEach(c -> {
      try {
        c.check(submission);
      } catch (DomainRuleException e) {
        FormInputException refused = new FormInputException(e.field(), e.rule(), e.messageZh());
        FormErrorFilter.refused(refused);
        throw refused;
      }
    });
  }
}
