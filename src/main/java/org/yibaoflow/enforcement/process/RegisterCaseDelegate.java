package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationCase;
import org.yibaoflow.enforcement.ViolationCaseQueries;
import org.yibaoflow.enforcement.ViolationIntakeService;
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 登记案件: a case opened through the API is registered already; one started from Tasklist's start form is
 * registered now (R-VIO-1) and its case number becomes the business key. Sets the display variables of the
 * case's forms and Tasklist cards from the case row: {@code institutionName}, and {@code violationOptions}, the
 * catalogue entries for the institution's type that the investigation form offers, and {@code suspectedViolationList}
 * the intake's codes as a list that form shows by name (issue 15).
 */
@Component("registerCaseDelegate")
public class RegisterCaseDelegate implements JavaDelegate {

  private final ViolationIntakeService service;
  private final ViolationCaseQueries queries;
  private final ViolationCatalogue catalogue;

  public RegisterCaseDelegate(ViolationIntakeService service, ViolationCaseQueries queries,
      ViolationCatalogue catalogue) {
    this.service = service;
    this.queries = queries;
    this.catalogue = catalogue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the region is the instance's tenant (checked against the starting user's regions); a case opened
    // through the API is the row linked to this process instance, never one a variable names
    String region = execution.getTenantId() != null ? execution.getTenantId()
        : ProcessVariables.string(execution, "region");
    ViolationCase c = service.register(execution.getProcessInstanceId(), region, ProcessVariables.string(execution, "source"),
        ProcessVariables.string(execution, "institutionCode"), ProcessVariables.string(execution, "suspectedViolations"),
        ProcessVariables.amount(execution, "suspectedAmount"), ProcessVariables.string(execution, "summary"),
        ProcessVariables.string(execution, "startedBy"));
    execution.setVariable("caseNo", c.caseNo());
    execution.setVariable("region", c.region());
    execution.setVariable("institutionType", c.institutionType());
    execution.setVariable("institutionName", queries.institutionName(c.caseNo()));
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
