package org.yibaoflow.referral.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.yibaoflow.document.Document;
import org.yibaoflow.document.DocumentKind;
import org.yibaoflow.document.DocumentService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.referral.DossierChecklists;
import org.yibaoflow.referral.Referral;
import org.yibaoflow.referral.ReferralService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/referral.bpmn (R-VIO-11): returns by legal review and supervisor; accepted then
 * result; declined then sent again or closed; reminders at the region's interval until feedback arrives.
 */
@Deployment(resources = {"processes/referral.bpmn", "forms/referral-dossier.form", "forms/referral-legal-review.form",
    "forms/referral-approval.form", "forms/referral-transfer.form", "forms/referral-follow-up.form",
    "forms/referral-declined.form", "forms/referral-feedback.form"})
class ReferralProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  private static final String NO = "YS-2026-huaibei-000001";

  private final ReferralService service = mock(ReferralService.class);
  private final DossierChecklists checklists = mock(DossierChecklists.class);
  private final DocumentService documents = mock(DocumentService.class);
  /** The 文号 of the 移送函 the process generated at 办理移送 (issue 17). */
  private static final String LETTER_NO = "淮医保移〔2026〕1号";
  private int reminders;

  @BeforeEach
  void register() {
    Mocks.register("deadlines", Deadlines.withShippedArrangements(
        Clock.fixed(Instant.parse("2026-09-18T02:00:00Z"), WorkingDayCalendar.ZONE)));
    Mocks.register("registerReferralDelegate", new RegisterReferralDelegate(service, checklists));
    Mocks.register("recordTransferDelegate", new RecordTransferDelegate(service, documents));
    when(documents.latestOfProcess(anyString(), eq(DocumentKind.REFERRAL_LETTER))).thenReturn(letter(LETTER_NO));
    Mocks.register("recordReminderDelegate", new RecordReminderDelegate(service));
    Mocks.register("recordFeedbackDelegate", new RecordFeedbackDelegate(service));
    Mocks.register("closeReferralDelegate", new CloseReferralDelegate(service, new org.yibaoflow.referral.CloseReasons()));
    when(service.register(anyString(), any(), eq(Referral.Kind.JUDICIAL), eq("VIOLATION-2026-001"),
        eq("伪造住院病历骗取医保基金"))).thenReturn(referral(0));
    when(service.reminderIntervalDays(any())).thenReturn(30);
    when(checklists.items(Referral.Kind.JUDICIAL)).thenReturn(List.of(
        new DossierChecklists.Item("transfer-letter", "涉嫌犯罪案件移送书（移送函）")));
    when(service.recordReminder(eq(NO), anyString())).thenAnswer(i -> referral(++reminders));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void returnedByLegalAndSupervisorThenAcceptedAndConcludedWithAResult() {
    ProcessInstance pi = start();
    assertThat(pi).hasBusinessKey(NO).isWaitingAt("Task_PrepareDossier").task().hasCandidateGroup("caseworker");
    assertThat(runtimeService().getVariableTyped(pi.getId(), "dossierChecklist").toString()).contains("移送函");

    complete(task(), Map.of("receivingBody", "淮北市公安局"));
    assertThat(pi).isWaitingAt("Task_LegalReview").task().hasCandidateGroup("legal");
    complete(task(), Map.of("legalApproval", "RETURN", "returnComment", "缺询问笔录"));
    assertThat(pi).isWaitingAt("Task_PrepareDossier");
    complete(task());
    complete(task(), Map.of("legalApproval", "APPROVE"));
    assertThat(pi).isWaitingAt("Task_SupervisorApproval").task().hasCandidateGroup("supervisor");
    complete(task(), Map.of("supervisorApproval", "RETURN", "returnComment", "补充损失测算"));
    assertThat(pi).isWaitingAt("Task_PrepareDossier");
    approveAndTransfer();

    feedback(pi, "ACCEPTED", "已立案侦查");
    assertThat(pi).isWaitingAt("Task_RegisterFeedback");
    feedback(pi, "RESULT", "移送起诉");
    // returned by legal review, then by the supervisor; accepted, then the result
    assertThat(pi).isEnded().hasPassedInOrder("Task_LegalReview", "Task_PrepareDossier", "Task_LegalReview",
        "Task_SupervisorApproval", "Task_PrepareDossier", "Task_Transfer", "Task_RecordFeedback",
        "Task_RegisterFeedback", "Task_RecordFeedback", "EndEvent_Concluded");
    verify(service).recordTransfer(NO, "淮北市公安局", LocalDate.parse("2026-09-18"), "淮医保移〔2026〕1号");
    verify(service).recordFeedback(NO, Referral.FeedbackType.ACCEPTED, "已立案侦查", "feedback-1", null, null, null);
    verify(service).recordFeedback(NO, Referral.FeedbackType.RESULT, "移送起诉", "feedback-2", null, null, null);
  }

  @Test
  void declinedTransfersAreSentAgainOrClosed() {
    ProcessInstance pi = start();
    prepareAndApprove();
    approveAndTransfer();
    feedback(pi, "DECLINED", "不属于本机关管辖");
    assertThat(pi).isWaitingAt("Task_HandleDecline").task().hasCandidateGroup("caseworker");
    complete(task(), Map.of("declineDecision", "RESUBMIT"));
    assertThat(pi).isWaitingAt("Task_PrepareDossier").hasPassedInOrder("Task_HandleDecline", "Gateway_Resubmit",
        "Gateway_PrepareMerge");

    prepareAndApprove();
    approveAndTransfer();
    feedback(pi, "DECLINED", "证据不足");
    // issue 15: the reasons chosen from the list (R-VIO-11) and the explanation are recorded in words
    complete(task(), Map.of("declineDecision", "CLOSE", "closeReasons", java.util.List.of("EVIDENCE_UNAVAILABLE"),
        "closeReason", "经审查不再移送，转行政处理"));
    execute(job());
    assertThat(pi).isEnded().hasPassed("Task_CloseReferral", "EndEvent_Closed");
    verify(service).close(NO, "证据不足且无法补充。说明：经审查不再移送，转行政处理");
  }

  @Test
  void remindersAtTheRegionsIntervalUntilFeedbackArrivesDuringAFollowUp() {
    ProcessInstance pi = start();
    prepareAndApprove();
    approveAndTransfer();

    // 30 days after 2026-09-18 is Sunday 2026-10-18, a rest day: the reminder falls due Monday 2026-10-19 (R-TIME-2)
    assertThat(reminderTimer().getDuedate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-10-20T00:00:00+08:00").toInstant()));
    execute(reminderTimer());
    execute(job());
    assertThat(pi).isWaitingAt("Task_FollowUp").task().hasCandidateGroup("caseworker");
    complete(task(), Map.of("followUpNote", "电话联系，对方称正在审查"));
    assertThat(pi).isWaitingAt("Task_RegisterFeedback");

    execute(reminderTimer());
    execute(job());
    assertThat(pi).isWaitingAt("Task_FollowUp").variables().containsEntry("reminderCount", 2);
    feedback(pi, "RESULT", "已作出不起诉决定");

    assertThat(pi).isEnded().hasPassed("Event_FeedbackDuringFollowUp", "EndEvent_Concluded");
    verify(service).recordReminder(NO, "reminder-1");
    verify(service).recordReminder(NO, "reminder-2");
  }

  @Test
  void feedbackReceivedOnPaperIsRecordedFromTasklistWithItsDateAndNumberThenTheResultThroughTheApi() {
    ProcessInstance pi = start();
    prepareAndApprove();
    approveAndTransfer();
    // 登记移送反馈 waits for the feedback, due when the reminder falls due (R-VIO-11, region interval 30 days)
    assertThat(pi).isWaitingAt("Task_RegisterFeedback").task().hasCandidateGroup("caseworker");
    assertThat(task().getDueDate()).isEqualTo(reminderTimer().getDuedate());

    complete(task(), Map.of("feedbackType", "ACCEPTED", "feedbackReceivedOn", "2026-09-25",
        "feedbackDocumentNo", "淮公（经）立字〔2026〕12号", "feedbackContent", "已立案侦查"));
    assertThat(pi).isWaitingAt("Task_RecordFeedback");
    execute(job());
    verify(service).recordFeedback(NO, Referral.FeedbackType.ACCEPTED, "已立案侦查", "feedback-1",
        LocalDate.parse("2026-09-25"), "淮公（经）立字〔2026〕12号", null);
    // accepted: waiting again, a fresh reminder timer; the paper's date and number are not carried to the next answer
    assertThat(pi).isWaitingAt("Task_RegisterFeedback").hasNotPassed("Event_FeedbackReceived", "Event_ReminderDue");
    assertThat(runtimeService().getVariable(pi.getId(), "feedbackReceivedOn")).isNull();

    feedback(pi, "RESULT", "移送起诉");
    assertThat(pi).isEnded().hasPassed("Event_FeedbackReceived", "EndEvent_Concluded");
    verify(service).recordFeedback(NO, Referral.FeedbackType.RESULT, "移送起诉", "feedback-2", null, null, null);
  }

  private ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("referral", Map.of("referralKind", "JUDICIAL",
        "caseSummary", "伪造住院病历骗取医保基金", "subjectRef", "VIOLATION-2026-001"));
    assertThat(pi).isWaitingAt("Task_RegisterReferral");
    execute(job());
    return pi;
  }

  private static void prepareAndApprove() {
    complete(task(), Map.of("receivingBody", "淮北市公安局"));
    complete(task(), Map.of("legalApproval", "APPROVE"));
  }

  @Test
  void withoutAGeneratedLetterTheTransferIsRefusedWhateverLetterNoTheFormSent() {
    when(documents.latestOfProcess(anyString(), eq(DocumentKind.REFERRAL_LETTER))).thenReturn(null);
    ProcessInstance pi = start();
    prepareAndApprove();
    complete(task(), Map.of("supervisorApproval", "APPROVE"));
    complete(task(), Map.of("receivingBody", "淮北市公安局", "transferredOn", "2026-09-18", "letterNo", "淮医保移〔2026〕1号"));
    assertThatThrownBy(() -> execute(job())).isInstanceOfSatisfying(DomainRuleException.class,
        e -> assertThat(e.messageZh()).contains("没有系统生成的移送函"));
    assertThat(pi).isWaitingAt("Task_RecordTransfer");
    verify(service, never()).recordTransfer(any(), any(), any(), any());
  }

  static Document letter(String number) {
    return new Document(7L, "huaibei", NO, "VIOLATION-2026-001", "REFERRAL_LETTER", "Task_Transfer#1", number,
        "移送函-" + NO + ".docx", "0".repeat(64), "1".repeat(64), "pi", "zhangjing", null, null, null, null, null, null);
  }

  private static void approveAndTransfer() {
    if ("Task_PrepareDossier".equals(task().getTaskDefinitionKey())) {
      prepareAndApprove();
    }
    complete(task(), Map.of("supervisorApproval", "APPROVE"));
    assertThat(task()).hasCandidateGroup("caseworker").hasDefinitionKey("Task_Transfer");
    // a letterNo sent with the form is not the letter's: ignored, the generated letter's 文号 is recorded
    complete(task(), Map.of("receivingBody", "淮北市公安局", "transferredOn", "2026-09-18", "letterNo", "伪造〔2026〕99号"));
    execute(job());
    assertThat(runtimeService().createVariableInstanceQuery().variableName("letterNo").singleResult().getValue())
        .isEqualTo(LETTER_NO);
  }

  private static void feedback(ProcessInstance pi, String type, String content) {
    runtimeService().createMessageCorrelation("ReferralFeedback").processInstanceId(pi.getId())
        .setVariable("feedbackType", type).setVariable("feedbackContent", content).correlate();
    execute(job());
  }

  private static Job reminderTimer() {
    return managementService().createJobQuery().timers().activityId("Event_ReminderDue").singleResult();
  }

  private static Referral referral(int reminderCount) {
    return new Referral(1L, NO, "huaibei", Referral.Kind.JUDICIAL, "VIOLATION-2026-001", "伪造住院病历骗取医保基金",
        Referral.Status.TRANSFERRED, "淮北市公安局", LocalDate.parse("2026-09-18"), "淮医保移〔2026〕1号", reminderCount,
        null, "pi", null, null);
  }
}
