package org.yibaoflow.inspection.process;

import java.util.Date;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.inspection.InspectionPlanService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 登记年度计划 (R-VIO-14): the plan of the instance's region (tenant) and year; {@code duplicatePlan} when another
 * instance already runs it (one plan per region and year). Sets the plan's number as business key and the date of
 * the year-end screening (1 December of the plan year, Beijing time).
 */
@Component("openInspectionPlanDelegate")
class OpenInspectionPlanDelegate implements JavaDelegate {

  private final InspectionPlanService plans;

  OpenInspectionPlanDelegate(InspectionPlanService plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InspectionPlanService.Registered r = plans.register(execution.getTenantId(),
        ProcessVariables.integer(execution, "planYear"), ProcessVariables.string(execution, "startedBy"),
        execution.getProcessInstanceId());
    execution.setVariable("duplicatePlan", r.duplicate());
    execution.setVariable("planNo", r.plan().planNo());
    execution.setVariable("yearEndScreeningDate", Date.from(LocalDate.of(r.plan().planYear(), 12, 1)
        .atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
    if (!r.duplicate() && !r.plan().planNo().equals(execution.getProcessBusinessKey())) {
      execution.setProcessBusinessKey(r.plan().planNo());
    }
  }
}
