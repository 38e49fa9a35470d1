package org.yibaoflow.enforcement.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.document.Document;
import org.yibaoflow.document.DocumentKind;
import org.yibaoflow.document.DocumentService;
import org.yibaoflow.document.process.DocumentServiceListener;
import org.yibaoflow.enforcement.ViolationDecisionService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * 送达处理决定书 is a user task (issue 17): the caseworker downloads the generated 处理决定书, serves it and records
 * the date and manner of service; the real objection process then counts its window from the recorded date
 * (R-PERS-12, R-TIME-1: working days from the day after service, ending 24:00 Beijing time), not from the day the
 * document was generated. A refused record leaves the task open with the Chinese message.
 */
@Deployment(resources = {"processes/violation-case.bpmn", "processes/objection.bpmn",
    "forms/violation-serve-notice.form"})
class DecisionServiceProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  static final String NO = DocumentProductionProcessTest.NO;
  /** Generated on Tuesday 2026-09-22 (before Mid-Autumn, Sep 25-27), served on Thursday Sep 24 (the test's today). */
  static final LocalDate GENERATED = LocalDate.parse("2026-09-22");
  static final LocalDate SERVED = LocalDate.parse("2026-09-24");

  private final ViolationDecisionService service = mock(ViolationDecisionService.class);
  private final DocumentService documents = mock(DocumentService.class);

  @BeforeEach
  void register() {
    Mocks.register("deadlines", Deadlines.withShippedArrangements(DocumentProductionProcessTest.CLOCK));
    Mocks.register("issueDecisionDelegate", new IssueDecisionDelegate(service));
    Mocks.register("serveNoticeDelegate", new ServeNoticeDelegate(service, documents));
    Mocks.register("documentServiceListener", serviceListener(documents));
    // stand-in for the objection's registration (ObjectionProcessTest): the region's window of 10 working days
    Mocks.register("openObjectionWindowDelegate", (JavaDelegate) e -> {
      e.setVariable("objectionWindowWorkingDays", 10);
      e.setProcessBusinessKey("YY-2026-huaibei-000001");
    });
    decisionDocument(documents, NO);
    when(service.decisionNotice(NO)).thenReturn(new ViolationDecisionService.Notice("VIOLATION_MEASURE",
        "依据 R-VIO-2，作出「限期整改」处理", "淮北市某医院", null));
    when(service.serveNotice(eq(NO), anyString(), eq(SERVED))).thenReturn(new ViolationDecisionService.Notice(
        "VIOLATION_MEASURE", "依据 R-VIO-2，作出「限期整改」处理", "淮北市某医院", SERVED.toString()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void theObjectionWindowCountsFromTheRecordedServiceDateNotFromTheDecision() {
    ProcessInstance pi = atIssueDecision();
    execute(job(pi));
    assertThat(pi).isWaitingAt("Task_ServeNotice").variables().containsEntry("decision", "依据 R-VIO-2，作出「限期整改」处理");
    serve(pi);
    verify(service).serveNotice(NO, pi.getId(), SERVED);

    ProcessInstance objection = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .singleResult();
    assertThat(objection).variables().containsEntry("noticeServedOn", SERVED.toString());
    execute(job(objection));
    // R-PERS-12/R-TIME-1, 10 working days from the day after Thursday Sep 24: Sep 28, 29, 30 (Sep 25-27
    // Mid-Autumn) = 3; Oct 8, 9 (Oct 1-7 National Day) = 5; Saturday Oct 10 (declared working) = 6; Oct 12-15 = 10.
    // The window ends with Thursday 2026-10-15, i.e. at 2026-10-16 00:00 Beijing time. Counted from the day the
    // document was generated (Sep 22) it would have ended with Oct 13.
    Date end = managementService().createJobQuery().processInstanceId(objection.getId())
        .activityId("Event_WindowExpired").timers().singleResult().getDuedate();
    assertThat(end).isEqualTo(Date.from(OffsetDateTime.parse("2026-10-16T00:00:00+08:00").toInstant()));
  }

  @Test
  void theServingTaskLinksTheDocumentAndOffersTheMannersOfServiceFromData() {
    ProcessInstance pi = atIssueDecision();
    execute(job(pi));
    Task t = task(pi);
    assertThat(t).hasCandidateGroup("caseworker").hasDefinitionKey("Task_ServeNotice")
        .hasDueDate(Deadlines.withShippedArrangements(DocumentProductionProcessTest.CLOCK).workingDays(5));
    assertThat(taskService().getVariable(t.getId(), "documentLink"))
        .isEqualTo("[处理决定书 淮医保协〔2026〕12号](/api/documents/42)");
    assertThat(taskService().getVariableTyped(t.getId(), "serviceMethodOptions").getValue().toString())
        .contains("直接送达", "DIRECT", "邮寄送达", "MAIL", "电子送达", "ELECTRONIC");
  }

  @Test
  void aRefusedServiceLeavesTheTaskOpenWithTheChineseMessage() {
    doThrow(DomainRuleException.badRequest("servedOn", "R-TIME-1", "送达日期须在文书生成之日至今天之间",
        "The date of service must lie between the day the document was generated and today"))
        .when(documents).recordServiceAtStep(any(), eq(SERVED.plusDays(1)), anyString(), any());
    ProcessInstance pi = atIssueDecision();
    execute(job(pi));
    Task t = task(pi);
    assertThatThrownBy(() -> taskService().complete(t.getId(), Map.of("servedOn", SERVED.plusDays(1).toString(),
        "serviceMethod", "DIRECT"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("送达日期须在文书生成之日至今天之间").hasMessageContaining("servedOn");
    assertThatThrownBy(() -> taskService().complete(t.getId(), Map.of("serviceMethod", "DIRECT")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("须填写送达日期");
    assertThat(pi).isWaitingAt("Task_ServeNotice");
    verify(service, never()).serveNotice(anyString(), anyString(), any());
  }

  private static ProcessInstance atIssueDecision() {
    return runtimeService().createProcessInstanceByKey("violation-case").businessKey(NO)
        .startBeforeActivity("Task_IssueDecision").setVariables(Map.of("caseNo", NO, "subjectRef", NO,
            "institutionName", "淮北市某医院")).execute();
  }

  /**
   * Completes 送达处理决定书 as the caseworker: served by post on {@link #SERVED}; a {@code noticeServedOn} sent with
   * the form is overwritten by the date recorded on the document. Then runs 登记送达.
   */
  static void serve(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_ServeNotice");
    Map<String, Object> form = new HashMap<>();
    form.put("servedOn", SERVED.toString());
    form.put("serviceMethod", "MAIL");
    form.put("servedBy", "张静");
    form.put("noticeServedOn", "2026-09-01");
    taskService().complete(task(pi).getId(), form);
    assertThat(pi).isWaitingAt("Task_RecordNoticeService").variables().containsEntry("noticeServedOn",
        SERVED.toString());
    execute(job(pi));
  }

  static DocumentServiceListener serviceListener(DocumentService documents) {
    return new DocumentServiceListener(documents);
  }

  /** The 处理决定书 the process generated (unserved until the task records the service), as the stored row. */
  static void decisionDocument(DocumentService documents, String caseNo) {
    AtomicReference<Document> stored = new AtomicReference<>(document(caseNo, null, null, null));
    when(documents.latestOfProcess(anyString(), eq(DocumentKind.DECISION))).thenAnswer(i -> stored.get());
    when(documents.recordServiceAtStep(any(), any(), any(), any())).thenAnswer(i -> {
      LocalDate on = i.getArgument(1);
      if (on == null) {
        throw DomainRuleException.badRequest("servedOn", "R-TIME-1", "须填写送达日期", "The date of service is required");
      }
      stored.set(document(caseNo, on, i.getArgument(2), i.getArgument(3)));
      return stored.get();
    });
  }

  private static Document document(String caseNo, LocalDate servedOn, String method, String servedBy) {
    return new Document(42L, "huaibei", caseNo, caseNo, "DECISION", "Task_IssueDecision#1", "淮医保协〔2026〕12号",
        "处理决定书-" + caseNo + ".docx", "0".repeat(64), "1".repeat(64), "pi", "zhangjing",
        GENERATED.atTime(10, 0).atOffset(java.time.ZoneOffset.ofHours(8)), servedOn, method, servedBy,
        servedOn == null ? null : "zhangjing", null);
  }
}
