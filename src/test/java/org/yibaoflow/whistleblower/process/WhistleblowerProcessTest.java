package org.yibaoflow.whistleblower.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.yibaoflow.whistleblower.ReportHandling;
import org.yibaoflow.whistleblower.ReportIntake;
import org.yibaoflow.whistleblower.RewardScale;
import org.yibaoflow.whistleblower.WhistleblowerReport;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/whistleblower-report.bpmn: founded to the reward paid (R-VIO-1, R-VIO-15), rejected at
 * triage, unfounded after verification, no reward when nothing was recovered, the reward declined by the
 * supervisor, a capped reward shown to the supervisor, an anonymous report registered in Tasklist, a founded
 * report whose case ends without a decision taking effect (closed, no reward).
 */
@Deployment(resources = {"processes/whistleblower-report.bpmn", "forms/whistleblower-intake.form",
    "forms/whistleblower-triage.form", "forms/whistleblower-verification.form",
    "forms/whistleblower-reward-approval.form", "forms/whistleblower-reward-payment.form"})
class WhistleblowerProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  private static final String NO = "JB-2026-huaibei-000001";
  private static final String CASE = "VC-2026-huaibei-000007";

  private final ReportIntake intake = mock(ReportIntake.class);
  private final ReportHandling handling = mock(ReportHandling.class);

  @BeforeEach
  void register() {
    // Friday 2026-09-18, 10:00 Beijing time
    Mocks.register("deadlines", Deadlines.withShippedArrangements(
        Clock.fixed(Instant.parse("2026-09-18T02:00:00Z"), WorkingDayCalendar.ZONE)));
    Mocks.register("registerReportDelegate", new RegisterReportDelegate(intake, handling));
    Mocks.register("recordTriageDelegate", new RecordTriageDelegate(handling));
    Mocks.register("recordReportVerificationDelegate", new RecordReportVerificationDelegate(handling));
    Mocks.register("proposeRewardDelegate", new ProposeRewardDelegate(handling));
    Mocks.register("recordRewardDelegate", new RecordRewardDelegate(handling));
    when(intake.registerFromProcess(anyString(), any(), eq("PHONE"), eq("某某医院"), eq("挂床住院骗取医保基金"),
        anyBoolean(), any())).thenReturn(new ReportIntake.Receipt(NO, "ABCD-EFGH-JKLM-NPQR-STUV", "已受理，待审查"));
    // region settings: 5 working days to triage, 20 to verify (R-VIO-1 defaults)
    when(intake.periods(any())).thenReturn(new int[] {5, 20});
    when(handling.closeReasons()).thenReturn(List.of(new WhistleblowerReport.CloseReason("NO_CLUE", "举报内容不具体，无可查线索")));
    when(handling.triage(eq(NO), eq(true), any(), any(), anyString())).thenReturn(true);
    when(handling.triage(eq(NO), eq(false), any(), any(), anyString())).thenReturn(false);
    when(handling.verify(eq(NO), eq(true), any(), any(), any(), any(), any(), any(), anyString())).thenReturn(CASE);
    when(handling.verify(eq(NO), eq(false), any(), any(), any(), any(), any(), any(), anyString())).thenReturn(null);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void aFoundedReportIsRewardedAfterTheCasesDecisionTookEffect() {
    ProcessInstance pi = startAndRegister(false);
    assertThat(pi).hasBusinessKey(NO).variables().containsEntry("receiptCode", "ABCD-EFGH-JKLM-NPQR-STUV")
        .containsEntry("named", false);
    assertThat(task()).hasCandidateGroup("caseworker").hasDefinitionKey("Task_Triage");
    // 5 working days from Friday 2026-09-18 (R-TIME-1, shipped 2026 arrangement): Sunday 09-20 is a working day
    // and Friday 09-25 the Mid-Autumn holiday, so 09-20..09-24; due at the end of 09-24, Beijing time
    assertThat(task().getDueDate()).isEqualTo(endOf("2026-09-24"));
    acceptAndFind(pi);

    when(handling.proposeReward(eq(NO), anyString())).thenReturn(new RewardScale.Reward(
        new BigDecimal("80000.00"), new BigDecimal("5"), new BigDecimal("4000.00"), false));
    decisionTookEffect(pi);
    assertThat(pi).isWaitingAt("Task_ApproveReward").task().hasCandidateGroup("supervisor");
    assertThat(pi).variables().containsEntry("rewardAmount", "4000.00").containsEntry("rewardPercent", "5")
        .containsEntry("violationCaseNo", CASE);
    complete(task(), Map.of("rewardApproval", "APPROVE"));
    execute(job());
    assertThat(pi).isWaitingAt("Task_PayReward").task().hasCandidateGroup("reportdesk");
    complete(task(), Map.of("paidOn", "2026-10-20", "paymentRef", "JL-2026-001"));
    execute(job());

    assertThat(pi).isEnded().hasPassedInOrder("Task_Triage", "Task_Verify", "Event_DecisionTookEffect",
        "Task_ProposeReward", "Task_ApproveReward", "Task_RecordApproval", "Task_PayReward", "Task_RecordPayment",
        "EndEvent_Rewarded");
    verify(handling).approveReward(eq(NO), anyString());
    verify(handling).recordPayment(eq(NO), eq("2026-10-20"), eq("JL-2026-001"), anyString());
    verify(handling, never()).close(anyString(), any(), anyString());
  }

  @Test
  void aCappedRewardIsApprovedAtTheCap() {
    ProcessInstance pi = startAndRegister(true);
    acceptAndFind(pi);
    // R-VIO-15: 5 % of 3,000,000 would be 150,000; the cap is 100,000 (RewardScale computes it, RewardScaleTest)
    when(handling.proposeReward(eq(NO), anyString())).thenReturn(new RewardScale.Reward(
        new BigDecimal("3000000.00"), new BigDecimal("5"), new BigDecimal("100000.00"), true));
    decisionTookEffect(pi);
    assertThat(pi).isWaitingAt("Task_ApproveReward").variables().containsEntry("rewardCapped", true)
        .containsEntry("rewardAmount", "100000.00");
  }

  @Test
  void aReportWithoutAClueIsNotAccepted() {
    ProcessInstance pi = startAndRegister(false);
    complete(task(), Map.of("triageDecision", "REJECT", "closeReasons", List.of("NO_CLUE")));
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_Verify");
    verify(handling).triage(eq(NO), eq(false), eq(List.of("NO_CLUE")), isNull(), anyString());
  }

  @Test
  void anUnfoundedReportIsClosedWithReasons() {
    ProcessInstance pi = startAndRegister(false);
    complete(task(), Map.of("triageDecision", "ACCEPT"));
    execute(job());
    assertThat(pi).isWaitingAt("Task_Verify");
    // 20 working days from Friday 2026-09-18: 09-20..09-24 (5), 09-28..09-30 (8), National Day 10-01..10-07 off,
    // 10-08, 10-09, Saturday 10-10 (11), 10-12..10-16 (16), 10-19..10-22 (20)
    assertThat(task().getDueDate()).isEqualTo(endOf("2026-10-22"));
    complete(task(), Map.of("verificationOutcome", "UNFOUNDED", "closeReasons", List.of("NOT_VERIFIED"),
        "verificationNote", "现场核查住院病人均在床"));
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_Unfounded").hasNotPassed("Event_DecisionTookEffect");
    verify(handling).verify(eq(NO), eq(false), isNull(), isNull(), isNull(), isNull(), eq(List.of("NOT_VERIFIED")),
        eq("现场核查住院病人均在床"), anyString());
  }

  @Test
  void nothingRecoveredMeansNoReward() {
    ProcessInstance pi = startAndRegister(false);
    acceptAndFind(pi);
    when(handling.proposeReward(eq(NO), anyString())).thenReturn(new RewardScale.Reward(
        new BigDecimal("0.00"), BigDecimal.ZERO, new BigDecimal("0.00"), false));
    decisionTookEffect(pi);
    execute(job());
    assertThat(pi).isEnded().hasPassed("Task_CloseReport", "EndEvent_Closed").hasNotPassed("Task_ApproveReward");
    verify(handling).close(eq(NO), eq("处理决定已生效，无追回金额，不予奖励"), anyString());
  }

  @Test
  void theSupervisorMayDeclineTheRewardWithAReason() {
    ProcessInstance pi = startAndRegister(false);
    acceptAndFind(pi);
    when(handling.proposeReward(eq(NO), anyString())).thenReturn(new RewardScale.Reward(
        new BigDecimal("10000.00"), new BigDecimal("5"), new BigDecimal("500.00"), false));
    decisionTookEffect(pi);
    complete(task(), Map.of("rewardApproval", "REJECT", "approvalComment", "举报人系该机构参与骗保人员"));
    execute(job());
    assertThat(pi).isEnded().hasPassed("Gateway_CloseMerge", "EndEvent_Closed").hasNotPassed("Task_PayReward");
    verify(handling).close(eq(NO), eq("举报奖励未获批准：举报人系该机构参与骗保人员"), anyString());
  }

  @Test
  void aFoundedReportWhoseCaseEndsWithoutADecisionIsClosedWithoutReward() {
    ProcessInstance pi = startAndRegister(false);
    acceptAndFind(pi);
    // what ReportHandling.caseClosed does when ViolationCaseClosed names the report's case (objection revoked it)
    runtimeService().createMessageCorrelation(ReportHandling.CASE_CLOSED_MESSAGE).processInstanceId(pi.getId())
        .correlateAll();
    assertThat(pi).isWaitingAt("Task_CloseNoDecision");
    execute(job());
    assertThat(pi).isEnded().hasPassedInOrder("Gateway_AwaitCase", "Event_CaseClosed", "Task_CloseNoDecision",
        "EndEvent_NoDecision").hasNotPassed("Event_DecisionTookEffect", "Task_ProposeReward");
    verify(handling).closeWithoutDecision(eq(NO), anyString());
    verify(handling, never()).proposeReward(anyString(), anyString());
    // a late DecisionTookEffect finds nothing waiting
    runtimeService().createMessageCorrelation(ReportHandling.DECISION_MESSAGE).processInstanceId(pi.getId())
        .correlateAll();
  }

  @Test
  void theCasesEndAfterItsDecisionTookEffectDoesNotCloseTheReport() {
    ProcessInstance pi = startAndRegister(false);
    acceptAndFind(pi);
    when(handling.proposeReward(eq(NO), anyString())).thenReturn(new RewardScale.Reward(
        new BigDecimal("10000.00"), new BigDecimal("5"), new BigDecimal("500.00"), false));
    runtimeService().createMessageCorrelation(ReportHandling.DECISION_MESSAGE).processInstanceId(pi.getId())
        .correlateAll();
    // the case closes before the reward's job ran: the report no longer waits for it
    runtimeService().createMessageCorrelation(ReportHandling.CASE_CLOSED_MESSAGE).processInstanceId(pi.getId())
        .correlateAll();
    execute(job());
    assertThat(pi).isWaitingAt("Task_ApproveReward").hasNotPassed("Event_CaseClosed");
    verify(handling, never()).closeWithoutDecision(anyString(), anyString());
  }

  private static ProcessInstance startAndRegister(boolean named) {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("whistleblower-report", Map.of(
        "reportChannel", "PHONE", "institutionName", "某某医院", "reportContent", "挂床住院骗取医保基金", "named", named));
    assertThat(pi).isWaitingAt("Task_RegisterReport");
    execute(job());
    return pi;
  }

  private void acceptAndFind(ProcessInstance pi) {
    complete(task(), Map.of("triageDecision", "ACCEPT"));
    execute(job());
    assertThat(pi).isWaitingAt("Task_Verify").task().hasCandidateGroup("caseworker");
    complete(task(), Map.of("verificationOutcome", "FOUNDED", "institutionCode", "H34060100001",
        "suspectedViolations", List.of("FRAUD_FAKE_VISITS"), "suspectedAmount", "80000"));
    execute(job());
    // waits for the case: its decision taking effect, or its end without one (event-based gateway)
    assertThat(pi).isWaitingAt("Gateway_AwaitCase");
  }

  private static void decisionTookEffect(ProcessInstance pi) {
    // what ReportHandling.decisionTookEffect does when DecisionTookEffect names the report's case
    runtimeService().createMessageCorrelation(ReportHandling.DECISION_MESSAGE).processInstanceId(pi.getId())
        .correlateAll();
    execute(job());
  }

  private static Date endOf(String day) {
    return Date.from(java.time.LocalDate.parse(day).plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
  }
}
