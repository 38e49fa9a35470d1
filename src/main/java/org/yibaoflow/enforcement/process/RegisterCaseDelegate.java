package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationCase;
import org.yibaoflow.enforcement.ViolationCaseService;
import org.yibaoflow.enforcement.ViolationCatalogue;

/**
 * 登记案件: a case opened through the API is registered already; one started from Tasklist's start form is
 * registered now (R-VIO-1) and its case number becomes the business key. Sets the display variables of the
 * case's forms and Tasklist cards from the case row: {@code institutionName}, and {@code violationOptions}, the
 * catalogue entries for the institution's type that the investigation form offers, and {@code suspectedViolationList}
 * the intake's codes as a list that form shows by name (issue 15).
 */
@Component("registerCaseDelegate")
public class RegisterCaseDelegate implements JavaDelegate {

  private final ViolationCaseService service;
  private final ViolationCatalogue catalogue;

  public RegisterCaseDelegate(ViolationCaseService service, ViolationCatalogue catalogue) {
    this.service = service;
    this.catalogue = catalogue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String region = CaseVariables.string(execution, "region");
    ViolationCase c = service.register(CaseVariables.string(execution, "caseNo"), execution.getProcessInstanceId(),
        region != null ? region : execution.getTenantId(), CaseVariables.string(execution, "source"),
        CaseVariables.string(execution, "institutionCode"), CaseVariables.string(execution, "suspectedViolations"),
        CaseVariables.amount(execution, "suspectedAmount"), CaseVariables.string(execution, "summary"),
        CaseVariables.string(execution, "startedBy"));
    execution.setVariable("caseNo", c.caseNo());
    execution.setVariable("region", c.region());
    execution.setVariable("institutionType", c.institutionType());
    execution.setVariable("institutionName", service.institutionName(c.caseNo()));
    execution.setVariable("suspectedViolations", c.suspectedViolations());
    execution.setVariable("suspectedAmount", c.suspectedAmount().toPlainString());
    // the suspected violations as the investigation form's read-only multi-select shows them (by name)
    execution.setVariable("suspectedViolationList", SpinValues.jsonValue(Spin.JSON(
        org.yibaoflow.enforcement.ViolationCodes.parse(c.suspectedViolations()))).create());
    execution.setVariable("violationOptions",
        SpinValues.jsonValue(Spin.JSON(catalogue.options(c.institutionType()))).create());
    if (!c.caseNo().equals(execution.getProcessBusinessKey())) {
      execution.setProcessBusinessKey(c.caseNo());
    }
  }
}
