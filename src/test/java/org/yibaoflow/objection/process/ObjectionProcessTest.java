package org.yibaoflow.objection.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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
import org.yibaoflow.objection.FilingResult;
import org.yibaoflow.objection.Objection;
import org.yibaoflow.objection.ObjectionService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/objection.bpmn (R-PERS-12): no objection; upheld, changed, revoked at the agency;
 * a review returned by the supervisor; the second level at the administrative department. The windows are
 * timers computed by the calendar (R-TIME-1).
 */
@Deployment(resources = {"processes/objection.bpmn", "forms/objection-review.form", "forms/objection-approval.form",
    "forms/objection-administrative-decision.form", "forms/objection-filing.form"})
class ObjectionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  private static final String NO = "YY-2026-huaibei-000001";
  /** A Friday; 10 working days later crosses the Mid-Autumn (Sep 25-27) and National Day (Oct 1-7) holidays. */
  private static final LocalDate SERVED = LocalDate.parse("2026-09-18");

  private final ObjectionService service = mock(ObjectionService.class);

  @BeforeEach
  void register() {
    Clock clock = Clock.fixed(Instant.parse("2026-09-18T02:00:00Z"), WorkingDayCalendar.ZONE);
    Mocks.register("deadlines", Deadlines.withShippedArrangements(clock));
    Mocks.register("openObjectionWindowDelegate", new OpenObjectionWindowDelegate(service));
    Mocks.register("recordAgencyReviewDelegate", new RecordAgencyReviewDelegate(service));
    Mocks.register("recordAdministrativeDecisionDelegate", new RecordAdministrativeDecisionDelegate(service));
    Mocks.register("decisionBecomesFinalDelegate", new DecisionBecomesFinalDelegate(service));
    Mocks.register("recordObjectionFilingDelegate", new RecordObjectionFilingDelegate(service));
    when(service.open(anyString(), any(), eq("VIOLATION-2026-001"), eq("VIOLATION_DECISION"), eq("暂停结算 3 个月"),
        eq("淮北市某药房"), eq(SERVED))).thenReturn(objection(Objection.Status.WINDOW_OPEN, null, null, null));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void theWindowOfTenWorkingDaysEndsOnTheDayTheCalendarGivesAndTheDecisionBecomesFinal() {
    when(service.becomeFinal(NO)).thenReturn(objection(Objection.Status.FINAL, Objection.Outcome.NO_OBJECTION,
        "暂停结算 3 个月", null));
    ProcessInstance pi = startAndOpen();

    assertThat(pi).isWaitingAt("Task_RecordObjection").hasBusinessKey(NO);
    assertThat(pi).task().hasCandidateGroup("caseworker");
    // Sep 20 (declared working Sunday) .. Sep 24 = 5, Sep 28..30 = 8, Oct 8, Oct 9 = 10: the window ends with
    // Friday 2026-10-09, i.e. at 2026-10-10 00:00 Asia/Shanghai (R-TIME-1), though Saturday Oct 10 is a working day
    assertThat(timerJob("Event_WindowExpired").getDuedate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-10-10T00:00:00+08:00").toInstant()));

    // 登记异议 is due when the window ends (R-PERS-12), the caseworker reminded after 3 working days (product
    // default): Sep 20 (declared working Sunday), 21, 22 -> Sep 23 00:00
    assertThat(task().getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-10-10T00:00:00+08:00").toInstant()));
    assertThat(task().getFollowUpDate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-09-23T00:00:00+08:00").toInstant()));

    execute(timerJob("Event_WindowExpired"));
    execute(job());
    assertThat(pi).isEnded().hasPassed("Task_DecisionBecomesFinal", "EndEvent_DecisionFinal")
        .hasNotPassed("Task_ReviewObjection", "Task_RecordObjectionFiling");
    assertThat(pi).variables().containsEntry("objectionOutcome", "NO_OBJECTION")
        .containsEntry("effectiveDecision", "暂停结算 3 个月");
  }

  @Test
  void upheldByTheAgencyAndFinalWhenTheSecondWindowPasses() {
    agencyReview("UPHELD", null, objection(Objection.Status.SECOND_WINDOW_OPEN, Objection.Outcome.UPHELD,
        "暂停结算 3 个月", LocalDate.parse("2026-10-12")));
    ProcessInstance pi = runningInstance("UPHELD", null);

    // the second window counts from the day after the review was served (Mon 2026-10-12): ends Mon 2026-10-26
    assertThat(timerJob("Event_SecondWindowExpired").getDuedate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-10-27T00:00:00+08:00").toInstant()));
    when(service.becomeFinal(NO)).thenReturn(objection(Objection.Status.FINAL, Objection.Outcome.UPHELD,
        "暂停结算 3 个月", LocalDate.parse("2026-10-12")));
    execute(timerJob("Event_SecondWindowExpired"));
    execute(job());

    assertThat(pi).isEnded().hasPassed("Task_RecordReview", "Task_ReviewBecomesFinal", "EndEvent_ReviewFinal");
    assertThat(pi).variables().containsEntry("objectionOutcome", "UPHELD");
    verify(service).recordAgencyReview(NO, Objection.Outcome.UPHELD, null, "证据不足以推翻原决定");
  }

  @Test
  void changedByTheAgency() {
    agencyReview("CHANGED", "约谈并限期整改", objection(Objection.Status.SECOND_WINDOW_OPEN, Objection.Outcome.CHANGED,
        "约谈并限期整改", LocalDate.parse("2026-10-12")));
    ProcessInstance pi = runningInstance("CHANGED", "约谈并限期整改");
    assertThat(pi).variables().containsEntry("objectionOutcome", "CHANGED").containsEntry("effectiveDecision", "约谈并限期整改");
    verify(service).recordAgencyReview(NO, Objection.Outcome.CHANGED, "约谈并限期整改", "证据不足以推翻原决定");
  }

  @Test
  void revokedByTheAgencyLeavesNothingToExecute() {
    agencyReview("REVOKED", null, objection(Objection.Status.SECOND_WINDOW_OPEN, Objection.Outcome.REVOKED, null,
        LocalDate.parse("2026-10-12")));
    ProcessInstance pi = runningInstance("REVOKED", null);
    assertThat(pi).variables().containsEntry("objectionOutcome", "REVOKED");
    assertThat(runtimeService().getVariable(pi.getId(), "effectiveDecision")).isNull();
  }

  @Test
  void aReviewReturnedByTheSupervisorIsReviewedAgain() {
    ProcessInstance pi = startAndOpen();
    file(pi);
    complete(task(), review("UPHELD", null));
    assertThat(pi).isWaitingAt("Task_ApproveReview").task().hasCandidateGroup("supervisor");
    complete(task(), Map.of("reviewApproval", "RETURN", "approvalComment", "请补充证据核实情况"));

    assertThat(pi).isWaitingAt("Task_ReviewObjection").task().hasCandidateGroup("caseworker");
    assertThat(pi).hasPassed("Gateway_ReviewMerge").hasNotPassed("Task_RecordReview");
  }

  @Test
  void aSecondObjectionGoesToTheAdministrativeDepartmentWhoseDecisionIsFinal() {
    agencyReview("UPHELD", null, objection(Objection.Status.SECOND_WINDOW_OPEN, Objection.Outcome.UPHELD,
        "暂停结算 3 个月", LocalDate.parse("2026-10-12")));
    ProcessInstance pi = runningInstance("UPHELD", null);
    when(service.recordAdministrativeDecision(NO, Objection.Outcome.REVOKED, null, "事实认定不清"))
        .thenReturn(objection(Objection.Status.FINAL, Objection.Outcome.REVOKED, null, LocalDate.parse("2026-10-12")));

    runtimeService().createMessageCorrelation("ObjectionFiled").processInstanceId(pi.getId())
        .setVariable("objectionReasons", "复核未考虑新证据").correlate();
    assertThat(pi).isWaitingAt("Task_AdministrativeDecision").task().hasCandidateGroup("admindept");
    complete(task(), Map.of("adminOutcome", "REVOKED", "adminReasons", "事实认定不清"));
    execute(job());

    assertThat(pi).isEnded().hasPassed("Event_SecondObjectionFiled", "Task_RecordAdministrativeDecision",
        "EndEvent_AdministrativeDecisionFinal").hasNotPassed("Task_ReviewBecomesFinal");
    assertThat(pi).variables().containsEntry("objectionOutcome", "REVOKED");
  }

  @Test
  void anObjectionReceivedOnPaperIsRecordedInTasklistAsTheApiFilesItAndGoesToReview() {
    LocalDate received = LocalDate.parse("2026-09-25");
    when(service.fileReceived(NO, received, "处理依据适用错误", "异议书 1 份", null)).thenReturn(filed(Objection.Level.AGENCY));
    ProcessInstance pi = startAndOpen();

    complete(task(), paper("2026-09-25", "处理依据适用错误", "异议书 1 份"));
    assertThat(pi).isWaitingAt("Task_RecordObjectionFiling");
    execute(job());

    verify(service).fileReceived(NO, received, "处理依据适用错误", "异议书 1 份", null);
    assertThat(pi).isWaitingAt("Task_ReviewObjection").hasNotPassed("Event_ObjectionFiled", "Event_WindowExpired");
    assertThat(pi).variables().containsEntry("objectionReasons", "处理依据适用错误").containsEntry("objectionLevel", "AGENCY");
    assertThat(timerJob("Event_WindowExpired")).isNull();
  }

  @Test
  void anObjectionThroughTheApiEndsTheWaitingTaskOfTheCaseworker() {
    ProcessInstance pi = startAndOpen();
    file(pi);
    assertThat(pi).isWaitingAt("Task_ReviewObjection").hasPassed("Event_ObjectionFiled")
        .hasNotPassed("Task_RecordObjectionFiling");
    assertThat(BpmnAwareTests.taskQuery().taskDefinitionKey("Task_RecordObjection").count()).isZero();
  }

  @Test
  void anObjectionToTheAdministrativeDepartmentReceivedOnPaperIsRecordedInTasklist() {
    agencyReview("UPHELD", null, objection(Objection.Status.SECOND_WINDOW_OPEN, Objection.Outcome.UPHELD,
        "暂停结算 3 个月", LocalDate.parse("2026-10-12")));
    ProcessInstance pi = runningInstance("UPHELD", null);
    // due when the second window ends: Mon 2026-10-26 24:00 (R-PERS-12)
    assertThat(task().getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-10-27T00:00:00+08:00").toInstant()));
    assertThat(pi).task().hasCandidateGroup("caseworker");
    when(service.fileReceived(NO, LocalDate.parse("2026-10-20"), "复核未考虑新证据", null, null))
        .thenReturn(filed(Objection.Level.ADMIN));

    complete(task(), paper("2026-10-20", "复核未考虑新证据", null));
    execute(job());

    assertThat(pi).isWaitingAt("Task_AdministrativeDecision").hasPassed("Task_RecordSecondFiling")
        .hasNotPassed("Event_SecondObjectionFiled", "Event_SecondWindowExpired");
    assertThat(pi).task().hasCandidateGroup("admindept");
    assertThat(pi).variables().containsEntry("objectionLevel", "ADMIN");
  }

  private static Map<String, Object> paper(String receivedOn, String reasons, String evidence) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("objectionReceivedOn", receivedOn);
    vars.put("objectionReasons", reasons);
    vars.put("objectionEvidence", evidence);
    return vars;
  }

  private static FilingResult filed(Objection.Level level) {
    return new FilingResult(NO, true, false, level, LocalDate.parse("2026-10-09"), Instant.parse("2026-10-09T16:00:00Z"),
        null);
  }

  private void agencyReview(String outcome, String changed, Objection result) {
    when(service.recordAgencyReview(NO, Objection.Outcome.valueOf(outcome), changed, "证据不足以推翻原决定"))
        .thenReturn(result);
  }

  /** Objection filed, reviewed as given, approved, review recorded: waiting in the second window. */
  private ProcessInstance runningInstance(String outcome, String changed) {
    ProcessInstance pi = startAndOpen();
    file(pi);
    assertThat(pi).isWaitingAt("Task_ReviewObjection");
    complete(task(), review(outcome, changed));
    complete(task(), Map.of("reviewApproval", "APPROVE"));
    execute(job());
    assertThat(pi).isWaitingAt("Task_RecordSecondObjection")
        .hasPassed("Task_RecordReview");
    return pi;
  }

  private static Map<String, Object> review(String outcome, String changed) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("reviewOutcome", outcome);
    vars.put("changedDecision", changed);
    vars.put("reviewReasons", "证据不足以推翻原决定");
    return vars;
  }

  private ProcessInstance startAndOpen() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("objection", Map.of("decisionType",
        "VIOLATION_DECISION", "decision", "暂停结算 3 个月", "party", "淮北市某药房", "noticeServedOn", "2026-09-18",
        "subjectRef", "VIOLATION-2026-001"));
    assertThat(pi).isWaitingAt("Task_OpenWindow");
    execute(job());
    return pi;
  }

  private static void file(ProcessInstance pi) {
    runtimeService().createMessageCorrelation("ObjectionFiled").processInstanceId(pi.getId())
        .setVariable("objectionReasons", "处理依据适用错误").correlate();
  }

  private static Job timerJob(String activityId) {
    return managementService().createJobQuery().timers().activityId(activityId).singleResult();
  }

  private static Objection objection(Objection.Status status, Objection.Outcome outcome, String effective,
      LocalDate reviewServedOn) {
    return new Objection(1L, NO, "huaibei", "VIOLATION-2026-001", "VIOLATION_DECISION", "暂停结算 3 个月", "淮北市某药房",
        SERVED, 10, reviewServedOn, status, outcome, effective, "理由", null, "pi", null, null);
  }
}
