package org.yibaoflow.enforcement.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.enforcement.ViolationRectificationService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/rectification.bpmn (R-VIO-2/3/4/5): passed; failed => suspension, then passed
 * (the suspension ends); failed while suspended => termination; lapsed => suspension, lapsed again =>
 * termination; the suspension that reaches the region's count terminates at once (the service answers); the
 * report recorded in Tasklist (issue 15) or received through the API, the reinspection due 5 working days from
 * the day it was received.
 */
@Deployment(resources = {"processes/rectification.bpmn", "forms/rectification-reinspection.form",
    "forms/rectification-report-arrival.form"})
class RectificationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  static final String NO = DocumentProductionProcessTest.NO;
  /** 30 days from Thu 2026-09-24 end on Saturday Oct 24, a rest day: moved to Monday Oct 26 (R-TIME-2). */
  static final Date DEADLINE = Date.from(OffsetDateTime.parse("2026-10-27T00:00:00+08:00").toInstant());

  private final ViolationRectificationService rectification = mock(ViolationRectificationService.class);

  @BeforeEach
  void register() {
    Mocks.register("deadlines", Deadlines.withShippedArrangements(DocumentProductionProcessTest.CLOCK));
    Mocks.register("openRectificationDelegate", new OpenRectificationDelegate(rectification));
    Mocks.register("recordRectifiedDelegate", new RecordRectifiedDelegate(rectification));
    Mocks.register("recordNotRectifiedDelegate", new RecordNotRectifiedDelegate(rectification));
    when(rectification.openRectification(eq(NO), eq(30), anyString())).thenReturn(30);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void rectifiedInTime() {
    ProcessInstance pi = startAndOpen();
    assertThat(DocumentProductionProcessTest.timer().getDuedate()).isEqualTo(DEADLINE);
    report();
    assertThat(pi).isWaitingAt("Task_Reinspect").task().hasCandidateGroup("caseworker");
    complete(task(), Map.of("reinspectionResult", "PASSED", "reinspectionNote", "整改到位"));
    execute(job());

    assertThat(pi).isEnded().hasPassed("Task_RecordRectified", "EndEvent_Rectified")
        .hasNotPassed("Task_RecordNotRectified");
    assertThat(pi).variables().containsEntry("rectificationOutcome", "RECTIFIED");
    verify(rectification).recordRectified(NO, pi.getId());
  }

  /**
   * A paper report recorded in Tasklist: the task waits with the rectification deadline as due date; the
   * reinspection is due 5 working days from the received date, Fri 2026-11-06 -> Mon 11-09 .. Fri 11-13, the
   * end of that day in Beijing (R-TIME-1), not 5 working days from the day it was typed in (2026-09-24).
   */
  @Test
  void aPaperReportRecordedInTasklistStartsTheReinspectionFromItsReceivedDate() {
    ProcessInstance pi = startAndOpen();
    assertThat(task().getDueDate()).isEqualTo(DEADLINE);
    assertThat(task()).hasCandidateGroup("caseworker");
    complete(task(), Map.of("receivedOn", "2026-11-06", "reportSummary", "已退回串换药品费用并完成培训"));
    assertThat(pi).hasPassed("Task_RecordReport").hasNotPassed("Event_RectificationReported")
        .isWaitingAt("Task_Reinspect");
    assertThat(task().getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-11-14T00:00:00+08:00").toInstant()));
  }

  @Test
  void failedReinspectionSuspendsTheAgreementAndALaterPassEndsTheSuspension() {
    when(rectification.recordNotRectified(eq(NO), eq(false), anyString())).thenReturn(false);
    ProcessInstance pi = startAndOpen();
    report();
    complete(task(), Map.of("reinspectionResult", "FAILED", "reinspectionNote", "仍有串换药品"));
    execute(job());
    verify(rectification).recordNotRectified(NO, false, pi.getId());

    // suspended (count + 1): a new rectification period
    assertThat(pi).isWaitingAt("Task_OpenRectification");
    execute(job());
    assertThat(pi).isWaitingAt("Task_RecordReport");
    report();
    complete(task(), Map.of("reinspectionResult", "PASSED", "reinspectionNote", "整改到位"));
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_Rectified").hasNotPassed("EndEvent_Terminated");
    verify(rectification).recordRectified(NO, pi.getId());
  }

  @Test
  void failedAgainWhileSuspendedTerminates() {
    when(rectification.recordNotRectified(eq(NO), eq(false), anyString())).thenReturn(false, true);
    ProcessInstance pi = startAndOpen();
    for (int round = 0; round < 2; round++) {
      report();
      complete(task(), Map.of("reinspectionResult", "FAILED", "reinspectionNote", "整改不到位"));
      execute(job());
      if (round == 0) {
        execute(job());
      }
    }
    assertThat(pi).isEnded().hasPassed("Gateway_Terminated", "EndEvent_Terminated");
    assertThat(pi).variables().containsEntry("rectificationOutcome", "TERMINATED").containsEntry("agreementTerminated", true);
    verify(rectification, times(2)).recordNotRectified(NO, false, pi.getId());
    verify(rectification, never()).recordRectified(anyString(), anyString());
  }

  @Test
  void lapsedPeriodsSuspendThenTerminate() {
    when(rectification.recordNotRectified(eq(NO), eq(true), anyString())).thenReturn(false, true);
    ProcessInstance pi = startAndOpen();
    execute(DocumentProductionProcessTest.timer());
    execute(job());
    assertThat(pi).hasPassed("Event_RectificationLapsed").isWaitingAt("Task_OpenRectification");
    execute(job());
    execute(DocumentProductionProcessTest.timer());
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_Terminated").hasNotPassed("Task_Reinspect");
    verify(rectification, times(2)).recordNotRectified(NO, true, pi.getId());
  }

  private ProcessInstance startAndOpen() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNo", NO);
    vars.put("rectificationDays", 30);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("rectification", NO, vars);
    assertThat(pi).isWaitingAt("Task_OpenRectification");
    execute(job());
    assertThat(pi).isWaitingAt("Task_RecordReport");
    return pi;
  }

  private static void report() {
    runtimeService().createMessageCorrelation("RectificationReported").processInstanceBusinessKey(NO)
        .setVariable("receivedOn", "2026-09-25").correlate();
  }
}
