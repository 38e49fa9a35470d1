package org.yibaoflow.personnel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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
import org.yibaoflow.personnel.QualificationStop;
import org.yibaoflow.personnel.QualificationStopService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/qualification-stop.bpmn (R-VIO-12): rejected by the supervisor; approved, no objection,
 * stopped and the health department informed (referral HEALTH); the objection changes the years; it revokes the
 * stop. Objection and referral are the stand-ins of the violation case's tests (each has its own process test).
 */
@Deployment(resources = {"processes/qualification-stop.bpmn", "enforcement/objection-stub.bpmn",
    "enforcement/referral-stub.bpmn", "forms/qualification-stop-approval.form", "forms/qualification-stop-adjust.form"})
class QualificationStopProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  private static final String NO = "TZ-2026-huaibei-000001";

  private final QualificationStopService service = mock(QualificationStopService.class);

  @BeforeEach
  void register() {
    Mocks.register("recordStopApprovalDelegate", new RecordStopApprovalDelegate(service));
    Mocks.register("serveStopNoticeDelegate", new ServeStopNoticeDelegate(service));
    Mocks.register("stopQualificationDelegate", new StopQualificationDelegate(service));
    Mocks.register("deadlines", Deadlines.withShippedArrangements(
        Clock.fixed(Instant.parse("2026-09-24T02:00:00Z"), WorkingDayCalendar.ZONE)));
    when(service.approve(eq(NO), eq(true), isNull(), anyString())).thenReturn(stop(QualificationStop.PROPOSED, 3));
    when(service.serveNotice(eq(NO), anyString())).thenReturn(new QualificationStopService.Notice(
        "依据 R-VIO-12，停止其医保结算资格 3 年", LocalDate.parse("2026-09-24")));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void rejectedBySupervisorEndsWithoutNotice() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("Task_ApproveStop").task().hasCandidateGroup("supervisor");
    when(service.approve(eq(NO), eq(false), eq("证据不足以认定其本人参与"), anyString()))
        .thenReturn(stop(QualificationStop.REJECTED, 3));
    complete(task(pi), Map.of("stopApproval", "REJECT", "approvalComment", "证据不足以认定其本人参与"));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_ServeNotice");
    verify(service, never()).serveNotice(anyString(), anyString());
  }

  @Test
  void approvedWithoutObjectionStopsAndInformsTheHealthDepartment() {
    ProcessInstance pi = approveAndServe();
    ProcessInstance objection = called(pi, "objection");
    assertThat(objection).variables().containsEntry("decisionType", "QUALIFICATION_STOP")
        .containsEntry("noticeServedOn", "2026-09-24").containsEntry("subjectRef", NO).containsEntry("party", "李某");
    when(service.takeEffect(eq(NO), eq("NO_OBJECTION"), isNull(), eq("YY-1"), anyString()))
        .thenReturn(stop(QualificationStop.STOPPED, 3));
    complete(task(objection), Map.of("objectionOutcome", "NO_OBJECTION", "objectionNo", "YY-1"));
    execute(job(pi));
    ProcessInstance referral = called(pi, "referral");
    // R-VIO-12: reported to the health department; 3 years from 2026-09-24 end on 2029-09-23
    assertThat(referral).variables().containsEntry("referralKind", "HEALTH").containsEntry("subjectRef", NO);
    assertThat((String) runtimeService().getVariable(referral.getId(), "caseSummary"))
        .contains("李某", "WY-2026-huaibei-000007", "3 年", "2026-09-24 至 2029-09-23");
    complete(task(referral));
    assertThat(pi).isEnded().hasPassedInOrder("Task_ApproveStop", "Task_ServeNotice", "CallActivity_Objection",
        "Task_StopQualification", "CallActivity_InformHealth", "EndEvent_Stopped").hasNotPassed("Task_AdjustYears");
  }

  @Test
  void objectionChangesTheYears() {
    ProcessInstance pi = approveAndServe();
    complete(task(called(pi, "objection")), Map.of("objectionOutcome", "CHANGED", "objectionNo", "YY-2",
        "effectiveDecision", "停止医保结算资格 1 年"));
    assertThat(pi).isWaitingAt("Task_AdjustYears").task().hasCandidateGroup("caseworker");
    when(service.takeEffect(eq(NO), eq("CHANGED"), eq(1), eq("YY-2"), anyString()))
        .thenReturn(stop(QualificationStop.STOPPED, 1));
    complete(task(pi), Map.of("changedYears", 1));
    execute(job(pi));
    assertThat(pi).isWaitingAt("CallActivity_InformHealth").hasPassed("Task_AdjustYears");
  }

  @Test
  void objectionRevokesTheStop() {
    ProcessInstance pi = approveAndServe();
    when(service.takeEffect(eq(NO), eq("REVOKED"), isNull(), eq("YY-3"), anyString()))
        .thenReturn(stop(QualificationStop.REVOKED, 3));
    complete(task(called(pi, "objection")), Map.of("objectionOutcome", "REVOKED", "objectionNo", "YY-3"));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_Revoked").hasNotPassed("CallActivity_InformHealth");
  }

  private ProcessInstance start() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNo", NO);
    vars.put("violationCaseNo", "WY-2026-huaibei-000007");
    vars.put("personName", "李某");
    vars.put("stopYears", 3);
    vars.put("maxStopYears", 5);
    return runtimeService().startProcessInstanceByKey("qualification-stop", NO, vars);
  }

  private ProcessInstance approveAndServe() {
    ProcessInstance pi = start();
    complete(task(pi), Map.of("stopApproval", "APPROVE"));
    execute(job(pi));
    execute(job(pi));
    assertThat(pi).isWaitingAt("CallActivity_Objection");
    return pi;
  }

  private static ProcessInstance called(ProcessInstance pi, String key) {
    ProcessInstance sub = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(key).singleResult();
    assertThat(sub).as("called " + key).isNotNull();
    return sub;
  }

  private static QualificationStop stop(String status, int years) {
    boolean stopped = QualificationStop.STOPPED.equals(status);
    return new QualificationStop(1L, NO, "huaibei", 7L, "WY-2026-huaibei-000007", years, "参与伪造住院病历", status,
        LocalDate.parse("2026-09-24"), stopped ? LocalDate.parse("2026-09-24") : null,
        stopped ? LocalDate.parse("2026-09-24").plusYears(years).minusDays(1) : null, null, "pi", "zhangjing", null);
  }
}
