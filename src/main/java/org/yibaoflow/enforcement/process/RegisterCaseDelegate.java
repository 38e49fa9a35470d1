package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationCase;
import org.yibaoflow.enforcement.ViolationCaseService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 登记案件: a case opened through the API is registered already; one started from Tasklist's start form is
 * registered now (R-VIO-1) and its case number becomes the business key.
 */
@Component("registerCaseDelegate")
public class RegisterCaseDelegate implements JavaDelegate {

  private final ViolationCaseService service;

  public RegisterCaseDelegate(ViolationCaseService service) {
    this.service = service;
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
    execution.setVariable("suspectedViolations", c.suspectedViolations());
    execution.setVariable("suspectedAmount", c.suspectedAmount().toPlainString());
    if (!c.caseNo().equals(execution.getProcessBusinessKey())) {
      execution.setProcessBusinessKey(c.caseNo());
    }
  }
}
