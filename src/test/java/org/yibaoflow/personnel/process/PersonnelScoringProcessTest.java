package org.yibaoflow.personnel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.personnel.PersonnelMeasureEffects;
import org.yibaoflow.personnel.PersonnelMeasureService;
import org.yibaoflow.personnel.PersonnelObjectionService;
import org.yibaoflow.personnel.PersonnelShareService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/personnel-scoring.bpmn [004 §五, §六]: interview (R-PERS-6), suspension with its own
 * expiry (R-PERS-7), replacement by a higher band (R-PERS-7 product decision), termination (R-PERS-8), the
 * objection outcomes (R-PERS-12: none, upheld, revoked, changed to nothing / an interview / a suspension) and
 * the institution ripple (R-PERS-10), also started at once by a failed yearly test (R-PERS-2, message start). The objection call activity is a stub whose task gives the outcome.
 */
@Deployment(resources = {"processes/personnel-scoring.bpmn", "org/yibaoflow/personnel/objection-stub.bpmn",
    "forms/personnel-interview.form", "forms/personnel-suspension-months.form", "forms/personnel-measure-change.form",
    "forms/personnel-institution-proposal.form"})
class PersonnelScoringProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  static final String CASE = "RY-2026-jining-000001";
  /** Wednesday 2026-06-10 10:00 Asia/Shanghai. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T02:00:00Z"), WorkingDayCalendar.ZONE);
  /** A 3-month suspension from 2026-06-10: last day 2026-09-10, ends at 2026-09-11 00:00 Asia/Shanghai. */
  static final Date EXPIRY = Date.from(OffsetDateTime.parse("2026-09-11T00:00:00+08:00").toInstant());

  final PersonnelMeasureService measures = mock(PersonnelMeasureService.class);
  final PersonnelObjectionService objections = mock(PersonnelObjectionService.class);
  final PersonnelMeasureEffects effects = mock(PersonnelMeasureEffects.class);
  final PersonnelShareService share = mock(PersonnelShareService.class);

  @BeforeEach
  void register() {
    // the engine's clock at the fixed domain moment, so timers are due when the test says so
    ClockUtil.setCurrentTime(Date.from(CLOCK.instant()));
    Mocks.register("deadlines", Deadlines.withShippedArrangements(CLOCK));
    Mocks.register("notifyInstitutionDelegate", new NotifyInstitutionDelegate(measures));
    Mocks.register("saveInterviewDelegate", new SaveInterviewDelegate(measures));
    Mocks.register("revokeDeductionDelegate", new RevokeDeductionDelegate(objections));
    Mocks.register("adjustLedgerDelegate", new AdjustLedgerDelegate(objections));
    Mocks.register("suspendPersonDelegate", new SuspendPersonDelegate(effects));
    Mocks.register("terminatePersonDelegate", new TerminatePersonDelegate(effects));
    Mocks.register("restorePersonDelegate", new RestorePersonDelegate(effects));
    Mocks.register("checkInstitutionThresholdDelegate", new CheckInstitutionThresholdDelegate(share));
    Mocks.register("recordInstitutionDecisionDelegate", new RecordInstitutionDecisionDelegate(share));
    when(measures.notifyInstitution(eq(CASE), any(), anyString())).thenReturn(new PersonnelMeasureService.Notice(
        "PERSONNEL_MEASURE", "张伟（D370811000001）2026 年度累计扣 6 分（6-8 档），中止医保支付资格相关人员服务协议 3 个月。",
        "济宁市第一人民医院", LocalDate.parse("2026-06-10")));
    when(effects.suspend(eq(CASE), anyString())).thenReturn(EXPIRY);
    when(effects.terminate(eq(CASE), anyString())).thenReturn(LocalDate.parse("2027-06-10"));
    when(effects.restore(eq(CASE), anyString())).thenReturn(true);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance start(String measure, boolean chooseMonths) {
    Map<String, Object> v = new HashMap<>();
    v.put("region", "jining");
    v.put("caseNo", CASE);
    v.put("nationalCode", "D370811000001");
    v.put("personName", "张伟");
    v.put("measure", measure);
    v.put("band", "6-8");
    v.put("total", 6);
    v.put("pointsYear", 2026);
    v.put("ruleSet", chooseMonths ? "GRADED_12" : "SEED_004");
    v.put("chooseMonths", chooseMonths);
    v.put("monthsMin", chooseMonths ? 1 : 0);
    v.put("monthsMax", chooseMonths ? 6 : 0);
    return runtimeService().startProcessInstanceByKey("personnel-scoring", CASE, v);
  }

  /** Executes the due async continuations of the instance until it waits for something else. */
  static void runJobs(ProcessInstance pi) {
    List<Job> jobs;
    while (!(jobs = managementService().createJobQuery().processInstanceId(pi.getId()).executable().list()).isEmpty()) {
      jobs.forEach(j -> managementService().executeJob(j.getId()));
    }
  }

  static void objectionOutcome(String outcome, String effective) {
    Task t = taskService().createTaskQuery().taskDefinitionKey("Task_ObjectionOutcome").singleResult();
    Map<String, Object> v = new HashMap<>();
    v.put("objectionNo", "YY-2026-jining-000001");
    v.put("objectionOutcome", outcome);
    v.put("effectiveDecision", effective);
    taskService().complete(t.getId(), v);
  }

  static Job timer(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
  }

  void noThreshold() {
    when(share.nextThreshold(eq(CASE), anyString())).thenReturn(null);
  }

  @Test
  void fivePointsMeanAnInterviewRecordedViaTheInstitution() {
    ProcessInstance pi = start("INTERVIEW", false);
    assertThat(pi).isWaitingAt("Task_RecordInterview");
    assertThat(task()).hasCandidateGroup("caseworker").hasFormKey(null);
    // due in 10 working days: 2026-06-24 (Dragon Boat Festival 2026-06-19 is a holiday) -> check the calendar
    assertThat(task().getDueDate()).isAfter(Date.from(Instant.parse("2026-06-23T00:00:00Z")));
    complete(task(), Map.of("interviewedOn", "2026-06-12", "interviewNote", "已由医院医保办约谈，本人承诺整改"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_SaveInterview", "EndEvent_Interviewed").hasNotPassed("Task_NotifyInstitution");
    verify(measures).recordInterview(eq(CASE), eq(LocalDate.parse("2026-06-12")), eq("已由医院医保办约谈，本人承诺整改"),
        anyString());
  }

  @Test
  void aSuspensionWithoutObjectionTakesEffectAndEndsByItselfAtTheTimer() {
    noThreshold();
    ProcessInstance pi = start("SUSPEND_3_MONTHS", false);
    runJobs(pi);
    assertThat(pi).isWaitingAt("CallActivity_Objection").variables()
        .containsEntry("noticeServedOn", "2026-06-10").containsEntry("party", "济宁市第一人民医院")
        .containsEntry("decisionType", "PERSONNEL_MEASURE").containsEntry("subjectRef", CASE);
    // the objection receives what the notice said (R-PERS-12)
    Task objection = taskService().createTaskQuery().taskDefinitionKey("Task_ObjectionOutcome").singleResult();
    assertThat(taskService().getVariable(objection.getId(), "noticeServedOn")).isEqualTo("2026-06-10");
    assertThat(taskService().getVariable(objection.getId(), "decision").toString()).contains("中止");
    objectionOutcome("NO_OBJECTION", "中止 3 个月");
    runJobs(pi);

    assertThat(pi).isWaitingAt("Gateway_AwaitExpiry").hasPassed("Task_Suspend", "Task_CheckThreshold")
        .hasNotPassed("Task_ProposeInstitutionMeasure");
    // R-PERS-7: the timer is the end of the suspension's last day, as the service computed it
    assertThat(timer(pi).getDuedate()).isEqualTo(EXPIRY);
    ClockUtil.setCurrentTime(EXPIRY);
    managementService().executeJob(timer(pi).getId());
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Event_SuspensionExpires", "Task_Restore", "EndEvent_Restored");
    verify(effects).restore(eq(CASE), anyString());
  }

  @Test
  void theCaseworkerChoosesTheMonthsUpheldAndTheThirtyPercentRippleAsksTheSupervisor() {
    when(share.nextThreshold(eq(CASE), anyString()))
        .thenReturn(new PersonnelShareService.Threshold(42L, "淮北市某医院", 3, 10, 30))
        .thenReturn(null);
    ProcessInstance pi = start("SUSPEND", true);
    assertThat(pi).isWaitingAt("Task_ChooseMonths");
    assertThat(task()).hasCandidateGroup("caseworker");
    complete(task(), Map.of("suspensionMonths", 4L));
    runJobs(pi);
    verify(measures).notifyInstitution(eq(CASE), eq(4), anyString());
    objectionOutcome("UPHELD", "中止 4 个月");
    runJobs(pi);

    assertThat(pi).isWaitingAt("Task_ProposeInstitutionMeasure").variables()
        .containsEntry("thresholdInstitutionId", 42L).containsEntry("thresholdInstitutionName", "淮北市某医院");
    assertThat(task()).hasCandidateGroup("supervisor");
    complete(task(), Map.of("institutionProposal", "SUSPEND", "institutionProposalReason", "人员违规集中，中止协议整改"));
    runJobs(pi);
    verify(share).decideInstitution(eq(CASE), eq(42L), eq("SUSPEND"), eq("人员违规集中，中止协议整改"), anyString());

    // R-PERS-7 product decision: a higher band replaces the running suspension; its timer must not restore
    assertThat(pi).isWaitingAt("Gateway_AwaitExpiry");
    runtimeService().createMessageCorrelation("PersonnelSuspensionReplaced").processInstanceBusinessKey(CASE)
        .correlate();
    assertThat(pi).isEnded().hasPassed("Event_SuspensionReplaced", "EndEvent_Replaced").hasNotPassed("Task_Restore");
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    verify(effects, never()).restore(anyString(), anyString());
  }

  /**
   * The start path of a failed yearly test (R-PERS-2), as PersonnelTestService starts it: the case of the test
   * as business key; no agreement has changed yet (issue 13).
   */
  ProcessInstance startFailedTest() {
    Map<String, Object> v = new HashMap<>();
    v.put("region", "jining");
    v.put("caseNo", CASE);
    v.put("nationalCode", "D370811000001");
    v.put("personName", "张伟");
    v.put("measure", "FAILED_TEST");
    v.put("band", "TEST");
    v.put("total", 0);
    v.put("pointsYear", 2026);
    v.put("ruleSet", "SEED_004");
    v.put("chooseMonths", false);
    return runtimeService().createMessageCorrelation("PersonnelTestFailed").processInstanceBusinessKey(CASE)
        .setVariables(v).correlateStartMessage();
  }

  /**
   * R-PERS-2 with R-PERS-12: the failed test is notified to the institution and waits for the objection window;
   * nothing is terminated before. Then the process terminates (the bar as the service answers it), and the share
   * of two sites is checked (R-PERS-10): the supervisor decides for each, the path ends terminated.
   */
  @Test
  void aFailedTestIsTerminatedByTheProcessOnlyAfterTheObjectionWindowThenEachSiteIsChecked() {
    when(share.nextThreshold(eq(CASE), anyString()))
        .thenReturn(new PersonnelShareService.Threshold(42L, "济宁市某医院", 3, 10, 30))
        .thenReturn(new PersonnelShareService.Threshold(43L, "济宁市某诊所", 1, 3, 30))
        .thenReturn(null);
    ProcessInstance pi = startFailedTest();
    // the notice is a job of its own (asyncBefore): the test's transaction commits before it runs
    assertThat(pi).isWaitingAt("Task_NotifyInstitution");
    runJobs(pi);
    verify(measures).notifyInstitution(eq(CASE), any(), eq(pi.getId()));
    assertThat(pi).isWaitingAt("CallActivity_Objection");
    verify(effects, never()).terminate(anyString(), anyString());

    objectionOutcome("NO_OBJECTION", "解除");
    runJobs(pi);
    verify(effects).terminate(CASE, pi.getId());
    assertThat(pi).variables().containsEntry("barUntil", "2027-06-10");
    assertThat(pi).isWaitingAt("Task_ProposeInstitutionMeasure").variables()
        .containsEntry("thresholdInstitutionId", 42L).containsEntry("thresholdSummary",
            new PersonnelShareService.Threshold(42L, "济宁市某医院", 3, 10, 30).summaryZh());
    assertThat(task()).hasCandidateGroup("supervisor");
    assertThat(task().getDueDate()).isAfter(Date.from(Instant.parse("2026-06-23T00:00:00Z")));
    complete(task(), Map.of("institutionProposal", "TERMINATE", "institutionProposalReason", "测试未合格人员集中"));
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_ProposeInstitutionMeasure").variables().containsEntry("thresholdInstitutionId",
        43L);
    complete(task(), Map.of("institutionProposal", "NONE", "institutionProposalReason", "诊所已整改"));
    runJobs(pi);

    verify(share).decideInstitution(eq(CASE), eq(42L), eq("TERMINATE"), eq("测试未合格人员集中"), anyString());
    verify(share).decideInstitution(eq(CASE), eq(43L), eq("NONE"), eq("诊所已整改"), anyString());
    assertThat(pi).isEnded().hasPassed("StartEvent_TestFailed", "Task_NotifyInstitution", "CallActivity_Objection",
        "Task_Terminate", "Task_CheckThreshold", "EndEvent_Terminated")
        .hasNotPassed("StartEvent_MeasureReached", "Task_ChooseMonths", "Task_Suspend", "Task_RecordChange");
  }

  @Test
  void aFailedTestUpheldOnObjectionBelowTheShareEndsTerminated() {
    noThreshold();
    ProcessInstance pi = startFailedTest();
    runJobs(pi);
    objectionOutcome("UPHELD", "维持解除");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_Terminate", "Task_CheckThreshold", "EndEvent_Terminated")
        .hasNotPassed("Task_ProposeInstitutionMeasure", "Gateway_AwaitExpiry");
  }

  /** R-PERS-12: revoked, or changed (a failed test has no lighter measure), the process terminates nothing. */
  @Test
  void aFailedTestRevokedOrChangedOnObjectionTerminatesNothing() {
    for (String outcome : List.of("REVOKED", "CHANGED")) {
      ProcessInstance pi = startFailedTest();
      runJobs(pi);
      objectionOutcome(outcome, "不予解除");
      runJobs(pi);
      assertThat(pi).isEnded().hasPassed("Task_RevokeDeduction", "EndEvent_Revoked")
          .hasNotPassed("Task_Terminate", "Task_RecordChange", "Task_CheckThreshold");
    }
    verify(objections, times(2)).revoke(eq(CASE), eq("YY-2026-jining-000001"), anyString());
    verify(effects, never()).terminate(anyString(), anyString());
  }

  @Test
  void twelvePointsTerminateWithTheBar() {
    noThreshold();
    ProcessInstance pi = start("TERMINATE", false);
    runJobs(pi);
    objectionOutcome("NO_OBJECTION", "解除");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_Terminate", "Task_CheckThreshold", "EndEvent_Terminated")
        .hasNotPassed("Task_Suspend");
    assertThat(pi).variables().containsEntry("barUntil", "2027-06-10");
  }

  @Test
  void aRevokedDecisionTakesThePointsBackAndNothingElseHappens() {
    ProcessInstance pi = start("SUSPEND_6_MONTHS", false);
    runJobs(pi);
    objectionOutcome("REVOKED", null);
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_RevokeDeduction", "EndEvent_Revoked").hasNotPassed("Task_Suspend");
    verify(objections).revoke(eq(CASE), eq("YY-2026-jining-000001"), anyString());
  }

  @Test
  void aChangeThatLeavesNoMeasureEnds() {
    when(objections.change(eq(CASE), anyString(), eq(2), any(), anyString(), anyString())).thenReturn("NONE");
    ProcessInstance pi = start("SUSPEND_3_MONTHS", false);
    runJobs(pi);
    objectionOutcome("CHANGED", "改为扣 2 分");
    assertThat(pi).isWaitingAt("Task_RecordChange");
    complete(task(), Map.of("adjustedPoints", 2L, "changeNote", "经核实仅一项违规成立"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_AdjustLedger", "EndEvent_NoMeasure").hasNotPassed("Task_Suspend");
  }

  @Test
  void aChangeDownToAnInterviewGoesToTheInterview() {
    when(objections.change(eq(CASE), anyString(), eq(1), any(), anyString(), anyString())).thenReturn("INTERVIEW");
    ProcessInstance pi = start("SUSPEND_3_MONTHS", false);
    runJobs(pi);
    objectionOutcome("CHANGED", "改为约谈");
    assertThat(pi).isWaitingAt("Task_RecordChange");
    complete(task(), Map.of("adjustedPoints", 1L, "changeNote", "情节轻微"));
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_RecordInterview");
    complete(task(), Map.of("interviewedOn", "2026-06-10", "interviewNote", "已约谈"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_AdjustLedger", "EndEvent_Interviewed");
  }

  @Test
  void aChangeToAShorterSuspensionTakesEffectAsChanged() {
    noThreshold();
    when(objections.change(eq(CASE), anyString(), eq(3), eq(2), anyString(), anyString())).thenReturn("SUSPEND");
    ProcessInstance pi = start("TERMINATE", false);
    runJobs(pi);
    objectionOutcome("CHANGED", "改为中止 2 个月");
    assertThat(pi).isWaitingAt("Task_RecordChange");
    complete(task(), Map.of("adjustedPoints", 3L, "suspensionMonths", 2L, "changeNote", "改为中止"));
    runJobs(pi);
    assertThat(pi).isWaitingAt("Gateway_AwaitExpiry").hasPassed("Task_Suspend").hasNotPassed("Task_Terminate");
    assertThat(pi).variables().containsEntry("measure", "SUSPEND");
  }
}
