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
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
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
import org.yibaoflow.designation.PublicNoticeService;

/** Drives every path of processes/public-notice.bpmn (R-DES-3). */
@Deployment(resources = {"processes/public-notice.bpmn", "forms/public-notice-complaint-verification.form"})
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
    Mocks.register("deadlines", Deadlines.withShippedArrangements(CLOCK));
    when(service.publish(NO)).thenReturn(5);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void withoutComplaintsTheNoticeEndsWhenThePeriodIsOver() {
    ProcessInstance pi = publish();

    // R-TIME-1: 5 working days after Tuesday 2026-09-22 skip Mid-Autumn and the National Day holidays
    // (2026: Sep 25-27 and Oct 1-7 off): the period ends Friday 2026-10-09 at 24:00 Asia/Shanghai
    Job timer = timer();
    assertThat(timer.getDuedate()).isEqualTo(Deadlines.withShippedArrangements(CLOCK).workingDays(5));
    assertThat(timer.getDuedate()).isAfter(Date.from(CLOCK.instant()));
    managementService().executeJob(timer.getId());
    // no complaint open: the condition holds at once
    assertThat(pi).isWaitingAt("Task_CloseNotice");
    execute(job());

    assertThat(pi).isEnded().hasPassed("Event_NoComplaintOpen", "EndEvent_NoticePeriodOver", "EndEvent_NoticePassed")
        .variables().containsEntry("noticePassed", true);
    verify(service).closeNotice(NO);
  }

  @Test
  void anUnverifiedComplaintHoldsTheNoticeOpenPastItsPeriodUntilVerifiedUnfounded() {
    ProcessInstance pi = publish();
    when(service.registerComplaint(eq(NO), anyString(), eq("张某"), eq("该医院存在挂床住院"), anyString()))
        .thenReturn(new PublicNoticeService.Registered(7L, 1));
    when(service.verifyComplaint(7L, false, "经核查无挂床住院情况", null)).thenReturn(0);
    complain("张某", "该医院存在挂床住院");
    // registered in the receiving transaction (each complaint keeps its own text)
    assertThat(pi).hasPassed("Task_RegisterComplaint").isWaitingAt("Task_VerifyComplaint");
    assertThat(task()).hasCandidateGroup("caseworker").hasName("调查核实投诉");
    assertThat(task().getDueDate()).isEqualTo(Deadlines.withShippedArrangements(CLOCK).workingDays(5));

    // R-DES-3: the period is over, but the complaint is open: the notice does not end
    managementService().executeJob(timer().getId());
    assertThat(pi).isWaitingAt("Event_NoComplaintOpen", "Task_VerifyComplaint");

    complete(task(), Map.of("complaintConclusion", "UNFOUNDED", "verificationFinding", "经核查无挂床住院情况"));
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
    when(service.registerComplaint(eq(NO), anyString(), isNull(), eq("无执业许可证"), anyString()))
        .thenReturn(new PublicNoticeService.Registered(8L, 1));
    when(service.verifyComplaint(8L, true, "执业许可证已过期", null)).thenReturn(0);
    when(service.failByComplaint(NO, 8L)).thenReturn("公示期间投诉经核实属实，不予定点：执业许可证已过期");
    complain("", "无执业许可证");
    complete(task(), Map.of("complaintConclusion", "FOUNDED", "verificationFinding", "执业许可证已过期"));
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
    when(service.registerComplaint(eq(NO), anyString(), eq("甲"), eq("投诉一"), anyString()))
        .thenReturn(new PublicNoticeService.Registered(1L, 1));
    when(service.registerComplaint(eq(NO), anyString(), eq("乙"), eq("投诉二"), anyString()))
        .thenReturn(new PublicNoticeService.Registered(2L, 2));
    when(service.verifyComplaint(2L, false, "二不属实", null)).thenReturn(1);
    when(service.verifyComplaint(1L, false, "一不属实", null)).thenReturn(0);
    complain("甲", "投诉一");
    complain("乙", "投诉二");
    Task first = taskQuery().list().stream()
        .filter(t -> Long.valueOf(1L).equals(runtimeService().getVariable(t.getExecutionId(), "complaintId")))
        .findFirst().orElseThrow();
    assertThat(runtimeService().getVariable(first.getExecutionId(), "complaintContent")).isEqualTo("投诉一");
    Task second = taskQuery().list().stream().filter(t -> !t.getId().equals(first.getId())).findFirst().orElseThrow();
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
    assertThat(pi).isWaitingAt("Event_NoticePeriodOver");
  }

  private ProcessInstance publish() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("public-notice", NO,
        Map.of("applicationNo", NO));
    assertThat(pi).isWaitingAt("Task_PublishNotice");
    execute(job());
    assertThat(pi).isWaitingAt("Event_NoticePeriodOver").variables().containsEntry("noticeWorkingDays", 5)
        .containsEntry("openComplaints", 0);
    return pi;
  }

  private static void complain(String complainant, String content) {
    runtimeService().createMessageCorrelation("ComplaintReceived").processInstanceBusinessKey(NO)
        .setVariablesLocal(Map.of("complainant", complainant, "complaintContent", content)).correlate();
  }

  private static Job timer() {
    return managementService().createJobQuery().timers().singleResult();
  }
}
