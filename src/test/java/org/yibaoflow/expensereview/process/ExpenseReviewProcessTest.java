package org.yibaoflow.expensereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.yibaoflow.expensereview.ClaimBatch;
import org.yibaoflow.expensereview.ClaimVerdicts;
import org.yibaoflow.expensereview.ExpenseReviewService;
import org.yibaoflow.expensereview.RefusalCases;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/expense-review.bpmn (R-VIO-13): a batch with suspicious claims and a sample, verified
 * per institution and refused (cases opened); a clean batch (nothing suspicious, the sample cleared) closed
 * without a case; a verdict the service refuses keeps the task open (400, nothing recorded).
 */
@Deployment(resources = {"processes/expense-review.bpmn", "forms/expense-claim-verification.form",
    "forms/expense-sample-review.form"})
class ExpenseReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  static final String BATCH = "FS-2026-huaibei-000001";
  /** Friday 2026-09-18, 10:00 in Shanghai. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-18T02:00:00Z"), WorkingDayCalendar.ZONE);

  private final ExpenseReviewService service = mock(ExpenseReviewService.class);
  private final ClaimVerdicts verdicts = mock(ClaimVerdicts.class);
  private final RefusalCases cases = mock(RefusalCases.class);
  private final Deadlines deadlines = Deadlines.withShippedArrangements(CLOCK);

  @BeforeEach
  void register() {
    Mocks.register("deadlines", deadlines);
    Mocks.register("screenClaimsDelegate", new ScreenClaimsDelegate(service));
    Mocks.register("drawSampleDelegate", new DrawSampleDelegate(service));
    Mocks.register("refuseClaimsDelegate", new RefuseClaimsDelegate(service));
    Mocks.register("openRefusalCasesDelegate", new OpenRefusalCasesDelegate(cases));
    Mocks.register("closeBatchDelegate", new CloseBatchDelegate(service));
    Mocks.register("claimTaskListener", new ClaimTaskListener(verdicts));
    Mocks.register("recordClaimVerdictsDelegate", new RecordClaimVerdictsDelegate(verdicts));
    when(verdicts.check(eq(BATCH), anyString(), anyString(), any(), any())).thenAnswer(i -> new ClaimVerdicts.Checked(
        BATCH, "huaibei", i.getArgument(1), i.getArgument(2), Map.of(), Map.of(), null));
    when(verdicts.worklist(eq(BATCH), anyString(), anyString()))
        .thenAnswer(i -> new ClaimVerdicts.Worklist("机构" + i.getArgument(1), 2, "C1 ...\nC2 ...\n", "GEN_OVERCHARGE",
            List.of(Map.of("value", "GEN_OVERCHARGE", "label", "超标准收费"))));
    when(service.close(eq(BATCH), anyString()))
        .thenReturn(new ClaimBatch.Figures(100, 2, 2, 5, 1, new BigDecimal("2000.00")));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void suspiciousAndSampledClaimsAreVerifiedPerInstitutionRefusedAndHandedToViolationCases() {
    when(service.screen(eq(BATCH), anyString()))
        .thenReturn(new ExpenseReviewService.Screened(100, 2, List.of("H1"), 10));
    when(service.drawSample(eq(BATCH), anyString()))
        .thenReturn(new ExpenseReviewService.Sample(42L, 60, 3, List.of("H1", "H2")));
    when(service.refuse(eq(BATCH), anyString()))
        .thenReturn(new ExpenseReviewService.Refused(1, new BigDecimal("2000.00")));
    when(cases.open(eq(BATCH), anyString())).thenReturn(List.of("VC-2026-huaibei-000007"));
    ProcessInstance pi = start();

    List<Task> verify = tasks(pi, "Task_VerifySuspicious");
    List<Task> review = tasks(pi, "Task_ReviewSample");
    assertThat(verify).hasSize(1);
    assertThat(review).hasSize(2);
    // due: the region's claim-verification-period (10 working days, R-VIO-13) from Friday 2026-09-18
    assertThat(verify.get(0).getDueDate()).isEqualTo(deadlines.workingDays(10));
    assertThat(deadlines.workingDays(10)).isAfter(java.sql.Date.valueOf(LocalDate.parse("2026-09-30")));
    assertThat(taskService().getVariable(verify.get(0).getId(), "claimList")).isEqualTo("C1 ...\nC2 ...\n");
    assertThat(taskService().getVariable(verify.get(0).getId(), "institutionName")).isEqualTo("机构H1");
    // the catalogue as the choices of the violation multi-select, by Chinese name (issue 15)
    assertThat(taskService().getVariable(verify.get(0).getId(), "violationOptions").toString())
        .contains("GEN_OVERCHARGE", "超标准收费");
    assertThat(runtimeService().getVariable(pi.getId(), "sampleSeed")).isEqualTo("42");

    complete(verify.get(0), Map.of("confirmedClaims", "C1 1200", "violationCodes", "GEN_OVERCHARGE",
        "verificationMethod", "RECORDS"));
    // what one institution's task submitted stays in its own scope: the second-review tasks start empty
    assertThat(taskService().getVariable(review.get(0).getId(), "confirmedClaims")).isEqualTo("");
    for (Task t : review) {
      complete(t, Map.of("confirmedClaims", ""));
    }
    drainRecording(pi);
    verify(verdicts).check(BATCH, "H1", ExpenseReviewService.SCREENING, "C1 1200", "GEN_OVERCHARGE");
    // issue 15: the screening's proposal is preselected in the form's multi-select (a Json list of codes)
    verify(verdicts).check(BATCH, "H2", ExpenseReviewService.SAMPLE, "", "[\"GEN_OVERCHARGE\"]");
    assertThat(pi).isWaitingAt("Task_Refuse");
    execute(job());
    assertThat(pi).isWaitingAt("Task_OpenCases");
    execute(job());
    execute(job());
    assertThat(pi).isEnded().hasPassedInOrder("Task_Screen", "Task_DrawSample", "Task_Refuse", "Gateway_Refused",
        "Task_OpenCases", "Task_Close", "EndEvent_Reviewed");
    verify(cases).open(BATCH, pi.getId());
  }

  @Test
  void aCleanBatchIsClosedWithoutACase() {
    when(service.screen(eq(BATCH), anyString()))
        .thenReturn(new ExpenseReviewService.Screened(100, 0, List.of(), 10));
    when(service.drawSample(eq(BATCH), anyString()))
        .thenReturn(new ExpenseReviewService.Sample(7L, 80, 4, List.of("H3")));
    when(service.refuse(eq(BATCH), anyString())).thenReturn(new ExpenseReviewService.Refused(0, BigDecimal.ZERO));
    ProcessInstance pi = start();
    // nothing suspicious: the verification is skipped, only the sample is reviewed
    assertThat(tasks(pi, "Task_VerifySuspicious")).isEmpty();
    List<Task> review = tasks(pi, "Task_ReviewSample");
    assertThat(review).hasSize(1);
    complete(review.get(0), Map.of("confirmedClaims", ""));
    drainRecording(pi);
    execute(job());
    execute(job());
    assertThat(pi).isEnded().hasPassed("Task_Close").hasNotPassed("Task_OpenCases", "Task_VerifySuspicious");
    verify(cases, never()).open(anyString(), anyString());
  }

  @Test
  void aVerdictTheCheckRefusesReturnsTheTaskWithTheMessageAndWritesNothing() {
    when(service.screen(eq(BATCH), anyString()))
        .thenReturn(new ExpenseReviewService.Screened(100, 1, List.of("H1"), 10));
    when(service.drawSample(eq(BATCH), anyString()))
        .thenReturn(new ExpenseReviewService.Sample(1L, 0, 0, List.of()));
    when(service.refuse(eq(BATCH), anyString())).thenReturn(new ExpenseReviewService.Refused(0, BigDecimal.ZERO));
    when(verdicts.check(eq(BATCH), eq("H1"), anyString(), eq("NOPE"), any()))
        .thenThrow(DomainRuleException.badRequest("confirmedClaims", "R-VIO-13", "单据 NOPE 不是本任务待核实的单据",
            "Claim NOPE is not one of this task's claims"));
    ProcessInstance pi = start();
    complete(tasks(pi, "Task_VerifySuspicious").get(0), Map.of("confirmedClaims", "NOPE"));
    drainRecording(pi);
    Task again = tasks(pi, "Task_VerifySuspicious").get(0);
    assertThat(pi).hasPassed("Event_VerifyInvalid");
    assertThat((String) taskService().getVariable(again.getId(), "verdictError")).contains("NOPE").contains("R-VIO-13");
    // what was entered is kept for correction
    assertThat(taskService().getVariable(again.getId(), "confirmedClaims")).isEqualTo("NOPE");
    verify(verdicts, never()).record(any(), anyString(), any(), any(), anyString());
    complete(again, Map.of("confirmedClaims", "C1"));
    drainRecording(pi);
    verify(verdicts).record(any(), anyString(), any(), any(), eq(pi.getId()));
    execute(job());
    execute(job());
    assertThat(pi).isEnded().hasNotPassed("Task_OpenCases");
  }

  private static void drainRecording(ProcessInstance pi) {
    for (var j : org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().createJobQuery()
        .processInstanceId(pi.getId()).list()) {
      if (j.getFailedActivityId() == null) {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().executeJob(j.getId());
      }
    }
  }

  private ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("expense-review", BATCH,
        Map.of("region", "huaibei", "batchNo", BATCH, "claimCount", 100, "sampleRatioPercent", "5"));
    assertThat(pi).isWaitingAt("Task_Screen");
    execute(job());
    execute(job());
    return pi;
  }

  private static List<Task> tasks(ProcessInstance pi, String key) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }
}
