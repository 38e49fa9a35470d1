package org.yibaoflow.fine.process;

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
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
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
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.fine.Fine;
import org.yibaoflow.fine.FinePayments;
import org.yibaoflow.fine.FineService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/administrative-fine.bpmn (R-VIO-10): decided and paid without a statement; declined; a
 * statement that lowers the fine, an objection that changes it, unpaid then enforcement; a statement that withdraws
 * it; an objection that revokes it; unpaid then paid late. The objection is the stand-in of the violation case's
 * tests (processes/objection.bpmn has its own). Deadlines from the calendar with the 2026 holidays (R-TIME-1/2).
 */
@Deployment(resources = {"processes/administrative-fine.bpmn", "enforcement/objection-stub.bpmn",
    "forms/fine-decision.form", "forms/fine-statement-review.form", "forms/fine-adjust-amount.form",
    "forms/fine-unpaid.form"})
class AdministrativeFineProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  /** Thursday 2026-09-24, 10:00 Beijing time; Mid-Autumn 09-25..27 and National Day 10-01..07 are days off. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-24T02:00:00Z"), WorkingDayCalendar.ZONE);
  private static final String NO = "FK-2026-huaibei-000001";
  private static final BigDecimal MIN = new BigDecimal("20000.00");
  private static final BigDecimal MAX = new BigDecimal("50000.00");

  private final FineService service = mock(FineService.class);
  private final FinePayments payments = mock(FinePayments.class);

  @BeforeEach
  void register() {
    Mocks.register("deadlines", Deadlines.withShippedArrangements(CLOCK));
    Mocks.register("recordFineDecisionDelegate", new RecordFineDecisionDelegate(service));
    Mocks.register("serveFineNoticeDelegate", new ServeFineNoticeDelegate(service));
    Mocks.register("recordStatementReviewDelegate", new RecordStatementReviewDelegate(service));
    Mocks.register("serveFineDecisionDelegate", new ServeFineDecisionDelegate(service));
    Mocks.register("fineTakesEffectDelegate", new FineTakesEffectDelegate(service));
    Mocks.register("recordFinePaymentDelegate", new RecordFinePaymentDelegate(payments));
    Mocks.register("recordFineUnpaidDelegate", new RecordFineUnpaidDelegate(payments));
    Mocks.register("recordFineEnforcementDelegate", new RecordFineEnforcementDelegate(payments));
    when(service.serveNotice(eq(NO), eq("淮北市某医院"), anyString())).thenReturn(new FineService.Served(
        "拟对你单位处罚款 30000.00 元（R-VIO-10）。", "淮北市某医院", LocalDate.parse("2026-09-24"), 5));
    when(service.serveDecision(eq(NO), eq("淮北市某医院"), anyString())).thenReturn(new FineService.Served(
        "依据 R-VIO-10，对你单位处罚款 30000.00 元，限期缴纳。", "淮北市某医院", LocalDate.parse("2026-09-24"), 10));
    when(service.paymentDays(NO)).thenReturn(15);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void decidedWithoutStatementOrObjectionThenPaid() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("Task_DecideFine").task().hasCandidateGroup("admindept");
    assertThat(runtimeService().getVariable(pi.getId(), "fineRange")).isEqualTo("20000.00 元至 50000.00 元");
    when(service.decide(eq(NO), eq("IMPOSE"), eq(new BigDecimal("30000")), any(), anyString()))
        .thenReturn(fine(Fine.DECIDING, "30000.00"));
    complete(task(pi), Map.of("fineDecision", "IMPOSE", "fineAmount", 30000));
    execute(job(pi));
    execute(job(pi));
    assertThat(pi).isWaitingAt("Gateway_AwaitStatement")
        .variables().containsEntry("noticeServedOn", "2026-09-24").containsEntry("statementWorkingDays", 5);
    // 5 working days from the day after service (R-TIME-1): 09-28, 09-29, 09-30, 10-08, 10-09 -> ends 10-09 24:00
    assertThat(timer("Event_StatementPeriodOver").getDuedate()).isEqualTo(beijingMidnight("2026-10-10"));

    execute(timer("Event_StatementPeriodOver"));
    execute(job(pi));
    ProcessInstance objection = objectionOf(pi);
    assertThat(objection).variables().containsEntry("decisionType", "ADMINISTRATIVE_FINE")
        .containsEntry("noticeServedOn", "2026-09-24").containsEntry("subjectRef", NO)
        .containsEntry("party", "淮北市某医院");
    effect("NO_OBJECTION", null, fine(Fine.EFFECTIVE, "30000.00"));
    complete(task(objection), Map.of("objectionOutcome", "NO_OBJECTION"));
    execute(job(pi));
    assertThat(pi).isWaitingAt("Gateway_AwaitPayment");

    when(payments.recordPayment(eq(NO), eq(LocalDate.parse("2026-09-30")), eq(new BigDecimal("30000.00")),
        eq("PJ-001"), anyString())).thenReturn(fine(Fine.PAID, "30000.00"));
    runtimeService().createMessageCorrelation("FinePaid").processInstanceId(pi.getId())
        .setVariable("paidOn", "2026-09-30").setVariable("paidAmount", "30000.00").setVariable("receiptNo", "PJ-001")
        .correlate();
    execute(job(pi));
    assertThat(pi).isEnded().hasPassedInOrder("Task_DecideFine", "Task_ServeNotice", "Event_StatementPeriodOver",
        "Task_ServeDecision", "CallActivity_Objection", "Task_TakeEffect", "Event_Paid", "Task_RecordPayment",
        "EndEvent_Paid").hasNotPassed("Task_ReviewStatement", "Task_AdjustAmount");
    verify(service).takeEffect(eq(NO), eq("NO_OBJECTION"), isNull(), anyString());
  }

  @Test
  void declinedWithReasonsEndsWithoutNotice() {
    ProcessInstance pi = start();
    when(service.decide(eq(NO), eq("DECLINE"), isNull(), eq(List.of("FIRST_MINOR")), anyString()))
        .thenReturn(fine(Fine.DECLINED, null));
    Map<String, Object> vars = new HashMap<>();
    vars.put("fineDecision", "DECLINE");
    vars.put("declineReasons", List.of("FIRST_MINOR"));
    complete(task(pi), vars);
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_Declined").hasNotPassed("Task_ServeNotice");
  }

  @Test
  void statementLowersTheFineObjectionChangesItThenUnpaidAndEnforced() {
    ProcessInstance pi = startAndImpose();
    statement(pi);
    assertThat(pi).isWaitingAt("Task_ReviewStatement").task().hasCandidateGroup("admindept");
    when(service.reviewStatement(eq(NO), eq("ADJUST"), eq(new BigDecimal("25000")), any(), anyString()))
        .thenReturn(fine(Fine.NOTIFIED, "25000.00"));
    complete(task(pi), Map.of("statementOutcome", "ADJUST", "fineAmount", 25000));
    execute(job(pi));
    execute(job(pi));
    ProcessInstance objection = objectionOf(pi);
    complete(task(objection), Map.of("objectionOutcome", "CHANGED", "effectiveDecision", "罚款调整为 20000 元"));
    assertThat(pi).isWaitingAt("Task_AdjustAmount").task().hasCandidateGroup("admindept");
    effect("CHANGED", new BigDecimal("20000"), fine(Fine.EFFECTIVE, "20000.00"));
    complete(task(pi), Map.of("changedAmount", 20000));
    execute(job(pi));
    // 15 days from the day after 2026-09-16 end on 10-01, a holiday: the period ends on 10-08 (R-TIME-2)
    assertThat(timer("Event_PaymentDue").getDuedate()).isEqualTo(beijingMidnight("2026-10-09"));

    when(payments.recordUnpaid(eq(NO), anyString())).thenReturn(fine(Fine.UNPAID, "20000.00"));
    execute(timer("Event_PaymentDue"));
    execute(job(pi));
    assertThat(pi).isWaitingAt("Task_HandleUnpaid").task().hasCandidateGroup("admindept");
    when(payments.recordEnforcement(eq(NO), eq("已向淮北市相山区人民法院申请强制执行"), anyString()))
        .thenReturn(fine(Fine.ENFORCEMENT, "20000.00"));
    complete(task(pi), Map.of("unpaidOutcome", "ENFORCEMENT", "enforcementNote", "已向淮北市相山区人民法院申请强制执行"));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassedInOrder("Task_ReviewStatement", "Task_RecordReview", "Task_ServeDecision",
        "Task_AdjustAmount", "Task_TakeEffect", "Event_PaymentDue", "Task_RecordUnpaid", "Task_HandleUnpaid",
        "Task_RecordEnforcement", "EndEvent_Enforcement");
    verify(service).takeEffect(eq(NO), eq("CHANGED"), eq(new BigDecimal("20000")), anyString());
  }

  @Test
  void statementThatWithdrawsTheFineEndsIt() {
    ProcessInstance pi = startAndImpose();
    statement(pi);
    when(service.reviewStatement(eq(NO), eq("WITHDRAW"), any(), eq(List.of("NO_FAULT")), anyString()))
        .thenReturn(fine(Fine.DECLINED, "30000.00"));
    complete(task(pi), Map.of("statementOutcome", "WITHDRAW", "declineReasons", List.of("NO_FAULT")));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_WithdrawnAfterStatement").hasNotPassed("Task_ServeDecision");
  }

  @Test
  void objectionThatRevokesTheDecisionEndsItUnpaid() {
    ProcessInstance pi = startAndImpose();
    execute(timer("Event_StatementPeriodOver"));
    execute(job(pi));
    effect("REVOKED", null, fine(Fine.REVOKED, "30000.00"));
    complete(task(objectionOf(pi)), Map.of("objectionOutcome", "REVOKED"));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_Revoked").hasNotPassed("Event_Paid", "Task_AdjustAmount");
  }

  @Test
  void unpaidThenPaidLate() {
    ProcessInstance pi = startAndImpose();
    execute(timer("Event_StatementPeriodOver"));
    execute(job(pi));
    effect("UPHELD", null, fine(Fine.EFFECTIVE, "30000.00"));
    complete(task(objectionOf(pi)), Map.of("objectionOutcome", "UPHELD"));
    execute(job(pi));
    when(payments.recordUnpaid(eq(NO), anyString())).thenReturn(fine(Fine.UNPAID, "30000.00"));
    execute(timer("Event_PaymentDue"));
    execute(job(pi));
    when(payments.recordPayment(eq(NO), eq(LocalDate.parse("2026-10-12")), eq(new BigDecimal("30000")), eq("PJ-9"),
        anyString())).thenReturn(fine(Fine.PAID, "30000.00"));
    complete(task(pi), Map.of("unpaidOutcome", "PAID_LATE", "paidOn", "2026-10-12", "paidAmount", 30000, "receiptNo",
        "PJ-9"));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("Task_RecordLatePayment", "EndEvent_PaidLate");
  }

  private ProcessInstance start() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNo", NO);
    vars.put("violationCaseNo", "WY-2026-huaibei-000007");
    vars.put("institutionName", "淮北市某医院");
    vars.put("fineRange", "20000.00 元至 50000.00 元");
    vars.put("minAmount", MIN.toPlainString());
    vars.put("maxAmount", MAX.toPlainString());
    return runtimeService().startProcessInstanceByKey("administrative-fine", NO, vars);
  }

  private ProcessInstance startAndImpose() {
    ProcessInstance pi = start();
    when(service.decide(eq(NO), eq("IMPOSE"), any(), any(), anyString())).thenReturn(fine(Fine.DECIDING, "30000.00"));
    complete(task(pi), Map.of("fineDecision", "IMPOSE", "fineAmount", 30000));
    execute(job(pi));
    execute(job(pi));
    return pi;
  }

  private static void statement(ProcessInstance pi) {
    runtimeService().createMessageCorrelation("FineStatementFiled").processInstanceId(pi.getId())
        .setVariable("statement", "已主动退回全部款项，请求从轻处罚").correlate();
  }

  private void effect(String outcome, BigDecimal changed, Fine result) {
    when(service.takeEffect(eq(NO), eq(outcome), changed == null ? isNull() : eq(changed), anyString()))
        .thenReturn(result);
  }

  private static ProcessInstance objectionOf(ProcessInstance pi) {
    ProcessInstance sub = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("objection").singleResult();
    assertThat(sub).as("objection called").isNotNull();
    return sub;
  }

  private static Job timer(String activityId) {
    return managementService().createJobQuery().timers().activityId(activityId).singleResult();
  }

  private static Date beijingMidnight(String day) {
    return Date.from(OffsetDateTime.parse(day + "T00:00:00+08:00").toInstant());
  }

  private static Fine fine(String status, String amount) {
    return new Fine(1L, NO, "WY-2026-huaibei-000007", "huaibei", 1L, new BigDecimal("10000.00"),
        new BigDecimal("20000.00"), MIN, MAX, false, status, amount == null ? null : new BigDecimal(amount), null,
        LocalDate.parse("2026-09-24"), null, LocalDate.parse("2026-09-24"), LocalDate.parse("2026-09-16"),
        LocalDate.parse("2026-10-08"), null, null, null, null, "pi", null, null);
  }
}
