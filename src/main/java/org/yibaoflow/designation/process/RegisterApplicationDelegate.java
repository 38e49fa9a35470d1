package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.DesignationApplication;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 登记申请: registers the application, makes its number the business key and sets {@code reviewPeriod}, the
 * region's working days for the completeness review.
 */
@Component("registerApplicationDelegate")
class RegisterApplicationDelegate implements JavaDelegate {

  private final DesignationService service;

  RegisterApplicationDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DesignationApplication application = service.register(execution.getTenantId(),
        ProcessVariables.string(execution, "institutionName"), ProcessVariables.string(execution, "institutionType"),
        ProcessVariables.string(execution, "creditCode"), execution.getProcessInstanceId(),
        ProcessVariables.string(execution, "startedBy"));
    execution.setVariable("applicationNo", application.applicationNo());
    // R-DES-1: the region's completeness-review period, the due date of 受理审查 (also after a supplement)
    execution.setVariable("reviewPeriod", service.completenessReviewPeriod(application.region()));
    execution.setProcessBusinessKey(application.applicationNo());
  }
}
