package org.yibaoflow.designation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
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
import org.yibaoflow.designation.ComplaintReceipt;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.platform.DomainRuleException;

/** Drives every path of processes/public-notice.bpmn (R-DES-3). */
@Deployment(resources = {"processes/public-notice.bpmn", "forms/public-notice-complaint-verification.form",
    "forms/public-notice-complaint-registration.form"})
class PublicNoticeProcessTest {

  static final String NO = "DA-2026-huaibei-000001";
  /** Tuesday 2026-09-22, 10:00 Asia/Shanghai. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-22T02:00:00Z"), WorkingDayCalendar.ZONE);

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = org.yibaoflow.support.ProcessTestEngine.extension();

  private final PublicNoticeService service = mock(PublicNoticeService.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("publishNoticeDelegate", new PublishNoticeDelegate(service));
    Mocks.register("registerComplaintDelegate", new RegisterComplaintDelegate(service));
    Mocks.register("recordVerificationDelegate", new RecordVerificationDelegate(service));
    Mocks.register("closeNoticeDelegate", new CloseNoticeDelegate(service));
    Mocks.register("failByComplaintDelegate", new FailByComplaintDelegate(service));
    Mocks.register("taskCompletedByListener", new TaskCompletedByListener());
    Mocks.register("forwardComplaintDelegate", new ForwardComplaintDelegate(service));
    Mocks.register("deadlines", Deadlines.withShippedArrangements(CLOCK));
    when(service.publish(NO)).thenReturn(5);
    when(service.today()).thenReturn(LocalDate.of(2026, 9, 22));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void withoutComplaintsTheNoticeEndsWhenThePeriodIsOver() {
    ProcessInstance pi = publish();

    // R-TIME-1: 5 working days after Tuesday 2026-09-22 skip the Mid-Autumn holiday (2026: Sep 25-27 off):
    // the period ends Wednesday 2026-09-30 at 24:00 Asia/Shanghai
    Job timer = timer();
    assertThat(timer.getDuedate()).isEqualTo(Deadlines.withShippedArrangements(CLOCK).workingDays(5));
    assertThat(timer.getDuedate()).isAfter(Date.from(CLOCK.instant()));
    // the caseworker's complaint desk closes at the same moment (its due date too)
    assertThat(deskTimer().getDuedate()).isEqualTo(timer.getDuedate());
    managementService().executeJob(deskTimer().getId());
    managementService().executeJob(timer.getId());
    // no complaint open: the condition holds at once
    assertThat(pi).isWaitingAt("Task_CloseNotice");
    execute(job());

    assertThat(pi).isEnded().hasPassed("Event_NoComplaintOpen", "EndEvent_NoticePeriodOver", "EndEvent_NoticePassed",
            "Event_ComplaintDeskClosed", "EndEvent_ComplaintDeskClosed")
        .variables().containsEntry("noticePassed", true);
    verify(service).closeNotice(NO);
  }

  @Test
  void anUnverifiedComplaintHoldsTheNoticeOpenPastItsPeriodUntilVerifiedUnfounded() {
    ProcessInstance pi = publish();
    when(service.registerComplaint(eq(NO), anyString(), eq(receipt("张某", "该医院存在挂床住院")), anyString()))
        .thenReturn(new PublicNoticeService.Registered(7L, 1));
    when(service.verifyComplaint(7L, false, "经核查无挂床住院情况", null)).thenReturn(0);
    complain("张某", "该医院存在挂床住院");
    // registered in the receiving transaction (each complaint keeps its own text)
    assertThat(pi).hasPassed("Task_RegisterComplaint").isWaitingAt("Task_VerifyComplaint");
    assertThat(task("Task_VerifyComplaint")).hasCandidateGroup("caseworker").hasName("调查核实投诉");
    assertThat(task("Task_VerifyComplaint").getDueDate())
        .isEqualTo(Deadlines.withShippedArrangements(CLOCK).workingDays(5));

    // R-DES-3: the period is over, but the complaint is open: the notice does not end
    managementService().executeJob(deskTimer().getId());
    managementService().executeJob(timer().getId());
    assertThat(pi).isWaitingAt("Event_NoComplaintOpen", "Task_VerifyComplaint");

    complete(task("Task_VerifyComplaint"), Map.of("complaintConclusion", "UNFOUNDED", "verificationFinding", "经核查无挂床住院情况"));
    execute(job("Task_RecordVerification"));
    assertThat(pi).isWaitingAt("Task_CloseNotice");
    execute(job());

    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintUnfounded", "EndEvent_NoticePassed")
        .hasNotPassed("EndEvent_NoticeFailed");
    verify(service).verifyComplaint(7L, false, "经核查无挂床住院情况", null);
  }

  @Test
  void aFoundedComplaintEndsTheNoticeWithItsReason() {
    ProcessInstance pi = publish();
    when(service.registerComplaint(eq(NO), anyString(), eq(receipt(null, "无执业许可证")), anyString()))
        .thenReturn(new PublicNoticeService.Registered(8L, 1));
    when(service.verifyComplaint(8L, true, "执业许可证已过期", null)).thenReturn(0);
    when(service.failByComplaint(NO, 8L)).thenReturn("公示期间投诉经核实属实，不予定点：执业许可证已过期");
    complain("", "无执业许可证");
    complete(task("Task_VerifyComplaint"), Map.of("complaintConclusion", "FOUNDED", "verificationFinding", "执业许可证已过期"));
    execute(job("Task_RecordVerification"));

    assertThat(pi).isWaitingAt("Task_FailByComplaint");
    assertThat(managementService().createJobQuery().timers().count()).isZero();
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintFounded", "Event_ComplaintFounded", "EndEvent_NoticeFailed")
        .hasNotPassed("Task_CloseNotice").variables().containsEntry("noticePassed", false)
        .containsEntry("noticeFailureReason", "公示期间投诉经核实属实，不予定点：执业许可证已过期");
    verify(service, never()).closeNotice(NO);
  }

  @Test
  void twoComplaintsAreVerifiedEachWithItsOwnConclusion() {
    ProcessInstance pi = publish();
    when(service.registerComplaint(eq(NO), anyString(), eq(receipt("甲", "投诉一")), anyString()))
        .thenReturn(new PublicNoticeService.Registered(1L, 1));
    when(service.registerComplaint(eq(NO), anyString(), eq(receipt("乙", "投诉二")), anyString()))
        .thenReturn(new PublicNoticeService.Registered(2L, 2));
    when(service.verifyComplaint(2L, false, "二不属实", null)).thenReturn(1);
    when(service.verifyComplaint(1L, false, "一不属实", null)).thenReturn(0);
    complain("甲", "投诉一");
    complain("乙", "投诉二");
    Task first = taskQuery().taskDefinitionKey("Task_VerifyComplaint").list().stream()
        .filter(t -> Long.valueOf(1L).equals(runtimeService().getVariable(t.getExecutionId(), "complaintId")))
        .findFirst().orElseThrow();
    assertThat(runtimeService().getVariable(first.getExecutionId(), "complaintContent")).isEqualTo("投诉一");
    Task second = taskQuery().taskDefinitionKey("Task_VerifyComplaint").list().stream()
        .filter(t -> !t.getId().equals(first.getId())).findFirst().orElseThrow();
    // the second complaint's conclusion first, then the first's: each writes into its own complaint's scope
    complete(second, Map.of("complaintConclusion", "UNFOUNDED", "verificationFinding", "二不属实"));
    complete(first, Map.of("complaintConclusion", "UNFOUNDED", "verificationFinding", "一不属实"));
    for (Job j : managementService().createJobQuery().messages().list()) {
      managementService().executeJob(j.getId());
    }
    verify(service).verifyComplaint(1L, false, "一不属实", null);
    verify(service).verifyComplaint(2L, false, "二不属实", null);
    // the last verification recorded sets the count the service answered (here the first complaint's: 0)
    assertThat(runtimeService().getVariable(pi.getId(), "openComplaints")).isIn(0, 1);
    assertThat(pi).isWaitingAt("Event_NoticePeriodOver", "Task_RecordComplaint");
  }

  @Test
  void aComplaintReceivedOnPaperIsRecordedInTasklistAndVerifiedLikeOneThroughTheApi() {
    ProcessInstance pi = publish();
    // the caseworker's desk: due when the notice ends (R-DES-3), followed up daily (product default)
    Task desk = task("Task_RecordComplaint");
    assertThat(desk).hasCandidateGroup("caseworker").hasName("登记公示期间投诉");
    Deadlines deadlines = Deadlines.withShippedArrangements(CLOCK);
    assertThat(desk.getDueDate()).isEqualTo(deadlines.workingDays(5));
    assertThat(desk.getFollowUpDate()).isEqualTo(deadlines.workingDays(1));
    ComplaintReceipt paper = new ComplaintReceipt("王某", "LETTER", "药房无执业药师", LocalDate.of(2026, 9, 22));
    // R-DES-3, R-TIME-1: the notice published on the 22nd runs 5 working days (Sep 23, 24, then Mid-Autumn 25-27
    // off, 28, 29, 30) to Wednesday 2026-09-30, 24:00: the window the service checks the receipt against; it
    // sends the same message the API sends
    doAnswer(i -> {
      runtimeService().createMessageCorrelation("ComplaintReceived").processInstanceBusinessKey(NO)
          .setVariablesLocal(Map.of("complainant", "王某", "complaintContent", "药房无执业药师",
              "complaintChannel", "LETTER", "complaintReceivedOn", "2026-09-22")).correlate();
      return null;
    }).when(service).forwardComplaint(eq(NO), any(), any(), any());
    // the window's last day is the period timer's (the service reads it; here the mock answers it)
    when(service.noticeLastDay(pi.getId())).thenReturn(LocalDate.of(2026, 9, 30));
    when(service.registerComplaint(eq(NO), anyString(), eq(paper), anyString()))
        .thenReturn(new PublicNoticeService.Registered(9L, 1));

    complete(desk, Map.of("receivedOn", "2026-09-22", "receivedChannel", "LETTER", "receivedComplainant", "王某",
        "receivedContent", "药房无执业药师"));

    verify(service).forwardComplaint(NO, paper, LocalDate.of(2026, 9, 22), LocalDate.of(2026, 9, 30));
    assertThat(pi).hasPassed("Task_ForwardComplaint", "Task_RegisterComplaint")
        .isWaitingAt("Task_VerifyComplaint", "Task_RecordComplaint", "Event_NoticePeriodOver");
    Task verify = task("Task_VerifyComplaint");
    assertThat(runtimeService().getVariable(verify.getExecutionId(), "complaintChannel")).isEqualTo("LETTER");
    assertThat(runtimeService().getVariable(verify.getExecutionId(), "complaintId")).isEqualTo(9L);
    // the desk is open again for the next complaint, its fields empty
    assertThat(task("Task_RecordComplaint").getId()).isNotEqualTo(desk.getId());
    assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKeys("receivedOn", "receivedChannel",
        "receivedComplainant", "receivedContent");
  }

  @Test
  void aComplaintBreakingTheRuleLeavesTheDeskOpenAndRegistersNothing() {
    ProcessInstance pi = publish();
    Task desk = task("Task_RecordComplaint");
    doThrow(DomainRuleException.badRequest("receivedOn", "R-DES-3", "收到日期晚于公示期最后一日", "after the notice"))
        .when(service).forwardComplaint(eq(NO), any(), any(), any());

    assertThatThrownBy(() -> complete(desk, Map.of("receivedOn", "2026-10-12", "receivedChannel", "PHONE",
        "receivedContent", "迟到的投诉"))).isInstanceOf(DomainRuleException.class);

    assertThat(task("Task_RecordComplaint").getId()).isEqualTo(desk.getId());
    assertThat(pi).isWaitingAt("Task_RecordComplaint", "Event_NoticePeriodOver").hasNotPassed("Task_RegisterComplaint");
    verify(service, never()).registerComplaint(anyString(), anyString(), any(), anyString());
  }

  private ProcessInstance publish() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("public-notice", NO,
        Map.of("applicationNo", NO));
    assertThat(pi).isWaitingAt("Task_PublishNotice");
    execute(job());
    assertThat(pi).isWaitingAt("Event_NoticePeriodOver", "Task_RecordComplaint").variables()
        .containsEntry("noticeWorkingDays", 5).containsEntry("openComplaints", 0)
        .containsEntry("noticePublishedOn", "2026-09-22");
    return pi;
  }

  private static void complain(String complainant, String content) {
    runtimeService().createMessageCorrelation("ComplaintReceived").processInstanceBusinessKey(NO)
        .setVariablesLocal(Map.of("complainant", complainant, "complaintContent", content)).correlate();
  }

  private static Job timer() {
    return managementService().createJobQuery().timers().activityId("Event_NoticePeriodOver").singleResult();
  }

  private static Job deskTimer() {
    return managementService().createJobQuery().timers().activityId("Event_ComplaintDeskClosed").singleResult();
  }

  private static Task task(String key) {
    return taskQuery().taskDefinitionKey(key).singleResult();
  }

  /** What the message of the API carries (no channel or date: the process-level tests send the bare message). */
  private static ComplaintReceipt receipt(String complainant, String content) {
    return new ComplaintReceipt(complainant == null || complainant.isEmpty() ? null : complainant, null, content, null);
  }
}
