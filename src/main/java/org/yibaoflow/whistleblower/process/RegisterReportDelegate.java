package org.yibaoflow.whistleblower.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.ProcessVariables;
import org.yibaoflow.whistleblower.ReportHandling;
import org.yibaoflow.whistleblower.ReportIntake;

/**
 * 登记举报 (R-VIO-1): registers a report started in Tasklist (its number becomes the business key, the receipt code
 * is shown to the caseworker to tell the reporter), and sets the region's triage and verification periods and the
 * closing reasons the forms offer.
 */
@Component("registerReportDelegate")
class RegisterReportDelegate implements JavaDelegate {

  private final ReportIntake intake;
  private final ReportHandling handling;

  RegisterReportDelegate(ReportIntake intake, ReportHandling handling) {
    this.intake = intake;
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String region = execution.getTenantId();
    ReportIntake.Receipt receipt = intake.registerFromProcess(execution.getProcessInstanceId(), region,
        ProcessVariables.string(execution, "reportChannel"), ProcessVariables.string(execution, "institutionName"),
        ProcessVariables.string(execution, "reportContent"), ProcessVariables.flag(execution, "named"),
        ProcessVariables.string(execution, "startedBy"));
    if (receipt.receiptCode() != null) {
      execution.setVariable("receiptCode", receipt.receiptCode());
    }
    int[] periods = intake.periods(region);
    execution.setVariable("triageDays", periods[0]);
    execution.setVariable("verificationDays", periods[1]);
    // a Json variable: the forms' checklist reads its options ({label, value}) from it (valuesKey)
    execution.setVariable("closeReasonOptions", SpinValues.jsonValue(Spin.JSON(handling.closeReasons().stream()
        .map(r -> java.util.Map.of("label", r.labelZh(), "value", r.code())).toList())).create());
    execution.setProcessBusinessKey(receipt.reportNo());
  }
}
