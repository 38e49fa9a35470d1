package org.yibaoflow.designation.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import org.assertj.core.api.Assertions;
import java.time.Instant;
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
import org.yibaoflow.designation.DesignationApplication;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.support.ProcessTestEngine;

/** Drives every path of processes/designation.bpmn (coverage in target/process-test-coverage). */
@Deployment(resources = {"processes/designation.bpmn", "forms/designation-application.form",
    "forms/designation-acceptance.form", "forms/designation-expert-evaluation.form"})
class DesignationProcessTest {

  /** Tuesday 2026-09-22, 10:00 Asia/Shanghai. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-22T02:00:00Z"), WorkingDayCalendar.ZONE);

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  private final DesignationService service = mock(DesignationService.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("registerApplicationDelegate", new RegisterApplicationDelegate(service));
    Mocks.register("recordAcceptanceDelegate", new RecordAcceptanceDelegate(service));
    Mocks.register("checkEligibilityDelegate", new CheckEligibilityDelegate(service));
    Mocks.register("requestSupplementDelegate", new RequestSupplementDelegate(service));
    Mocks.register("recordSupplementDelegate", new RecordSupplementDelegate(service));
    Mocks.register("closeLapsedApplicationDelegate", new CloseLapsedApplicationDelegate(service));
    Mocks.register("deadlines", Deadlines.withShippedArrangements(CLOCK));
    Mocks.register("systemCheckDelegate", new SystemCheckDelegate(service));
    Mocks.register("recordEvaluationDelegate", new RecordEvaluationDelegate(service));
    when(service.systemCheck("DA-2026-huaibei-000001")).thenReturn(true);
    when(service.requestSupplement("DA-2026-huaibei-000001")).thenReturn(30);
    when(service.register(any(), eq("淮北市人民医院"), eq("HOSPITAL"), eq("12340600MB1234567X"), anyString(), any()))
        .thenReturn(application("DA-2026-huaibei-000001"));
    when(service.checkEligibility("DA-2026-huaibei-000001")).thenReturn(true);
  }

  @Test
  void anIneligibleApplicantIsRefusedAtOnce() {
    // R-DES-1, R-VIO-9: the service records the refusal with its rule; the process ends without a review
    when(service.checkEligibility("DA-2026-huaibei-000001")).thenReturn(false);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("designation", Map.of(
        "institutionName", "淮北市人民医院", "institutionType", "HOSPITAL", "creditCode", "12340600MB1234567X"));
    assertThat(pi).isWaitingAt("Task_RegisterApplication");
    execute(job());

    assertThat(pi).isEnded().hasPassed("Task_CheckEligibility", "EndEvent_Refused")
        .hasNotPassed("Task_ReviewCompleteness");
    verify(service).checkEligibility("DA-2026-huaibei-000001");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void completeMaterialIsAccepted() {
    ProcessInstance pi = startAndRegister();

    assertThat(pi).isWaitingAt("Task_ReviewCompleteness").task().hasCandidateGroup("caseworker");
    complete(task(), Map.of("acceptanceResult", "COMPLETE"));
    assertThat(pi).isWaitingAt("Task_RecordAcceptance");
    execute(job());
    verify(service).recordAcceptance("DA-2026-huaibei-000001", true, null);

    // R-DES-2: expert evaluation and the system check in parallel
    assertThat(pi).isWaitingAt("Task_ExpertEvaluation", "Task_SystemCheck");
    assertThat(task()).hasCandidateGroup("expert");
    evaluate(pi, "PASS", true);

    assertThat(pi).isEnded().hasPassed("Task_SystemCheck", "Task_RecordEvaluation", "EndEvent_EvaluationPassed")
        .hasNotPassed("EndEvent_Refused", "EndEvent_EvaluationFailed");
    verify(service).recordEvaluation("DA-2026-huaibei-000001", 85, "PASS", "符合评估标准", true);
  }

  @Test
  void theEvaluationFailsWhenTheSystemCheckFindsAProblem() {
    when(service.systemCheck("DA-2026-huaibei-000001")).thenReturn(false);
    ProcessInstance pi = startAndRegister();
    complete(task(), Map.of("acceptanceResult", "COMPLETE"));
    execute(job());

    evaluate(pi, "PASS", false);

    assertThat(pi).isEnded().hasPassed("EndEvent_EvaluationFailed").hasNotPassed("EndEvent_EvaluationPassed");
    verify(service).recordEvaluation("DA-2026-huaibei-000001", 85, "PASS", "符合评估标准", false);
  }

  private void evaluate(ProcessInstance pi, String expertResult, boolean passed) {
    when(service.recordEvaluation("DA-2026-huaibei-000001", 85, expertResult, "符合评估标准",
        passed)).thenReturn(passed);
    execute(job("Task_SystemCheck"));
    complete(task("Task_ExpertEvaluation"), Map.of("expertScore", 85, "expertResult", expertResult,
        "expertOpinion", "符合评估标准"));
    assertThat(pi).isWaitingAt("Task_RecordEvaluation");
    execute(job());
  }

  @Test
  void theReviewIsDueInFiveWorkingDays() {
    ProcessInstance pi = startAndRegister();
    // Tuesday 2026-09-22 + 5 working days skips the weekend and Mid-Autumn (Sep 25-27 per the 2026 arrangement)
    Assertions.assertThat(task().getDueDate()).isEqualTo(Deadlines.withShippedArrangements(CLOCK).workingDays(5));
    Assertions.assertThat(task().getDueDate()).isAfter(java.util.Date.from(CLOCK.instant()));
    assertThat(pi).isWaitingAt("Task_ReviewCompleteness");
  }

  @Test
  void incompleteMaterialIsToldOnceThenSupplementedAndReviewedAgain() {
    ProcessInstance pi = startAndRegister();

    complete(task(), Map.of("acceptanceResult", "INCOMPLETE", "missingMaterials", "执业许可证副本；房屋产权证明"));
    execute(job());
    assertThat(pi).isWaitingAt("Gateway_AwaitSupplement")
        .variables().containsEntry("supplementDays", 30);
    verify(service).recordAcceptance("DA-2026-huaibei-000001", false, "执业许可证副本；房屋产权证明");
    verify(service).requestSupplement("DA-2026-huaibei-000001");

    runtimeService().createMessageCorrelation("ApplicationSupplemented")
        .processInstanceBusinessKey("DA-2026-huaibei-000001").correlate();
    assertThat(pi).isWaitingAt("Task_RecordSupplement");
    execute(job());
    verify(service).recordSupplement("DA-2026-huaibei-000001");

    assertThat(pi).isWaitingAt("Task_ReviewCompleteness");
    complete(task(), Map.of("acceptanceResult", "COMPLETE"));
    execute(job());
    assertThat(pi).hasPassed("Event_Supplemented", "Gateway_EvaluationFork").hasNotPassed("EndEvent_Lapsed")
        .isWaitingAt("Task_ExpertEvaluation", "Task_SystemCheck");
  }

  @Test
  void anUnsupplementedApplicationLapsesWhenThePeriodEnds() {
    ProcessInstance pi = startAndRegister();
    complete(task(), Map.of("acceptanceResult", "INCOMPLETE", "missingMaterials", "营业执照副本"));
    execute(job());

    // R-TIME-2: 30 days after Tuesday 2026-09-22 is Thursday 2026-10-22, a working day: 24:00 Asia/Shanghai
    Assertions.assertThat(job().getDuedate()).isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-10-22T16:00:00Z")));
    execute(job());
    assertThat(pi).isWaitingAt("Task_CloseLapsed");
    execute(job());

    assertThat(pi).isEnded().hasPassed("Event_SupplementLapsed", "EndEvent_Lapsed").hasNotPassed("EndEvent_EvaluationPassed");
    verify(service).closeLapsed("DA-2026-huaibei-000001");
  }

  private ProcessInstance startAndRegister() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("designation", Map.of(
        "institutionName", "淮北市人民医院", "institutionType", "HOSPITAL", "creditCode", "12340600MB1234567X"));
    // registration runs after an async continuation: the start transaction only records the request
    assertThat(pi).isWaitingAt("Task_RegisterApplication");
    execute(job());
    assertThat(pi).hasBusinessKey("DA-2026-huaibei-000001").hasPassed("Task_CheckEligibility")
        .variables().containsEntry("applicationNo", "DA-2026-huaibei-000001").containsEntry("eligible", true);
    return pi;
  }

  private static DesignationApplication application(String number) {
    return new DesignationApplication(1L, number, "huaibei", "淮北市人民医院", "HOSPITAL", "12340600MB1234567X",
        "pi", DesignationApplication.STATUS_RECEIVED, null, null, null, null, null, null);
  }
}
