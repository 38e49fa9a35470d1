package org.yibaoflow.designation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.yibaoflow.designation.DesignationApplication;
import org.yibaoflow.designation.DesignationRecords;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.designation.EvaluationService;
import org.yibaoflow.designation.ComplaintReceipt;
import org.yibaoflow.designation.SupplementReceipt;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.designation.SigningService;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Drives every path of processes/designation.bpmn (with the real public-notice as its call activity):
 * ineligible, incomplete then supplemented, incomplete then lapsed, fail (never re-evaluated), fail-rectify-
 * pass, fail twice, complaint unfounded, complaint founded, negotiation breakdown, signed, and the
 * evaluation escalation timers. Coverage in target/process-test-coverage.
 */
@Deployment(resources = {"processes/designation.bpmn", "processes/public-notice.bpmn",
    "forms/designation-application.form", "forms/designation-acceptance.form",
    "forms/designation-expert-evaluation.form", "forms/designation-inquiry-reply.form",
    "forms/designation-evaluation-escalation.form", "forms/designation-negotiation.form",
    "forms/designation-institution-signature.form", "forms/designation-agency-signature.form",
    "forms/public-notice-complaint-verification.form", "forms/public-notice-complaint-registration.form",
    "forms/designation-supplement.form"})
class DesignationProcessTest {

  static final String NO = "DA-2026-huaibei-000001";
  /** Tuesday 2026-09-22, 10:00 Asia/Shanghai. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-22T02:00:00Z"), WorkingDayCalendar.ZONE);
  private static final Deadlines DEADLINES = Deadlines.withShippedArrangements(CLOCK);
  private static final List<String> DEPARTMENTS = List.of("HEALTH", "MARKET");

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  private final DesignationService service = mock(DesignationService.class);
  private final EvaluationService evaluation = mock(EvaluationService.class);
  private final PublicNoticeService notice = mock(PublicNoticeService.class);
  private final SigningService signing = mock(SigningService.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("registerApplicationDelegate", new RegisterApplicationDelegate(service));
    Mocks.register("recordAcceptanceDelegate", new RecordAcceptanceDelegate(service));
    Mocks.register("checkEligibilityDelegate", new CheckEligibilityDelegate(service));
    Mocks.register("requestSupplementDelegate", new RequestSupplementDelegate(service));
    Mocks.register("recordSupplementDelegate", new RecordSupplementDelegate(service));
    Mocks.register("closeLapsedApplicationDelegate", new CloseLapsedApplicationDelegate(service));
    Mocks.register("systemCheckDelegate", new SystemCheckDelegate(service));
    Mocks.register("recordEvaluationDelegate", new RecordEvaluationDelegate(service));
    Mocks.register("startEvaluationDelegate", new StartEvaluationDelegate(evaluation));
    Mocks.register("recordInquiryReplyDelegate", new RecordInquiryReplyDelegate(evaluation));
    Mocks.register("notifyFailureDelegate", new NotifyFailureDelegate(evaluation));
    Mocks.register("recordReEvaluationRequestDelegate", new RecordReEvaluationRequestDelegate(evaluation));
    Mocks.register("closeNotReEvaluatedDelegate", new CloseNotReEvaluatedDelegate(evaluation));
    Mocks.register("barApplicationsDelegate", new BarApplicationsDelegate(evaluation));
    Mocks.register("publishNoticeDelegate", new PublishNoticeDelegate(notice));
    Mocks.register("registerComplaintDelegate", new RegisterComplaintDelegate(notice));
    Mocks.register("recordVerificationDelegate", new RecordVerificationDelegate(notice));
    Mocks.register("closeNoticeDelegate", new CloseNoticeDelegate(notice));
    Mocks.register("failByComplaintDelegate", new FailByComplaintDelegate(notice));
    Mocks.register("recordNegotiationRoundDelegate", new RecordNegotiationRoundDelegate(signing));
    Mocks.register("signOnlineDelegate", new SignOnlineDelegate(signing));
    Mocks.register("taskCompletedByListener", new TaskCompletedByListener());
    Mocks.register("recordEscalationListener", new RecordEscalationListener(evaluation));
    Mocks.register("deadlines", DEADLINES);
    when(service.systemCheck(NO)).thenReturn(true);
    when(service.requestSupplement(NO)).thenReturn(30);
    when(service.completenessReviewPeriod("huaibei")).thenReturn(5);
    when(service.register(any(), eq("淮北市人民医院"), eq("HOSPITAL"), eq("91340600MA2MTQ3R9A"), anyString(), any(), any()))
        .thenReturn(application());
    when(service.checkEligibility(NO)).thenReturn(true);
    when(service.recordAcceptance(eq(NO), eq(true), any(), eq(DEPARTMENTS))).thenReturn(DEPARTMENTS);
    when(service.recordAcceptance(eq(NO), eq(false), anyString(), eq(List.of()))).thenReturn(List.of());
    when(evaluation.startEvaluation(NO)).thenReturn(clock(1));
    when(notice.publish(NO)).thenReturn(5);
    when(notice.today()).thenReturn(LocalDate.of(2026, 9, 22));
    when(service.today()).thenReturn(LocalDate.of(2026, 9, 22));
    Mocks.register("forwardComplaintDelegate", new ForwardComplaintDelegate(notice));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  // ---------------------------------------------------------------- eligibility and completeness

  @Test
  void anIneligibleApplicantIsRefusedAtOnce() {
    // R-DES-1, R-VIO-9: the service records the refusal with its rule; the process ends without a review
    when(service.checkEligibility(NO)).thenReturn(false);
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("Task_RegisterApplication");
    executeJobs(pi, "Task_RegisterApplication");

    assertThat(pi).isEnded().hasPassed("Task_CheckEligibility", "EndEvent_Refused")
        .hasNotPassed("Task_ReviewCompleteness");
    verify(service).checkEligibility(NO);
  }

  @Test
  void theReviewIsDueInTheRegionsCompletenessReviewPeriod() {
    // R-DES-1: the region's period (here 4 working days) is read when the application is registered
    when(service.completenessReviewPeriod("huaibei")).thenReturn(4);
    ProcessInstance pi = startAndRegister();
    Task review = taskQuery().singleResult();
    assertThat(review).hasCandidateGroup("caseworker");
    // Tuesday 2026-09-22 + 4 working days skips the weekend and Mid-Autumn (Sep 25-27 per the 2026 arrangement):
    // Sep 23, 24, 28, 29: due at the end of Tuesday 2026-09-29
    assertThat(review.getDueDate()).isEqualTo(DEADLINES.workingDays(4))
        .isEqualTo(java.util.Date.from(java.time.LocalDate.of(2026, 9, 30).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
    assertThat(pi).isWaitingAt("Task_ReviewCompleteness");
  }

  @Test
  void incompleteMaterialIsToldOnceThenSupplementedAndReviewedAgain() {
    ProcessInstance pi = startAndRegister();

    complete(taskQuery().singleResult(), Map.of("acceptanceResult", "INCOMPLETE", "missingMaterials", "执业许可证副本；房屋产权证明"));
    executeJobs(pi, "Task_RecordAcceptance");
    assertThat(pi).isWaitingAt("Task_RegisterSupplement").variables().containsEntry("supplementDays", 30);
    verify(service).recordAcceptance(NO, false, "执业许可证副本；房屋产权证明", List.of());
    verify(service).requestSupplement(NO);

    // another system's supplement (the API's message) interrupts the caseworker's waiting task
    runtimeService().createMessageCorrelation("ApplicationSupplemented").processInstanceBusinessKey(NO)
        .setVariable("suppliedMaterials", "[\"执业许可证副本\",\"房屋产权证明\"]")
        .setVariable("supplementReceivedOn", "2026-09-22").correlate();
    assertThat(pi).isWaitingAt("Task_RecordSupplement");
    executeJobs(pi, "Task_RecordSupplement");
    verify(service).recordSupplement(NO, new SupplementReceipt(List.of("执业许可证副本", "房屋产权证明"),
        LocalDate.of(2026, 9, 22), null));

    assertThat(pi).isWaitingAt("Task_ReviewCompleteness");
    accept(pi);
    assertThat(pi).hasPassed("Event_Supplemented", "Gateway_EvaluationFork").hasNotPassed("EndEvent_Lapsed")
        .isWaitingAt("Task_ExpertEvaluation", "Task_SystemCheck", "Task_InquiryReply");
  }

  @Test
  void aSupplementHandedInOnPaperIsRecordedInTasklistAndTheReviewShowsIt() {
    ProcessInstance pi = startAndRegister();
    complete(taskQuery().singleResult(), Map.of("acceptanceResult", "INCOMPLETE", "missingMaterials", "执业许可证副本；房屋产权证明"));
    executeJobs(pi, "Task_RecordAcceptance");

    // R-DES-1, R-TIME-2: the caseworker's waiting task is due when the 30-day period ends (Thursday 2026-10-22,
    // 24:00 Asia/Shanghai), the same moment the period's timer closes it; followed up after 5 working days
    Task waiting = taskQuery().taskDefinitionKey("Task_RegisterSupplement").singleResult();
    assertThat(waiting).hasCandidateGroup("caseworker").hasName("登记补正材料");
    assertThat(waiting.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-10-22T16:00:00Z")))
        .isEqualTo(timers(pi).get(0).getDuedate());
    assertThat(waiting.getFollowUpDate()).isEqualTo(DEADLINES.workingDays(5));

    complete(waiting, Map.of("suppliedMaterials", List.of("执业许可证副本"), "supplementReceivedOn", "2026-09-22",
        "supplementNote", "房屋产权证明仍在办理"));
    executeJobs(pi, "Task_RecordSupplement");

    SupplementReceipt receipt = new SupplementReceipt(List.of("执业许可证副本"), LocalDate.of(2026, 9, 22),
        "房屋产权证明仍在办理");
    verify(service).recordSupplement(NO, receipt);
    // back to the completeness review, which shows what arrived; the receipt's fields are cleared
    assertThat(pi).hasPassed("Task_RegisterSupplement", "Gateway_SupplementMerge").hasNotPassed("Event_Supplemented")
        .isWaitingAt("Task_ReviewCompleteness").variables()
        .containsEntry("supplementSummary", "2026-09-22 收到：执业许可证副本；说明：房屋产权证明仍在办理")
        .doesNotContainKeys("suppliedMaterials", "supplementReceivedOn", "supplementNote");
    assertThat(timers(pi)).as("the period's timer is gone with the task").isEmpty();
  }

  @Test
  void anUnsupplementedApplicationLapsesWhenThePeriodEnds() {
    ProcessInstance pi = startAndRegister();
    complete(taskQuery().singleResult(), Map.of("acceptanceResult", "INCOMPLETE", "missingMaterials", "营业执照副本"));
    executeJobs(pi, "Task_RecordAcceptance");

    // R-TIME-2: 30 days after Tuesday 2026-09-22 is Thursday 2026-10-22, a working day: 24:00 Asia/Shanghai
    Job timer = timers(pi).get(0);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-10-22T16:00:00Z")));
    managementService().executeJob(timer.getId());
    assertThat(pi).isWaitingAt("Task_CloseLapsed");
    executeJobs(pi, "Task_CloseLapsed");

    assertThat(pi).isEnded().hasPassed("Event_SupplementLapsed", "EndEvent_Lapsed")
        .hasNotPassed("Task_StartEvaluation");
    verify(service).closeLapsed(NO);
  }

  // ---------------------------------------------------------------- evaluation

  @Test
  void theEvaluationRunsExpertSystemCheckAndOneInquiryPerDepartmentUnderItsTimeLimit() {
    ProcessInstance pi = startAndRegister();
    accept(pi);

    // R-DES-2: three parts in parallel, one inquiry task per selected department
    assertThat(pi).isWaitingAt("Task_ExpertEvaluation", "Task_SystemCheck", "Task_InquiryReply");
    assertThat(taskQuery().taskDefinitionKey("Task_ExpertEvaluation").singleResult()).hasCandidateGroup("expert");
    List<Task> inquiries = taskQuery().taskDefinitionKey("Task_InquiryReply").list();
    assertThat(inquiries).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup("caseworker"));
    assertThat(inquiries.stream().map(t -> runtimeService().getVariable(t.getExecutionId(), "inquiryDepartment")))
        .containsExactlyInAnyOrder("HEALTH", "MARKET");
    assertThat(inquiries.get(0).getDueDate()).isEqualTo(DEADLINES.workingDays(15));

    // R-DES-2: 3 months from Tuesday 2026-09-22 = Tuesday 2026-12-22 (24:00); alert 10 working days before
    // the deadline day, at the end of Tuesday 2026-12-08
    assertThat(dueDates(pi)).containsExactlyInAnyOrder(Date.from(Instant.parse("2026-12-08T16:00:00Z")),
        Date.from(Instant.parse("2026-12-22T16:00:00Z")));
    assertThat(pi).variables().containsEntry("evaluationRound", 1);
  }

  @Test
  void theSupervisorIsAlertedWhenTheLimitNearsAndWhenItPassesWhileTheEvaluationGoesOn() {
    ProcessInstance pi = startAndRegister();
    accept(pi);

    Job warning = timerDueAt(pi, "2026-12-08T16:00:00Z");
    managementService().executeJob(warning.getId());
    Task alert = taskQuery().taskDefinitionKey("Task_EscalateEvaluationWarning").singleResult();
    assertThat(alert).hasCandidateGroup("supervisor").hasName("评估时限临近督办");
    assertThat(alert.getDueDate()).isEqualTo(DEADLINES.workingDays(3));
    complete(alert, Map.of("supervisionNote", "已督促专家本周内完成评分"));

    Job overdue = timerDueAt(pi, "2026-12-22T16:00:00Z");
    managementService().executeJob(overdue.getId());
    Task late = taskQuery().taskDefinitionKey("Task_EscalateEvaluationOverdue").singleResult();
    assertThat(late).hasCandidateGroup("supervisor");
    complete(late, Map.of("supervisionNote", "超时原因：部门复函未到，已电话催办"));

    // both notes are audited on the application
    verify(evaluation).recordEscalation(NO, false, "已督促专家本周内完成评分");
    verify(evaluation).recordEscalation(NO, true, "超时原因：部门复函未到，已电话催办");
    // non-interrupting: the evaluation still waits for its three parts
    assertThat(pi).hasPassed("EndEvent_WarningEscalated", "EndEvent_OverdueEscalated")
        .isWaitingAt("Task_ExpertEvaluation", "Task_SystemCheck", "Task_InquiryReply");
  }

  @Test
  void aFailedEvaluationIsToldAndClosedWhenNoReEvaluationIsAskedFor() {
    ProcessInstance pi = startAndRegister();
    accept(pi);
    Date closesAt = Date.from(Instant.parse("2027-03-23T16:00:00Z"));
    when(evaluation.notifyFailure(NO, "FAIL", "医保管理制度不健全", true, "建立医保管理制度"))
        .thenReturn(failure(1, closesAt));

    evaluate(pi, "FAIL", true, false);
    executeJobs(pi, "Task_NotifyFailure");

    assertThat(pi).isWaitingAt("Gateway_AwaitReEvaluation").variables()
        .containsEntry("failureReason", "评估未通过（第 1 轮）：专家评估不通过");
    assertThat(timers(pi)).extracting(Job::getDuedate).containsExactly(closesAt);
    managementService().executeJob(timers(pi).get(0).getId());
    executeJobs(pi, "Task_CloseNotReEvaluated");

    assertThat(pi).isEnded().hasPassed("Event_ReEvaluationNotRequested", "EndEvent_NotReEvaluated")
        .hasNotPassed("CallActivity_PublicNotice", "Task_BarApplications");
    verify(evaluation).closeNotReEvaluated(NO);
  }

  @Test
  void afterRectificationAReEvaluationPassesAndTheAgreementIsSigned() {
    ProcessInstance pi = startAndRegister();
    accept(pi);
    when(evaluation.notifyFailure(eq(NO), eq("FAIL"), any(), eq(true), any()))
        .thenReturn(failure(1, Date.from(Instant.parse("2027-03-23T16:00:00Z"))));
    evaluate(pi, "FAIL", true, false);
    executeJobs(pi, "Task_NotifyFailure");

    reEvaluate(pi);
    evaluate(pi, "PASS", true, true);
    assertThat(pi).variables().containsEntry("evaluationRound", 2);
    passNotice(pi);
    negotiate(pi, "AGREED", 1);
    sign(pi);

    assertThat(pi).isEnded().hasPassed("Event_ReEvaluationRequested", "Task_RecordReEvaluationRequest",
        "EndEvent_Designated").hasNotPassed("Task_BarApplications", "EndEvent_NotReEvaluated");
  }

  @Test
  void aSecondFailureBarsNewApplications() {
    ProcessInstance pi = startAndRegister();
    accept(pi);
    when(evaluation.notifyFailure(eq(NO), eq("FAIL"), any(), eq(true), any()))
        .thenReturn(failure(1, Date.from(Instant.parse("2027-03-23T16:00:00Z"))))
        .thenReturn(failure(2, Date.from(Instant.parse("2027-03-23T16:00:00Z"))));
    when(evaluation.bar(NO)).thenReturn(new DesignationRecords.Bar(1L, NO, "huaibei", "91340600MA2MTQ3R9A",
        LocalDate.of(2026, 9, 22), LocalDate.of(2027, 9, 22), "R-DES-1"));
    evaluate(pi, "FAIL", true, false);
    executeJobs(pi, "Task_NotifyFailure");
    reEvaluate(pi);
    evaluate(pi, "FAIL", true, false);
    executeJobs(pi, "Task_NotifyFailure");
    executeJobs(pi, "Task_BarApplications");

    assertThat(pi).isEnded().hasPassed("Task_BarApplications", "EndEvent_Barred")
        .hasNotPassed("CallActivity_PublicNotice").variables().containsEntry("barredUntil", "2027-09-22");
    verify(evaluation).bar(NO);
  }

  // ---------------------------------------------------------------- notice, negotiation, signing

  @Test
  void anUnfoundedComplaintIsVerifiedBeforeNegotiationAndSigning() {
    ProcessInstance pi = startAndRegister();
    accept(pi);
    evaluate(pi, "PASS", true, true);
    ProcessInstance np = noticeOf(pi);
    executeJobs(np, "Task_PublishNotice");
    when(notice.registerComplaint(eq(NO), anyString(),
        eq(new ComplaintReceipt("李某", null, "药师不在岗", null)), anyString()))
        .thenReturn(new PublicNoticeService.Registered(3L, 1));
    when(notice.verifyComplaint(3L, false, "药师在岗，排班表核实无误", null)).thenReturn(0);
    runtimeService().createMessageCorrelation("ComplaintReceived").processInstanceBusinessKey(NO)
        .setVariablesLocal(Map.of("complainant", "李某", "complaintContent", "药师不在岗")).correlate();
    // R-DES-3: the period is over but the complaint is unverified: no negotiation yet
    expireNotice(np);
    assertThat(np).isWaitingAt("Event_NoComplaintOpen", "Task_VerifyComplaint");
    assertThat(pi).isWaitingAt("CallActivity_PublicNotice");

    complete(taskQuery().taskDefinitionKey("Task_VerifyComplaint").singleResult(),
        Map.of("complaintConclusion", "UNFOUNDED", "verificationFinding", "药师在岗，排班表核实无误"));
    executeJobs(np, "Task_RecordVerification");
    executeJobs(np, "Task_CloseNotice");
    assertThat(pi).isWaitingAt("Task_Negotiate");
    negotiate(pi, "CONTINUE", 1);
    negotiate(pi, "AGREED", 2);
    sign(pi);

    assertThat(pi).isEnded().hasPassed("Gateway_NegotiationMerge", "EndEvent_Designated")
        .variables().containsEntry("agreementId", 42L).containsEntry("negotiationRound", 2);
    verify(notice).verifyComplaint(3L, false, "药师在岗，排班表核实无误", null);
  }

  @Test
  void aFoundedComplaintFailsTheApplicationWithItsReason() {
    ProcessInstance pi = startAndRegister();
    accept(pi);
    evaluate(pi, "PASS", true, true);
    ProcessInstance np = noticeOf(pi);
    executeJobs(np, "Task_PublishNotice");
    when(notice.registerComplaint(eq(NO), anyString(),
        eq(new ComplaintReceipt(null, null, "冒名顶替参保人住院", null)), anyString()))
        .thenReturn(new PublicNoticeService.Registered(4L, 1));
    when(notice.verifyComplaint(4L, true, "经调查属实", null)).thenReturn(0);
    when(notice.failByComplaint(NO, 4L)).thenReturn("公示期间投诉经核实属实，不予定点：经调查属实");
    runtimeService().createMessageCorrelation("ComplaintReceived").processInstanceBusinessKey(NO)
        .setVariablesLocal(Map.of("complainant", "", "complaintContent", "冒名顶替参保人住院")).correlate();
    complete(taskQuery().taskDefinitionKey("Task_VerifyComplaint").singleResult(),
        Map.of("complaintConclusion", "FOUNDED", "verificationFinding", "经调查属实"));
    executeJobs(np, "Task_RecordVerification");
    executeJobs(np, "Task_FailByComplaint");

    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintFounded").hasNotPassed("Task_Negotiate")
        .variables().containsEntry("noticePassed", false)
        .containsEntry("noticeFailureReason", "公示期间投诉经核实属实，不予定点：经调查属实");
  }

  @Test
  void aNegotiationBreakdownEndsWithoutAgreement() {
    ProcessInstance pi = startAndRegister();
    accept(pi);
    evaluate(pi, "PASS", true, true);
    passNotice(pi);
    negotiate(pi, "BROKEN_DOWN", 1);

    assertThat(pi).isEnded().hasPassed("EndEvent_NegotiationBrokenDown").hasNotPassed("Task_InstitutionSignature");
    verify(signing, never()).signOnline(any(), any(), any(), any());
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("designation", Map.of(
        "institutionName", "淮北市人民医院", "institutionType", "HOSPITAL", "creditCode", "91340600MA2MTQ3R9A"));
  }

  private ProcessInstance startAndRegister() {
    ProcessInstance pi = start();
    // registration runs after an async continuation: the start transaction only records the request
    assertThat(pi).isWaitingAt("Task_RegisterApplication");
    executeJobs(pi, "Task_RegisterApplication");
    assertThat(pi).hasBusinessKey(NO).hasPassed("Task_CheckEligibility")
        .variables().containsEntry("applicationNo", NO).containsEntry("eligible", true);
    return pi;
  }

  /** Complete material, inquiries to 卫生健康 and 市场监管; the evaluation round starts. */
  private void accept(ProcessInstance pi) {
    complete(taskQuery().taskDefinitionKey("Task_ReviewCompleteness").singleResult(),
        Map.of("acceptanceResult", "COMPLETE", "inquiryDepartments", DEPARTMENTS));
    executeJobs(pi, "Task_RecordAcceptance");
    verify(service).recordAcceptance(eq(NO), eq(true), any(), eq(DEPARTMENTS));
    executeJobs(pi, "Task_StartEvaluation");
  }

  /** The three parts of a round; the expert's result, the system check, the departments (adverse or not). */
  private void evaluate(ProcessInstance pi, String expertResult, boolean systemCheck, boolean passed) {
    when(service.systemCheck(NO)).thenReturn(systemCheck);
    when(service.recordEvaluation(NO, 85, expertResult, "FAIL".equals(expertResult) ? "医保管理制度不健全" : "符合评估标准",
        systemCheck)).thenReturn(passed);
    executeJobs(pi, "Task_SystemCheck");
    Map<String, Object> scored = new HashMap<>(Map.of("expertScore", 85, "expertResult", expertResult,
        "expertOpinion", "FAIL".equals(expertResult) ? "医保管理制度不健全" : "符合评估标准"));
    if ("FAIL".equals(expertResult)) {
      scored.put("rectificationAdvice", "建立医保管理制度");
    }
    complete(taskQuery().taskDefinitionKey("Task_ExpertEvaluation").singleResult(), scored);
    for (Task inquiry : taskQuery().taskDefinitionKey("Task_InquiryReply").list()) {
      complete(inquiry, Map.of("inquiryReply", "无违法违规记录", "inquiryConclusion", "NONE"));
    }
    int round = (Integer) runtimeService().getVariable(pi.getId(), "evaluationRound");
    executeJobs(pi, "Task_RecordInquiryReply");
    verify(evaluation).recordInquiryReply(NO, round, "HEALTH", "无违法违规记录", false, null);
    verify(evaluation).recordInquiryReply(NO, round, "MARKET", "无违法违规记录", false, null);
    assertThat(pi).isWaitingAt("Task_RecordEvaluation");
    executeJobs(pi, "Task_RecordEvaluation");
  }

  private void reEvaluate(ProcessInstance pi) {
    when(evaluation.startEvaluation(NO)).thenReturn(clock(2));
    runtimeService().createMessageCorrelation("ReEvaluationRequested").processInstanceBusinessKey(NO).correlate();
    executeJobs(pi, "Task_RecordReEvaluationRequest");
    executeJobs(pi, "Task_StartEvaluation");
    verify(evaluation).recordReEvaluationRequest(NO);
    org.mockito.Mockito.clearInvocations(evaluation);
  }

  private ProcessInstance noticeOf(ProcessInstance pi) {
    ProcessInstance np = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .singleResult();
    assertThat(np).hasBusinessKey(NO).hasProcessDefinitionKey("public-notice");
    return np;
  }

  /** R-DES-3: no complaint; the notice period runs out and the notice ends. */
  private void passNotice(ProcessInstance pi) {
    ProcessInstance np = noticeOf(pi);
    executeJobs(np, "Task_PublishNotice");
    assertThat(timers(np)).extracting(Job::getDuedate).containsOnly(DEADLINES.workingDays(5));
    expireNotice(np);
    executeJobs(np, "Task_CloseNotice");
    assertThat(np).isEnded();
    assertThat(pi).isWaitingAt("Task_Negotiate");
  }

  private void negotiate(ProcessInstance pi, String outcome, int round) {
    when(signing.recordRound(eq(NO), eq(round), any(), any())).thenReturn(outcome);
    Task task = taskQuery().taskDefinitionKey("Task_Negotiate").singleResult();
    assertThat(task).hasCandidateGroup("caseworker");
    complete(task, Map.of("serviceContent", "住院、门诊服务", "paymentMethod", "按病种分值付费",
        "settlementStandard", "按市医保结算办法", "negotiationMinutes", "第" + round + "轮纪要",
        "participants", "张静；机构院长", "negotiationOutcome", outcome));
    executeJobs(pi, "Task_RecordNegotiationRound");
    verify(signing).recordRound(NO, round, new SigningService.Round("住院、门诊服务", "按病种分值付费", "按市医保结算办法",
        "第" + round + "轮纪要", "张静；机构院长", outcome), null);
  }

  private void sign(ProcessInstance pi) {
    when(signing.signOnline(NO, "王院长", "陈敏", pi.getId())).thenReturn(new Agreement(42L, 7L, "huaibei",
        LocalDate.of(2026, 9, 22), LocalDate.of(2027, 9, 21), AgreementState.ACTIVE, 0, null, 0L, null));
    Task institution = taskQuery().taskDefinitionKey("Task_InstitutionSignature").singleResult();
    assertThat(institution).hasCandidateGroup("caseworker");
    complete(institution, Map.of("institutionSigner", "王院长", "institutionSignedOnline", true));
    Task agency = taskQuery().taskDefinitionKey("Task_AgencySignature").singleResult();
    assertThat(agency).hasCandidateGroup("supervisor");
    complete(agency, Map.of("agencySigner", "陈敏", "agencySignedOnline", true));
    executeJobs(pi, "Task_SignOnline");
    verify(signing).signOnline(NO, "王院长", "陈敏", pi.getId());
  }

  private static DesignationRecords.EvaluationStart clock(int round) {
    return EvaluationService.evaluationClock(DEADLINES, round, LocalDate.of(2026, 9, 22), 3, 10);
  }

  private static DesignationRecords.Failure failure(int round, Date closesAt) {
    return new DesignationRecords.Failure(round, "评估未通过（第 " + round + " 轮）：专家评估不通过", "建立医保管理制度",
        LocalDate.of(2026, 12, 23), LocalDate.of(2027, 3, 23), closesAt);
  }

  private static void executeJobs(ProcessInstance pi, String activityId) {
    List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
    assertThat(jobs).as("jobs at " + activityId).isNotEmpty();
    jobs.forEach(j -> managementService().executeJob(j.getId()));
  }

  /** The notice period is over: its timer and the complaint desk's (登记公示期间投诉) fire. */
  private static void expireNotice(ProcessInstance np) {
    for (Job timer : timers(np)) {
      managementService().executeJob(timer.getId());
    }
  }

  private static List<Job> timers(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
  }

  private static List<Date> dueDates(ProcessInstance pi) {
    return timers(pi).stream().map(Job::getDuedate).toList();
  }

  private static Job timerDueAt(ProcessInstance pi, String instant) {
    return timers(pi).stream().filter(j -> j.getDuedate().equals(Date.from(Instant.parse(instant)))).findFirst()
        .orElseThrow();
  }

  private static DesignationApplication application() {
    return new DesignationApplication(1L, NO, "huaibei", "淮北市人民医院", "HOSPITAL", "91340600MA2MTQ3R9A",
        "pi", DesignationApplication.STATUS_RECEIVED, null, null, null, null, null, null);
  }
}
