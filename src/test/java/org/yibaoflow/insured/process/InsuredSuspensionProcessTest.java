package org.yibaoflow.insured.process;

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
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.yibaoflow.insured.InsuredSuspension;
import org.yibaoflow.insured.InsuredSuspensionService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/insured-suspension.bpmn (R-VIO-12, insured persons [000 §二(四)]): rejected by the
 * supervisor; approved, no objection, suspended and ended by the timer the day after the last day; an objection
 * upheld (the months stand); the objection changes the months; it revokes the suspension. The objection is the
 * stand-in of the violation case's tests.
 */
@Deployment(resources = {"processes/insured-suspension.bpmn", "enforcement/objection-stub.bpmn",
    "forms/insured-suspension-approval.form", "forms/insured-suspension-adjust.form"})
class InsuredSuspensionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  private static final String NO = "ZT-2026-huaibei-000001";

  private final InsuredSuspensionService service = mock(InsuredSuspensionService.class);

  @BeforeEach
  void register() {
    Mocks.register("recordSuspensionApprovalDelegate", new RecordSuspensionApprovalDelegate(service));
    Mocks.register("serveSuspensionNoticeDelegate", new ServeSuspensionNoticeDelegate(service));
    Mocks.register("suspendDirectSettlementDelegate", new SuspendDirectSettlementDelegate(service));
    Mocks.register("deadlines", Deadlines.withShippedArrangements(
        Clock.fixed(Instant.parse("2026-09-24T02:00:00Z"), WorkingDayCalendar.ZONE)));
    when(service.approve(eq(NO), eq(true), isNull(), anyString())).thenReturn(suspension(InsuredSuspension.PROPOSED, 6));
    when(service.serveNotice(eq(NO), anyString())).thenReturn(new InsuredSuspensionService.Notice(
        "依据 R-VIO-12，暂停其医保直接结算 6 个月", LocalDate.parse("2026-09-24")));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void rejectedBySupervisorEndsWithoutNotice() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("Task_ApproveSuspension").task().hasCandidateGroup("supervisor");
    when(service.approve(eq(NO), eq(false), eq("无证据证明其明知"), anyString()))
        .thenReturn(suspension(InsuredSuspension.REJECTED, 6));
    complete(task(pi), Map.of("suspensionApproval", "REJECT", "approvalComment", "无证据证明其明知"));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_ServeNotice");
    verify(service, never()).serveNotice(anyString(), anyString());
  }

  @Test
  void approvedWithoutObjectionSuspendsUntilTheLastDayThenEnds() {
    ProcessInstance pi = approveAndServe();
    ProcessInstance objection = called(pi);
    assertThat(objection).variables().containsEntry("decisionType", "INSURED_SUSPENSION")
        .containsEntry("noticeServedOn", "2026-09-24").containsEntry("subjectRef", NO).containsEntry("party", "王某");
    when(service.takeEffect(eq(NO), eq("NO_OBJECTION"), isNull(), eq("YY-1"), anyString()))
        .thenReturn(suspension(InsuredSuspension.SUSPENDED, 6));
    complete(task(objection), Map.of("objectionOutcome", "NO_OBJECTION", "objectionNo", "YY-1"));
    execute(job(pi));
    assertThat(pi).isWaitingAt("Event_SuspensionEnds");
    // R-VIO-12: 6 months from 2026-09-24 last until 2027-03-23; the timer fires at 2027-03-24 00:00 Beijing time
    Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2027-03-23T16:00:00Z"));
    when(service.end(eq(NO), anyString())).thenReturn(suspension(InsuredSuspension.ENDED, 6));
    execute(timer);
    execute(job(pi));
    verify(service).end(eq(NO), anyString());
    assertThat(pi).isEnded().hasPassedInOrder("Task_ApproveSuspension", "Task_ServeNotice", "CallActivity_Objection",
        "Task_SuspendSettlement", "Event_SuspensionEnds", "Task_EndSuspension", "EndEvent_Ended")
        .hasNotPassed("Task_AdjustMonths");
  }

  @Test
  void anUpheldObjectionSuspendsForTheMonthsDecided() {
    ProcessInstance pi = approveAndServe();
    when(service.takeEffect(eq(NO), eq("UPHELD"), isNull(), eq("YY-4"), anyString()))
        .thenReturn(suspension(InsuredSuspension.SUSPENDED, 6));
    complete(task(called(pi)), Map.of("objectionOutcome", "UPHELD", "objectionNo", "YY-4"));
    execute(job(pi));
    assertThat(pi).isWaitingAt("Event_SuspensionEnds").hasNotPassed("Task_AdjustMonths");
    verify(service).takeEffect(eq(NO), eq("UPHELD"), isNull(), eq("YY-4"), anyString());
  }

  @Test
  void objectionChangesTheMonths() {
    ProcessInstance pi = approveAndServe();
    complete(task(called(pi)), Map.of("objectionOutcome", "CHANGED", "objectionNo", "YY-2",
        "effectiveDecision", "暂停医保直接结算 3 个月"));
    assertThat(pi).isWaitingAt("Task_AdjustMonths").task().hasCandidateGroup("caseworker");
    when(service.takeEffect(eq(NO), eq("CHANGED"), eq(3), eq("YY-2"), anyString()))
        .thenReturn(suspension(InsuredSuspension.SUSPENDED, 3));
    complete(task(pi), Map.of("changedMonths", 3));
    execute(job(pi));
    assertThat(pi).isWaitingAt("Event_SuspensionEnds").hasPassed("Task_AdjustMonths");
    // 3 months from 2026-09-24: last day 2026-12-23, timer at 2026-12-24 00:00 Beijing time
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getDuedate()
        .toInstant()).isEqualTo(Instant.parse("2026-12-23T16:00:00Z"));
  }

  @Test
  void objectionRevokesTheSuspension() {
    ProcessInstance pi = approveAndServe();
    when(service.takeEffect(eq(NO), eq("REVOKED"), isNull(), eq("YY-3"), anyString()))
        .thenReturn(suspension(InsuredSuspension.REVOKED, 6));
    complete(task(called(pi)), Map.of("objectionOutcome", "REVOKED", "objectionNo", "YY-3"));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_Revoked").hasNotPassed("Event_SuspensionEnds");
    verify(service, never()).end(anyString(), anyString());
  }

  private ProcessInstance start() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNo", NO);
    vars.put("violationCaseNo", "WY-2026-huaibei-000007");
    vars.put("personName", "王某");
    vars.put("institutionName", "淮北市某医院");
    vars.put("suspensionMonths", 6);
    vars.put("minSuspensionMonths", 3);
    vars.put("maxSuspensionMonths", 12);
    return runtimeService().startProcessInstanceByKey("insured-suspension", NO, vars);
  }

  private ProcessInstance approveAndServe() {
    ProcessInstance pi = start();
    complete(task(pi), Map.of("suspensionApproval", "APPROVE"));
    execute(job(pi));
    execute(job(pi));
    assertThat(pi).isWaitingAt("CallActivity_Objection");
    return pi;
  }

  private static ProcessInstance called(ProcessInstance pi) {
    ProcessInstance sub = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("objection").singleResult();
    assertThat(sub).as("called objection").isNotNull();
    return sub;
  }

  private static InsuredSuspension suspension(String status, int months) {
    boolean inEffect = InsuredSuspension.SUSPENDED.equals(status) || InsuredSuspension.ENDED.equals(status);
    LocalDate from = LocalDate.parse("2026-09-24");
    return new InsuredSuspension(1L, NO, "huaibei", 7L, "WY-2026-huaibei-000007", months, "参与虚假住院", status,
        from, inEffect ? from : null, inEffect ? from.plusMonths(months).minusDays(1) : null, null, "pi", "zhangjing",
        null);
  }
}
