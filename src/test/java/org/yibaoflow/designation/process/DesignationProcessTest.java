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

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yibaoflow.designation.DesignationApplication;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.support.ProcessTestEngine;

/** Drives every path of processes/designation.bpmn (coverage in target/process-test-coverage). */
@Deployment(resources = {"processes/designation.bpmn", "forms/designation-application.form",
    "forms/designation-acceptance.form"})
class DesignationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  private final DesignationService service = mock(DesignationService.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("registerApplicationDelegate", new RegisterApplicationDelegate(service));
    Mocks.register("recordAcceptanceDelegate", new RecordAcceptanceDelegate(service));
    Mocks.register("checkEligibilityDelegate", new CheckEligibilityDelegate(service));
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

    assertThat(pi).isEnded().hasPassed("Task_RecordAcceptance", "EndEvent_Accepted").hasNotPassed("EndEvent_Incomplete");
    verify(service).recordAcceptance("DA-2026-huaibei-000001", true, null);
  }

  @Test
  void incompleteMaterialIsToldOnceWithTheMissingList() {
    ProcessInstance pi = startAndRegister();

    complete(task(), Map.of("acceptanceResult", "INCOMPLETE", "missingMaterials", "执业许可证副本；房屋产权证明"));
    execute(job());

    assertThat(pi).isEnded().hasPassed("EndEvent_Incomplete").hasNotPassed("EndEvent_Accepted");
    verify(service).recordAcceptance("DA-2026-huaibei-000001", false, "执业许可证副本；房屋产权证明");
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
