package org.yibaoflow.enforcement.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.document.DocumentService;
import org.yibaoflow.enforcement.ViolationCase;
import org.yibaoflow.enforcement.FindingsReport;
import org.yibaoflow.enforcement.ViolationCaseQueries;
import org.yibaoflow.enforcement.ViolationDecisionService;
import org.yibaoflow.enforcement.ViolationFindingsService;
import org.yibaoflow.enforcement.ViolationIntakeService;
import org.yibaoflow.enforcement.ViolationCaseClosed;
import org.yibaoflow.enforcement.ViolationRectificationService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/violation-case.bpmn, with the real document-production and rectification call
 * activities and stand-ins for objection and referral (tested in their own process tests): documents in time,
 * documents late => termination, each measure class, legal review and approval returning the case, the
 * objection's outcomes (no objection, changed, revoked), rectification, the transfer in parallel (R-VIO-11).
 */
@Deployment(resources = {"processes/violation-case.bpmn", "processes/document-production.bpmn",
    "processes/rectification.bpmn", "enforcement/objection-stub.bpmn", "enforcement/referral-stub.bpmn",
    "forms/violation-investigation.form", "forms/violation-legal-review.form", "forms/violation-approval.form",
    "forms/violation-adjust-measures.form", "forms/document-review.form", "forms/rectification-reinspection.form",
    "forms/rectification-report-arrival.form"})
class ViolationCaseProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  static final String NO = DocumentProductionProcessTest.NO;

  private final ViolationIntakeService intake = mock(ViolationIntakeService.class);
  private final ViolationCaseQueries queries = mock(ViolationCaseQueries.class);
  private final ViolationFindingsService findings = mock(ViolationFindingsService.class);
  private final ViolationDecisionService decision = mock(ViolationDecisionService.class);
  private final ViolationRectificationService rectifications = mock(ViolationRectificationService.class);
  private final DocumentService documents = mock(DocumentService.class);
  /** What 执行处理决定 and 结案 published (DecisionTookEffect, ViolationCaseClosed). */
  private final List<Object> published = new ArrayList<>();

  @BeforeEach
  void register() {
    Mocks.register("deadlines", Deadlines.withShippedArrangements(DocumentProductionProcessTest.CLOCK));
    Mocks.register("registerCaseDelegate", new RegisterCaseDelegate(intake, queries,
        new org.yibaoflow.enforcement.ViolationCatalogue()));
    Mocks.register("recordFindingsDelegate", new RecordFindingsDelegate(findings));
    Mocks.register("checkFindingsListener", new CheckFindingsListener(findings));
    Mocks.register("suspendSettlementForRecordsDelegate", new SuspendSettlementForRecordsDelegate(findings));
    Mocks.register("resumeSettlementDelegate", new ResumeSettlementDelegate(findings));
    Mocks.register("terminateForMissingRecordsDelegate", new TerminateForMissingRecordsDelegate(findings));
    Mocks.register("determineMeasuresDelegate", new DetermineMeasuresDelegate(decision));
    Mocks.register("issueDecisionDelegate", new IssueDecisionDelegate(decision));
    Mocks.register("serveNoticeDelegate", new ServeNoticeDelegate(decision, documents));
    Mocks.register("documentServiceListener", DecisionServiceProcessTest.serviceListener(documents));
    DecisionServiceProcessTest.decisionDocument(documents, NO);
    Mocks.register("executeDecisionDelegate", new ExecuteDecisionDelegate(decision, published::add));
    Mocks.register("closeViolationCaseDelegate", new CloseViolationCaseDelegate(rectifications, published::add));
    Mocks.register("openRectificationDelegate", new OpenRectificationDelegate(rectifications));
    Mocks.register("recordRectifiedDelegate", new RecordRectifiedDelegate(rectifications));
    Mocks.register("recordNotRectifiedDelegate", new RecordNotRectifiedDelegate(rectifications));
    findings(false, null);
    decide("RECTIFICATION", "R-VIO-2", 30);
    when(decision.decisionNotice(NO)).thenReturn(new ViolationDecisionService.Notice("VIOLATION_MEASURE",
        "依据 R-VIO-2，作出「限期整改」处理", "淮北市某医院", null));
    when(decision.serveNotice(eq(NO), anyString(), eq(DecisionServiceProcessTest.SERVED))).thenReturn(
        new ViolationDecisionService.Notice("VIOLATION_MEASURE", "依据 R-VIO-2，作出「限期整改」处理", "淮北市某医院",
            DecisionServiceProcessTest.SERVED.toString()));
    when(findings.suspendSettlementForRecords(eq(NO), anyString())).thenReturn(7);
    when(rectifications.openRectification(eq(NO), eq(30), anyString())).thenReturn(30);
    when(rectifications.close(eq(NO), anyString())).thenReturn(closed("MEASURES_EXECUTED"));
    when(intake.register(anyString(), any(), any(), any(), any(), any(), any(), any()))
        .thenReturn(closed(null));
  }

  @Test
  void aCaseStartedFromTasklistsStartFormIsRegisteredAndGetsItsNumberAsBusinessKey() {
    when(intake.register(anyString(), eq("huaibei"), eq("COMPLAINT"), eq("H34060000001"),
        eq("GEN_OVERCHARGE"), eq(new BigDecimal("800")), isNull(), isNull())).thenReturn(closed(null));
    Map<String, Object> form = new HashMap<>();
    form.put("region", "huaibei");
    form.put("source", "COMPLAINT");
    form.put("institutionCode", "H34060000001");
    form.put("suspectedViolations", "GEN_OVERCHARGE");
    form.put("suspectedAmount", 800L);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("violation-case", form);
    assertThat(pi).isWaitingAt("Task_RegisterCase");
    execute(job(pi));
    assertThat(pi).hasBusinessKey(NO).isWaitingAt("Task_Investigate").variables().containsEntry("caseNo", NO)
        .containsEntry("institutionType", "HOSPITAL");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void documentsInTimeThenRectificationOrderedAndPassed() {
    findings(true, null);
    execution("RECTIFICATION", true, false);
    ProcessInstance pi = startAndInvestigate();
    assertThat(pi).hasPassed("EndEvent_NoReferral").isWaitingAt("CallActivity_DocumentProduction");

    ProcessInstance documents = called(pi, "document-production");
    assertThat(documents).hasBusinessKey(NO);
    execute(job(documents));
    verify(findings).suspendSettlementForRecords(NO, documents.getId());
    runtimeService().createMessageCorrelation("DocumentsProvided").processInstanceBusinessKey(NO).correlate();
    complete(task(documents), Map.of("documentReview", "SUFFICIENT", "documentReviewNote", "资料齐全"));
    execute(job(documents));
    assertThat(documents).isEnded();

    decideAndServe(pi);
    objection(pi, "NO_OBJECTION", null);
    execute(job(pi));
    verify(decision).executeDecision(NO, "NO_OBJECTION", null, pi.getId());

    ProcessInstance rectification = called(pi, "rectification");
    assertThat(rectification).hasBusinessKey(NO).variables().containsEntry("rectificationDays", 30);
    execute(job(rectification));
    runtimeService().createMessageCorrelation("RectificationReported").processInstanceBusinessKey(NO)
        .setVariable("receivedOn", "2026-09-25").correlate();
    complete(task(rectification), Map.of("reinspectionResult", "PASSED", "reinspectionNote", "整改到位"));
    execute(job(rectification));
    assertThat(pi).variables().containsEntry("rectificationOutcome", "RECTIFIED");

    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("CallActivity_DocumentProduction", "CallActivity_Objection",
        "CallActivity_Rectification", "Task_CloseCase", "EndEvent_CaseClosed").hasNotPassed("Task_AdjustMeasures");
    verify(rectifications).recordRectified(NO, rectification.getId());
    verify(rectifications).close(NO, pi.getId());
  }

  @Test
  void documentsNotProvidedByTheDeadlineTerminateAndCloseTheCaseWithoutADecision() {
    findings(true, null);
    when(rectifications.close(eq(NO), anyString())).thenReturn(closed("AGREEMENT_TERMINATED"));
    ProcessInstance pi = startAndInvestigate();
    ProcessInstance documents = called(pi, "document-production");
    execute(job(documents));
    execute(managementService().createJobQuery().processInstanceId(documents.getId()).timers().singleResult());
    execute(job(documents));
    verify(findings).terminateForMissingRecords(NO, documents.getId());

    assertThat(pi).isWaitingAt("Task_CloseCase");
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("Gateway_DocumentsOutcome", "EndEvent_CaseClosed")
        .hasNotPassed("Task_DetermineMeasures", "CallActivity_Objection");
    assertThat(pi).variables().containsEntry("caseOutcome", "AGREEMENT_TERMINATED");
    // no decision took effect; the case's end is told (a founded whistle-blower report closes on it)
    assertThat(published).containsExactly(new ViolationCaseClosed(NO, "AGREEMENT_TERMINATED", pi.getId()));
  }

  @ParameterizedTest(name = "{0} ({1}) rectification {2}")
  @CsvSource({
      "INTERVIEW, R-VIO-2, false",
      "RECTIFICATION, R-VIO-2, true",
      "PUBLIC_CRITICISM, R-VIO-2, true",
      "REFUSAL_RECOVERY, R-VIO-2, true",
      "SETTLEMENT_SUSPENSION, R-VIO-6, true",
      "AGREEMENT_SUSPENSION, R-VIO-2, true",
      "TERMINATION, R-VIO-3, false",
      "TERMINATION, R-VIO-4, false",
      "TERMINATION, R-VIO-5, false"})
  void eachMeasureClassIsProposedReviewedNotifiedAndExecuted(String measureClass, String rule, boolean rectification) {
    decide(measureClass, rule, rectification ? 30 : null);
    execution(measureClass, rectification, measureClass.equals("TERMINATION"));
    ProcessInstance pi = startAndInvestigate();
    decideAndServe(pi);
    assertThat(pi).variables().containsEntry("measureClass", measureClass).containsEntry("measureRule", rule)
        .containsEntry("decisionType", "VIOLATION_MEASURE").containsEntry("noticeServedOn", "2026-09-24");
    ProcessInstance objection = called(pi, "objection");
    assertThat(objection).variables().containsEntry("subjectRef", NO).containsEntry("party", "淮北市某医院");
    objection(pi, "NO_OBJECTION", null);
    execute(job(pi));

    if (rectification) {
      assertThat(pi).isWaitingAt("CallActivity_Rectification");
    } else {
      execute(job(pi));
      assertThat(pi).isEnded().hasPassed("EndEvent_CaseClosed").hasNotPassed("CallActivity_Rectification");
    }
    verify(decision).executeDecision(NO, "NO_OBJECTION", null, pi.getId());
  }

  @Test
  void legalReviewAndApprovalCanReturnTheCaseForFurtherInvestigation() {
    ProcessInstance pi = startAndInvestigate();
    execute(job(pi));
    assertThat(task(pi)).hasCandidateGroup("legal").hasDefinitionKey("Task_LegalReview");
    complete(task(pi), Map.of("legalApproval", "RETURN", "legalOpinion", "证据不足"));
    assertThat(pi).isWaitingAt("Task_Investigate");
    investigate(pi);
    execute(job(pi));
    execute(job(pi));
    complete(task(pi), Map.of("legalApproval", "APPROVE", "legalOpinion", "同意"));
    assertThat(task(pi)).hasCandidateGroup("supervisor").hasDefinitionKey("Task_SupervisorApproval");
    complete(task(pi), Map.of("supervisorApproval", "RETURN", "supervisorComment", "金额需核实"));
    assertThat(pi).isWaitingAt("Task_Investigate").hasPassed("Gateway_ReturnedMerge");
    verify(decision, times(2)).determineMeasures(NO, pi.getId());
    verify(decision, never()).decisionNotice(anyString());
    verify(decision, never()).serveNotice(anyString(), anyString(), any());
  }

  @Test
  void aChangedDecisionIsExecutedWithTheClassTheObjectionLeft() {
    execution("INTERVIEW", false, false);
    ProcessInstance pi = startAndInvestigate();
    decideAndServe(pi);
    objection(pi, "CHANGED", "约谈");
    assertThat(pi).isWaitingAt("Task_AdjustMeasures");
    assertThat(task(pi)).hasCandidateGroup("caseworker");
    complete(task(pi), Map.of("changedMeasureClass", "INTERVIEW", "adjustNote", "异议复核变更为约谈"));
    execute(job(pi));
    verify(decision).executeDecision(NO, "CHANGED", "INTERVIEW", pi.getId());
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("Task_AdjustMeasures", "EndEvent_CaseClosed");
  }

  @Test
  void aRevokedDecisionIsNotExecutedAndTheCaseCloses() {
    execution("RECTIFICATION", false, false);
    when(rectifications.close(eq(NO), anyString())).thenReturn(closed("DECISION_REVOKED"));
    ProcessInstance pi = startAndInvestigate();
    decideAndServe(pi);
    objection(pi, "REVOKED", null);
    execute(job(pi));
    verify(decision).executeDecision(NO, "REVOKED", null, pi.getId());
    execute(job(pi));
    assertThat(pi).isEnded().hasNotPassed("Task_AdjustMeasures", "CallActivity_Rectification");
    assertThat(pi).variables().containsEntry("caseOutcome", "DECISION_REVOKED");
    // revoked: no DecisionTookEffect (no fine, no reward), only the case's end
    assertThat(published).containsExactly(new ViolationCaseClosed(NO, "DECISION_REVOKED", pi.getId()));
  }

  @Test
  void aSuspectedCrimeIsTransferredInParallelAndDoesNotBlockTheCase() {
    // a suspected crime involving a public official: to the police and to the discipline commission (R-VIO-11)
    findings(false, "JUDICIAL,DISCIPLINE");
    execution("TERMINATION", false, true);
    ProcessInstance pi = startAndInvestigate();
    List<ProcessInstance> referrals = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("referral").list();
    assertThat(referrals).hasSize(2);
    assertThat(referrals.stream().map(r -> runtimeService().getVariable(r.getId(), "referralKind")))
        .containsExactlyInAnyOrder("JUDICIAL", "DISCIPLINE");
    ProcessInstance referral = referrals.get(0);
    assertThat(referral).variables().containsEntry("subjectRef", NO).containsEntry("caseSummary", "违约处理案件 " + NO);

    // the administrative case goes on while the transfer is open
    decideAndServe(pi);
    objection(pi, "NO_OBJECTION", null);
    execute(job(pi));
    execute(job(pi));
    assertThat(pi).hasPassed("Task_CloseCase", "EndEvent_CaseClosed").isWaitingAt("CallActivity_Referral");
    verify(rectifications).close(NO, pi.getId());

    complete(task(referral), Map.of("referralNo", "YS-2026-huaibei-000001"));
    assertThat(pi).isNotEnded();
    complete(task(referrals.get(1)), Map.of("referralNo", "YS-2026-huaibei-000002"));
    assertThat(pi).isEnded().hasPassed("EndEvent_ReferralDone").hasNotPassed("EndEvent_NoReferral");
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance startAndInvestigate() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNo", NO);
    vars.put("region", "huaibei");
    vars.put("institutionName", "淮北市某医院");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("violation-case", NO, vars);
    assertThat(pi).isWaitingAt("Task_RegisterCase");
    execute(job(pi));
    assertThat(pi).isWaitingAt("Task_Investigate");
    assertThat(task(pi)).hasCandidateGroup("caseworker")
        .hasDueDate(Deadlines.withShippedArrangements(DocumentProductionProcessTest.CLOCK).workingDays(10));
    investigate(pi);
    execute(job(pi));
    return pi;
  }

  private void investigate(ProcessInstance pi) {
    Map<String, Object> form = new HashMap<>();
    form.put("findingCodes", "GEN_OVERCHARGE,GEN_SWAP");
    form.put("defraudedAmount", 12000L);
    form.put("sampleAmount", 500.5);
    form.put("samplingRatio", 0.05);
    form.put("documentsRequired", false);
    form.put("seriousRisk", false);
    form.put("crimeSuspected", false);
    form.put("investigationNote", "现场检查");
    complete(task(pi), form);
    assertThat(pi).isWaitingAt("Task_RecordFindings");
  }

  private void decideAndServe(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_DetermineMeasures");
    execute(job(pi));
    complete(task(pi), Map.of("legalApproval", "APPROVE", "legalOpinion", "事实清楚，依据充分"));
    complete(task(pi), Map.of("supervisorApproval", "APPROVE"));
    assertThat(pi).isWaitingAt("Task_IssueDecision");
    execute(job(pi));
    DecisionServiceProcessTest.serve(pi);
    assertThat(pi).isWaitingAt("CallActivity_Objection");
    assertThat(called(pi, "objection")).variables().containsEntry("noticeServedOn",
        DecisionServiceProcessTest.SERVED.toString());
    verify(findings).recordFindings(eq(NO), eq(new FindingsReport("GEN_OVERCHARGE,GEN_SWAP", new BigDecimal("12000"),
        new BigDecimal("500.5"), new BigDecimal("0.05"), null, false, false, false, false, false)), eq(pi.getId()));
  }

  private void objection(ProcessInstance pi, String outcome, String effective) {
    ProcessInstance objection = called(pi, "objection");
    Map<String, Object> out = new HashMap<>();
    out.put("objectionNo", "YY-2026-huaibei-000001");
    out.put("objectionOutcome", outcome);
    out.put("effectiveDecision", effective);
    complete(task(objection), out);
    assertThat(pi).variables().containsEntry("objectionOutcome", outcome);
  }

  private static ProcessInstance called(ProcessInstance pi, String key) {
    ProcessInstance sub = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(key).singleResult();
    assertThat(sub).as("called " + key).isNotNull();
    return sub;
  }

  private void findings(boolean documents, String referralKind) {
    when(findings.recordFindings(eq(NO), any(), anyString())).thenReturn(new ViolationFindingsService.Findings(documents, false,
            referralKind == null ? List.of() : List.of(referralKind.split(",")), "违约处理案件 " + NO));
  }

  private void decide(String measureClass, String rule, Integer days) {
    when(decision.determineMeasures(eq(NO), anyString())).thenReturn(new ViolationDecisionService.Decision(measureClass,
        rule, days != null, days, new BigDecimal("12000.00"), new BigDecimal("10010.00"), BigDecimal.ZERO, null,
        "依据 " + rule));
  }

  private void execution(String measureClass, boolean rectification, boolean terminated) {
    when(decision.executeDecision(eq(NO), anyString(), any(), anyString())).thenReturn(
        new ViolationDecisionService.Execution(measureClass, rectification, rectification ? 30 : null, terminated));
  }

  private static ViolationCase closed(String outcome) {
    return new ViolationCase(1L, NO, "huaibei", "SMART_MONITORING", null, 1L, "HOSPITAL", 1L, "GEN_OVERCHARGE",
        BigDecimal.ZERO, null, ViolationCase.CLOSED, null, null, null, null, false, null, null, null, null, null, null,
        null, null, null, outcome, "pi", "zhangjing", null, null, null);
  }
}
