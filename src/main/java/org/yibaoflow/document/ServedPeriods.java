package org.yibaoflow.document;

import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.objection.ObjectionService;
import org.yibaoflow.platform.EngineAsApplication;

/**
 * The period that follows a document counts from its recorded service (R-PERS-12, R-TIME-1): when the decision's
 * objection window is still open in the objection process the document's process called, the window is moved to
 * count from the recorded date: the objection's row (late filings are judged by it), the {@code noticeServedOn}
 * variables and the timer of 异议期届满, recomputed by the calendar as the BPMN computes it.
 */
@Component
class ServedPeriods {

  static final String OBJECTION = "objection";
  static final String WINDOW_TIMER = "Event_WindowExpired";

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final ObjectionService objections;
  private final Deadlines deadlines;
  private final EngineAsApplication engine;

  ServedPeriods(RuntimeService runtimeService, ManagementService managementService, ObjectionService objections,
      Deadlines deadlines, EngineAsApplication engine) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.objections = objections;
    this.deadlines = deadlines;
    this.engine = engine;
  }

  /** Moves the open objection window of the document's decision to its service date; false when none is open. */
  boolean served(Document d, LocalDate servedOn) {
    if (d.processInstanceId() == null || !DocumentKind.of(d.kind()).map(DocumentKind::objectable).orElse(false)) {
      return false;
    }
    return engine.call(() -> {
      ProcessInstance objection = runtimeService.createProcessInstanceQuery()
          .superProcessInstanceId(d.processInstanceId()).processDefinitionKey(OBJECTION).singleResult();
      if (objection == null) {
        return false;
      }
      Integer days = objections.moveNoticeServedOn(objection.getId(), servedOn);
      if (days == null) {
        return false;
      }
      runtimeService.setVariable(objection.getId(), "noticeServedOn", servedOn.toString());
      runtimeService.setVariable(d.processInstanceId(), "noticeServedOn", servedOn.toString());
      Job timer = managementService.createJobQuery().processInstanceId(objection.getId()).activityId(WINDOW_TIMER)
          .timers().singleResult();
      if (timer != null) {
        managementService.setJobDuedate(timer.getId(), deadlines.workingDays(servedOn.toString(), days));
      }
      return true;
    });
  }
}
