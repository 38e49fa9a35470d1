package org.yibaoflow.designation.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 记录受理结论: writes the completeness review's conclusion and the departments selected for written
 * inquiries (R-DES-2); sets {@code inquiryDepartmentList}, the collection of the inquiry tasks.
 */
@Component("recordAcceptanceDelegate")
class RecordAcceptanceDelegate implements JavaDelegate {

  static final String COMPLETE = "COMPLETE";

  private final DesignationService service;

  RecordAcceptanceDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> departments = service.recordAcceptance(ProcessVariables.caseKey(execution),
        COMPLETE.equals(ProcessVariables.value(execution, "acceptanceResult")),
        ProcessVariables.string(execution, "missingMaterials"), departments(ProcessVariables.value(execution, "inquiryDepartments")));
    execution.setVariable("inquiryDepartmentList", Variables.objectValue(new ArrayList<>(departments))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  /** A form's checklist arrives as a Json variable (Tasklist), a list (Java API) or a comma-separated text. */
  static List<String> departments(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    SpinJsonNode json = null;
    if (value instanceof SpinJsonNode node) {
      json = node;
    } else if (value instanceof String s && s.trim().startsWith("[")) {
      json = Spin.JSON(s);
    }
    if (json != null && json.isArray()) {
      return json.elements().stream().map(SpinJsonNode::stringValue).toList();
    }
    return Arrays.stream(String.valueOf(value).split("[,，、]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
