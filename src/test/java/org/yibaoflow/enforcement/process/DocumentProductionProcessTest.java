package org.yibaoflow.enforcement.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.ViolationFindingsService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/document-production.bpmn (R-VIO-7): documents in time, insufficient then sufficient,
 * the deadline passing (termination); the 7-day deadline under R-TIME-2 across the National Day holiday; the
 * documents recorded by the caseworker in Tasklist (登记收到的资料, due at the deadline) racing the deadline.
 */
@Deployment(resources = {"processes/document-production.bpmn", "forms/document-review.form",
    "forms/document-arrival.form"})
class DocumentProductionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  static final String NO = "VC-2026-huaibei-000001";
  /** Thursday 2026-09-24, 10:00 Asia/Shanghai: the day before Mid-Autumn (Sep 25-27). */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-24T02:00:00Z"), WorkingDayCalendar.ZONE);
  /**
   * R-TIME-2: 7 days from the day after Sep 24 end on Thursday Oct 1, a statutory holiday (Oct 1-7 in the 2026
   * arrangement); the period ends on the first working day after it, Thursday Oct 8, at 24:00 Asia/Shanghai.
   */
  static final Date DEADLINE = Date.from(OffsetDateTime.parse("2026-10-09T00:00:00+08:00").toInstant());

  private final ViolationFindingsService findings = mock(ViolationFindingsService.class);

  @BeforeEach
  void register() {
    Mocks.register("deadlines", Deadlines.withShippedArrangements(CLOCK));
    Mocks.register("suspendSettlementForRecordsDelegate", new SuspendSettlementForRecordsDelegate(findings));
    Mocks.register("resumeSettlementDelegate", new ResumeSettlementDelegate(findings));
    Mocks.register("terminateForMissingRecordsDelegate", new TerminateForMissingRecordsDelegate(findings));
    when(findings.suspendSettlementForRecords(eq(NO), anyString())).thenReturn(7);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void theSevenDayDeadlineFromBeforeTheNationalDayHolidayLandsOnTheFirstWorkingDayAfter() {
    ProcessInstance pi = startAndSuspend();
    assertThat(pi).variables().containsEntry("documentDeadlineDays", 7).containsEntry("documentDeadline", DEADLINE);
    assertThat(timer().getDuedate()).isEqualTo(DEADLINE);
  }

  @Test
  void sufficientDocumentsInTimeResumeSettlement() {
    ProcessInstance pi = startAndSuspend();
    verify(findings).suspendSettlementForRecords(eq(NO), eq(pi.getId()));

    provide();
    assertThat(pi).isWaitingAt("Task_ReviewDocuments").task().hasCandidateGroup("caseworker");
    assertThat(task().getDueDate()).isEqualTo(Deadlines.withShippedArrangements(CLOCK).workingDays(2));
    complete(task(), Map.of("documentReview", "SUFFICIENT", "documentReviewNote", "病历、费用明细齐全"));
    execute(job());

    assertThat(pi).isEnded().hasPassed("Task_ResumeSettlement", "EndEvent_DocumentsProvided")
        .hasNotPassed("Task_TerminateAgreement");
    assertThat(pi).variables().containsEntry("documentsOutcome", "PROVIDED");
    verify(findings).resumeSettlement(NO, pi.getId());
    verify(findings, never()).terminateForMissingRecords(anyString(), anyString());
  }

  @Test
  void insufficientDocumentsWaitAgainUntilTheSameDeadlineThenSufficient() {
    ProcessInstance pi = startAndSuspend();
    provide();
    complete(task(), Map.of("documentReview", "INSUFFICIENT", "documentReviewNote", "缺少住院病历"));

    assertThat(pi).isWaitingAt("Task_RecordDocuments");
    assertThat(timer().getDuedate()).as("the deadline does not restart").isEqualTo(DEADLINE);
    provide();
    complete(task(), Map.of("documentReview", "SUFFICIENT", "documentReviewNote", "已补齐"));
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_DocumentsProvided");
    verify(findings).resumeSettlement(NO, pi.getId());
  }

  @Test
  void documentsRecordedInTasklistGoToTheReviewWithWhatWasReceived() {
    ProcessInstance pi = startAndSuspend();
    assertThat(pi).task().hasCandidateGroup("caseworker");
    assertThat(task().getDueDate()).as("due at the deadline (R-VIO-7)").isEqualTo(DEADLINE);
    assertThat(pi).variables().as("the form shows the Beijing date of the last day")
        .containsEntry("documentDeadlineText", "2026-10-08 24:00（北京时间）");
    assertThat(task().getFollowUpDate()).isEqualTo(Deadlines.withShippedArrangements(CLOCK).workingDays(3));
    complete(task(), Map.of("documentsReceived", List.of("MEDICAL_RECORDS", "FEE_DETAILS"), "receivedOn", "2026-09-28",
        "arrivalNote", "纸质病历 12 份"));

    assertThat(pi).isWaitingAt("Task_ReviewDocuments");
    assertThat(timer()).as("the deadline timer is gone with the waiting task").isNull();
    assertThat(pi).variables().containsEntry("arrivalNote", "纸质病历 12 份");
    complete(task(), Map.of("documentReview", "SUFFICIENT", "documentReviewNote", "齐全"));
    execute(job());
    assertThat(pi).isEnded().hasPassed("Task_RecordDocuments", "EndEvent_DocumentsProvided");
  }

  @Test
  void noDocumentsByTheDeadlineTerminatesTheAgreement() {
    ProcessInstance pi = startAndSuspend();
    execute(timer());
    assertThat(pi).isWaitingAt("Task_TerminateAgreement");
    execute(job());

    assertThat(pi).isEnded().hasPassed("Event_DocumentDeadline", "EndEvent_AgreementTerminated")
        .hasNotPassed("Task_ResumeSettlement");
    assertThat(pi).variables().containsEntry("documentsOutcome", "TERMINATED");
    verify(findings).terminateForMissingRecords(NO, pi.getId());
  }

  private ProcessInstance startAndSuspend() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("document-production", NO, Map.of("caseNo", NO));
    assertThat(pi).isWaitingAt("Task_SuspendSettlement");
    execute(job());
    assertThat(pi).isWaitingAt("Task_RecordDocuments");
    return pi;
  }

  private static void provide() {
    runtimeService().createMessageCorrelation("DocumentsProvided").processInstanceBusinessKey(NO).correlate();
  }

  static Job timer() {
    return managementService().createJobQuery().timers().singleResult();
  }
}
