package org.yibaoflow.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
import java.util.HashMap;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.evaluation.EvaluationFacts;
import org.yibaoflow.evaluation.AnnualEvaluationService;
import org.yibaoflow.evaluation.Grade;
import org.yibaoflow.evaluation.Outcome;
import org.yibaoflow.evaluation.RenewalControl;
import org.yibaoflow.evaluation.RenewalReasons;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/annual-evaluation.bpmn with the real decision tables (evaluation-grade.dmn R-EVA-1,
 * renewal-decision.dmn R-EVA-2/4/5): each grade, renewal, a deferral cleared later and one not cleared, a
 * non-renewal of each reason family, 不合格 twice => termination, a supervisor's return, an objection that
 * changes the grade and one that revokes the result. The objection is a stand-in with the same in/out variables.
 */
@Deployment(resources = {"processes/annual-evaluation.bpmn", "processes/evaluation-grade.dmn",
    "processes/renewal-decision.dmn", "org/yibaoflow/evaluation/process/objection-stub.bpmn",
    "forms/annual-evaluation-scoring.form", "forms/annual-evaluation-review.form",
    "forms/annual-evaluation-deferral.form"})
class AnnualEvaluationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  static final String BK = "huaibei-2026-H00000000001";
  /** Monday 2026-11-02 10:00 Asia/Shanghai. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"), WorkingDayCalendar.ZONE);

  private final AnnualEvaluationService service = mock(AnnualEvaluationService.class);
  private final RenewalControl control = mock(RenewalControl.class);
  /** R-EVA-2: the current period of the evaluated agreement ends 2026-12-31; the non-renewal takes effect after. */
  static final Date PERIOD_END = Date.from(OffsetDateTime.parse("2027-01-01T00:00:00+08:00").toInstant());

  @BeforeEach
  void register() {
    Mocks.register("deadlines", Deadlines.withShippedArrangements(CLOCK));
    Mocks.register("gatherEvaluationDataDelegate", new GatherEvaluationDataDelegate(service));
    Mocks.register("recordEvaluationScoreDelegate", new RecordEvaluationScoreDelegate(service, control));
    Mocks.register("gradeEvaluationDelegate",
        new GradeEvaluationDelegate(extension.getProcessEngine().getDecisionService()));
    Mocks.register("decideRenewalDelegate",
        new DecideRenewalDelegate(extension.getProcessEngine().getDecisionService(), control));
    Mocks.register("recordEvaluationResultDelegate", new RecordEvaluationResultDelegate(service));
    Mocks.register("recordObjectionOutcomeDelegate", new RecordObjectionOutcomeDelegate(service));
    Mocks.register("renewAgreementDelegate", new RenewAgreementDelegate(service));
    Mocks.register("deferAgreementDelegate", new DeferAgreementDelegate(service));
    Mocks.register("endDeferralDelegate", new EndDeferralDelegate(service));
    Mocks.register("notRenewAgreementDelegate", new NotRenewAgreementDelegate(service));
    Mocks.register("notRenewEffectDelegate", new NotRenewEffectDelegate(service));
    Mocks.register("renewalOverrideListener", new RenewalOverrideListener(control));
    // the server's case is the one the caseworker chose in these paths (RenewalControlTest keeps the data's)
    when(control.decidingCase(BK)).thenAnswer(a -> runtimeService().createVariableInstanceQuery()
        .variableName("nonRenewalCase").list().stream().map(v -> (String) v.getValue()).findFirst().orElse("NONE"));
    when(control.requiredCase(BK)).thenReturn(RenewalReasons.NONE);
    when(service.scheduleNonRenewal(BK)).thenReturn(PERIOD_END);
    Mocks.register("terminateAgreementDelegate", new TerminateAgreementDelegate(service));
    gathered(RenewalReasons.NONE, RenewalReasons.NONE, RenewalReasons.NONE);
    // no deduction in these cases: the final score is the score (the deduction is AnnualEvaluationServiceTest's)
    when(service.recordScore(eq(BK), any(), anyString(), anyString(), anyString()))
        .thenAnswer(a -> a.getArgument(1));
    when(service.recordResult(eq(BK), any(), anyInt(), anyInt(), any(), anyString(), anyString(), anyString()))
        .thenAnswer(a -> new AnnualEvaluationService.Notice("2026 年度考核等次：" + ((Grade) a.getArgument(1)).zh() + "；结论："
            + ((Outcome) a.getArgument(4)).zh(), LocalDate.parse("2026-11-02"), "淮北市测试医院"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  void gathered(String previousGrade, String nonRenewal, String deferral) {
    when(service.gather(BK)).thenReturn(new AnnualEvaluationService.Gathered(
        new EvaluationFacts(0, 0, 0, "ACTIVE", null, false, false, null, 0, 0), 0, previousGrade, nonRenewal, deferral,
        85, 70, 10, "考核标准", "HOSPITAL"));
  }

  @Test
  void qualifiedWithoutObjectionIsRenewedOnline() {
    ProcessInstance pi = start();
    Task scoring = task(pi);
    assertThat(scoring.getTaskDefinitionKey()).isEqualTo("Task_Score");
    // the region's scoring period, 10 working days counted from the next day (R-TIME-1): Tue 2026-11-03 .. Mon
    // 2026-11-16, due at its 24:00 Asia/Shanghai
    assertThat(scoring.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-11-17T00:00:00+08:00").toInstant()));
    score(pi, 92, RenewalReasons.NONE, RenewalReasons.NONE);
    assertThat(pi).variables().containsEntry("grade", "QUALIFIED").containsEntry("withheldPercent", 0)
        .containsEntry("preAllocationPercent", 100);
    review(pi, "APPROVE", "ONLINE");
    assertThat(pi).variables().containsEntry("outcome", "RENEW").containsEntry("decisionType", "ANNUAL_EVALUATION")
        .containsEntry("noticeServedOn", "2026-11-02").containsEntry("subjectRef", BK);
    objection(pi, "NO_OBJECTION", null);
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_Renew", "EndEvent_Renewed").hasNotPassed("Task_Regrade");
    verify(service).renew(BK, "ONLINE", pi.getId());
    verify(service).recordResult(BK, Grade.QUALIFIED, 0, 100, Outcome.RENEW, "NONE", "R-EVA-1", pi.getId());
  }

  @Test
  void basicallyQualifiedIsRenewedWithPaymentConsequencesAndMayBeSignedOffline() {
    ProcessInstance pi = start();
    score(pi, 70, RenewalReasons.NONE, RenewalReasons.NONE);
    assertThat(pi).variables().containsEntry("grade", "BASICALLY_QUALIFIED").containsEntry("withheldPercent", 50)
        .containsEntry("preAllocationPercent", 90);
    review(pi, "APPROVE", "OFFLINE");
    objection(pi, "UPHELD", "2026 年度考核等次：基本合格");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_Renewed");
    verify(service).recordResult(BK, Grade.BASICALLY_QUALIFIED, 50, 90, Outcome.RENEW, "NONE", "R-EVA-1", pi.getId());
    verify(service).renew(BK, "OFFLINE", pi.getId());
  }

  @Test
  void unqualifiedOnceIsNotRenewed() {
    ProcessInstance pi = start();
    score(pi, 69, RenewalReasons.NONE, RenewalReasons.NONE);
    assertThat(pi).variables().containsEntry("grade", "UNQUALIFIED").containsEntry("withheldPercent", 100)
        .containsEntry("preAllocationPercent", 80);
    review(pi, "APPROVE", "ONLINE");
    assertThat(pi).variables().containsEntry("outcome", "NOT_RENEW").containsEntry("reasonCode", "FAILED_EVALUATION")
        .containsEntry("ruleId", "R-EVA-2");
    objection(pi, "NO_OBJECTION", null);
    runJobs(pi);
    periodEnds(pi);
    assertThat(pi).isEnded().hasPassed("Task_NotRenew", "Event_PeriodEnded", "Task_NotRenewEffect",
        "EndEvent_NotRenewed");
  }

  /**
   * R-EVA-2: the non-renewal is decided when the objection window is over but takes effect when the current
   * period ends: the process waits at 协议期满 until then, the agreement untouched.
   */
  void periodEnds(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Event_PeriodEnded");
    verify(service, never()).notRenew(anyString(), anyString());
    Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(PERIOD_END);
    managementService().executeJob(timer.getId());
    runJobs(pi);
    verify(service).notRenew(BK, pi.getId());
  }

  @Test
  void aSupervisorWhoSetsTheDataCaseAsideGivesAReasonThatIsRecorded() {
    ProcessInstance pi = start();
    score(pi, 92, RenewalReasons.NONE, RenewalReasons.NONE);
    taskService().complete(task(pi).getId(), Map.of("reviewDecision", "APPROVE", "signingChannel", "ONLINE",
        "renewalOverride", true, "renewalOverrideReason", "许可证已于考核后换发，核实有效"));
    verify(control).override(eq(BK), eq("许可证已于考核后换发，核实有效"), anyString());
  }

  @Test
  void unqualifiedTheSecondYearInARowTerminatesTheAgreement() {
    gathered("UNQUALIFIED", RenewalReasons.NONE, RenewalReasons.NONE);
    ProcessInstance pi = start();
    score(pi, 40, RenewalReasons.NONE, RenewalReasons.NONE);
    review(pi, "APPROVE", "ONLINE");
    assertThat(pi).variables().containsEntry("outcome", "TERMINATE")
        .containsEntry("reasonCode", "FAILED_EVALUATION_TWICE").containsEntry("ruleId", "R-EVA-2");
    objection(pi, "NO_OBJECTION", null);
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_Terminate", "EndEvent_Terminated");
    verify(service).terminate(BK, pi.getId());
  }

  @Test
  void unqualifiedAfterAQualifiedYearIsOnlyNotRenewed() {
    gathered("QUALIFIED", RenewalReasons.NONE, RenewalReasons.NONE);
    ProcessInstance pi = start();
    score(pi, 10, RenewalReasons.NONE, RenewalReasons.NONE);
    review(pi, "APPROVE", "ONLINE");
    assertThat(pi).variables().containsEntry("outcome", "NOT_RENEW");
  }

  /** One case of each family of 003 §二(二) (R-EVA-5): the case decides even with a good grade. */
  @ParameterizedTest
  @ValueSource(strings = {"LICENCE_REVOKED", "LICENCE_EXPIRED", "NO_SETTLEMENT", "ASKED_TO_END",
      "ON_REQUEST_SUSPENSION_EXCEEDED", "NOT_SIGNED_IN_TIME", "NO_LONGER_QUALIFIED", "TRACEABILITY_CODE",
      "LICENCE_LENDING", "YINYANG_PRICE", "OTHER_NON_RENEWAL"})
  void aNonRenewalCaseIsNotRenewedWithItsReason(String code) {
    gathered(RenewalReasons.NONE, code, RenewalReasons.NONE);
    ProcessInstance pi = start();
    score(pi, 95, code, "INFORMATION_CHANGED");
    review(pi, "APPROVE", "ONLINE");
    assertThat(pi).variables().containsEntry("grade", "QUALIFIED").containsEntry("outcome", "NOT_RENEW")
        .containsEntry("reasonCode", code).containsEntry("ruleId", "R-EVA-5");
    objection(pi, "NO_OBJECTION", null);
    runJobs(pi);
    periodEnds(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_NotRenewed");
    verify(service, never()).renew(anyString(), anyString(), anyString());
  }

  @Test
  void aDeferralWaitsUntilTheCaseIsClearedAndTheEvaluationPassesThenIsSigned() {
    gathered(RenewalReasons.NONE, RenewalReasons.NONE, "SUSPENDED_AFTER_SIGNING_PERIOD");
    ProcessInstance pi = start();
    score(pi, 88, RenewalReasons.NONE, "SUSPENDED_AFTER_SIGNING_PERIOD");
    review(pi, "APPROVE", "ONLINE");
    assertThat(pi).variables().containsEntry("outcome", "DEFER")
        .containsEntry("reasonCode", "SUSPENDED_AFTER_SIGNING_PERIOD").containsEntry("ruleId", "R-EVA-4");
    objection(pi, "NO_OBJECTION", null);
    runJobs(pi);
    verify(service).defer(BK, pi.getId());
    assertThat(pi).isWaitingAt("Task_DeferralReview");
    taskService().complete(task(pi).getId(), Map.of("deferralResult", "PASSED", "signingChannel", "ONLINE",
        "deferralComment", "已恢复履行，重新评估通过"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_EndDeferral", "EndEvent_DeferredSigned");
    verify(service).endDeferral(BK, true, "ONLINE", pi.getId());
  }

  @Test
  void aDeferralWhoseEvaluationDoesNotPassEndsNotRenewed() {
    ProcessInstance pi = start();
    score(pi, 88, RenewalReasons.NONE, "DECISION_NOT_EXECUTED");
    review(pi, "APPROVE", "ONLINE");
    objection(pi, "NO_OBJECTION", null);
    runJobs(pi);
    taskService().complete(task(pi).getId(), Map.of("deferralResult", "NOT_PASSED", "signingChannel", "ONLINE",
        "deferralComment", "处理决定仍未执行"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_DeferredNotRenewed");
    verify(service).endDeferral(BK, false, "ONLINE", pi.getId());
  }

  @Test
  void theSupervisorReturnsTheScoringAndTheSecondScoreCounts() {
    ProcessInstance pi = start();
    score(pi, 60, RenewalReasons.NONE, RenewalReasons.NONE);
    review(pi, "RETURN", "ONLINE");
    assertThat(pi).isWaitingAt("Task_Score");
    score(pi, 86, RenewalReasons.NONE, RenewalReasons.NONE);
    assertThat(pi).variables().containsEntry("grade", "QUALIFIED");
  }

  @Test
  void anObjectionThatChangesTheGradeDecidesTheRenewalAgain() {
    when(service.recordObjection(BK, "YY-2026-huaibei-000007", "CHANGED", "经复核，考核等次变更为基本合格", null))
        .thenReturn(null);
    when(service.recordObjection(eq(BK), eq("YY-2026-huaibei-000007"), eq("CHANGED"), eq("经复核，考核等次变更为基本合格"),
        anyString())).thenReturn(Grade.BASICALLY_QUALIFIED);
    ProcessInstance pi = start();
    score(pi, 50, RenewalReasons.NONE, RenewalReasons.NONE);
    review(pi, "APPROVE", "ONLINE");
    assertThat(pi).variables().containsEntry("grade", "UNQUALIFIED").containsEntry("outcome", "NOT_RENEW");
    objection(pi, "CHANGED", "经复核，考核等次变更为基本合格");
    runJobs(pi);
    assertThat(pi).hasPassed("Task_Regrade", "Task_Redecide", "Task_RecordChangedResult");
    assertThat(pi).isEnded().hasPassed("EndEvent_Renewed").hasNotPassed("Task_NotRenew");
    verify(service).recordResult(BK, Grade.BASICALLY_QUALIFIED, 50, 90, Outcome.RENEW, "NONE", "R-EVA-1", pi.getId());
    verify(service).renew(BK, "ONLINE", pi.getId());
    verify(service, never()).notRenew(anyString(), anyString());
  }

  @Test
  void anObjectionThatRevokesTheResultSendsTheEvaluationBackToScoring() {
    ProcessInstance pi = start();
    score(pi, 50, RenewalReasons.NONE, RenewalReasons.NONE);
    review(pi, "APPROVE", "ONLINE");
    objection(pi, "REVOKED", null);
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_Score");
    verify(service, never()).notRenew(anyString(), anyString());
  }

  // --- driving

  ProcessInstance start() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("region", "huaibei");
    vars.put("evalYear", 2026);
    vars.put("agreementId", 11L);
    vars.put("institutionId", 7L);
    vars.put("institutionName", "淮北市测试医院");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("annual-evaluation", BK, vars);
    assertThat(pi).isWaitingAt("Task_GatherData");
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_Score").variables().containsEntry("gradeOverride", "NONE");
    return pi;
  }

  void score(ProcessInstance pi, int score, String nonRenewal, String deferral) {
    assertThat(pi).isWaitingAt("Task_Score");
    taskService().complete(task(pi).getId(), Map.of("evaluationScore", score, "nonRenewalCase", nonRenewal,
        "deferralCase", deferral, "scoringOpinion", "按考核标准评分"));
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_SupervisorReview");
  }

  void review(ProcessInstance pi, String decision, String channel) {
    taskService().complete(task(pi).getId(), Map.of("reviewDecision", decision, "signingChannel", channel));
    runJobs(pi);
  }

  void objection(ProcessInstance pi, String outcome, String effective) {
    assertThat(pi).isWaitingAt("CallActivity_Objection");
    ProcessInstance objection = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .singleResult();
    assertThat(runtimeService().getVariable(objection.getId(), "decisionType")).isEqualTo("ANNUAL_EVALUATION");
    assertThat(runtimeService().getVariable(objection.getId(), "subjectRef")).isEqualTo(BK);
    Task t = taskService().createTaskQuery().processInstanceId(objection.getId()).singleResult();
    Map<String, Object> vars = new HashMap<>();
    vars.put("objectionNo", "YY-2026-huaibei-000007");
    vars.put("objectionOutcome", outcome);
    vars.put("effectiveDecision", effective);
    taskService().complete(t.getId(), vars);
  }

  Task task(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  void runJobs(ProcessInstance pi) {
    for (int i = 0; i < 10; i++) {
      Job job = managementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult();
      if (job == null) {
        return;
      }
      managementService().executeJob(job.getId());
    }
  }
}
