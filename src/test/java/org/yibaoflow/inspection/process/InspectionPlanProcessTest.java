package org.yibaoflow.inspection.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.inspection.Inspection;
import org.yibaoflow.inspection.InspectionPlan;
import org.yibaoflow.inspection.InspectionPlanService;
import org.yibaoflow.inspection.InspectionWork;
import org.yibaoflow.inspection.PlanProgressService;
import org.yibaoflow.inspection.YearEndScreening;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * Every path of processes/inspection-plan.bpmn (R-VIO-14): a new plan whose batches (the drawn flying and special
 * inspections, then a page of routine inspections) become inspection tasks of the drawn inspectors, the findings
 * recorded per inspection; the monthly progress reminder; the year-end screening with one review passing and one
 * failing to an on-site inspection; the plan closed. And a second instance for the same region and year ending
 * without doing anything.
 */
@Deployment(resources = {"processes/inspection-plan.bpmn", "forms/inspection-plan-start.form",
    "forms/inspection-findings.form", "forms/inspection-material-review.form"})
class InspectionPlanProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  static final String PLAN = "IP-2026-huaibei";
  static final InspectionPlan PLAN_ROW = new InspectionPlan(1L, PLAN, "huaibei", 2026, InspectionPlan.OPEN, 2, 4, 1,
      new BigDecimal("0.1000"), 5, 100, 3, 2, null, null, null, null, "sup1", null, null);

  private final InspectionPlanService plans = mock(InspectionPlanService.class);
  private final InspectionWork work = mock(InspectionWork.class);
  private final YearEndScreening yearEnd = mock(YearEndScreening.class);
  private final PlanProgressService progress = mock(PlanProgressService.class);

  @BeforeEach
  void register() {
    Mocks.register("openInspectionPlanDelegate", new OpenInspectionPlanDelegate(plans));
    Mocks.register("drawFlyingInspectionsDelegate", new DrawFlyingInspectionsDelegate(plans));
    Mocks.register("planInspectionBatchDelegate", new PlanInspectionBatchDelegate(plans));
    Mocks.register("prepareInspectionDelegate", new PrepareInspectionDelegate(work));
    Mocks.register("recordInspectionFindingsDelegate", new RecordInspectionFindingsDelegate(work));
    Mocks.register("inspectionTaskListener", new InspectionTaskListener());
    Mocks.register("screenYearEndDelegate", new ScreenYearEndDelegate(yearEnd));
    Mocks.register("recordMaterialReviewDelegate", new RecordMaterialReviewDelegate(yearEnd));
    Mocks.register("remindPlanProgressDelegate", new RemindPlanProgressDelegate(progress));
    Mocks.register("closeInspectionPlanDelegate", new CloseInspectionPlanDelegate(plans));
    when(plans.plan(PLAN)).thenReturn(withSeed(42L));
    when(work.taskData(anyLong())).thenAnswer(i -> data(i.getArgument(0)));
    when(work.record(anyLong(), any(), anyString(), anyString()))
        .thenAnswer(i -> new InspectionWork.Recorded(null, "VC-2026-huaibei-000001", null));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void aNewPlanBecomesInspectionTasksOfTheDrawnInspectorsInBatchesAndAYearEndThatEndsOnSite() {
    when(plans.register(any(), eq(2026), eq("sup1"), anyString()))
        .thenReturn(new InspectionPlanService.Registered(PLAN_ROW, false));
    when(plans.draw(eq(PLAN), anyString())).thenReturn(List.of(0, 1));
    when(plans.planBatch(PLAN, 0)).thenReturn(List.of(11L, 12L));
    when(plans.planBatch(PLAN, 1)).thenReturn(List.of(13L));
    ProcessInstance pi = start();
    runJobs(pi);
    assertThat(pi).hasPassed("Task_OpenPlan", "Task_DrawFlying", "Task_PlanBatch");
    // the seed of the draw is on the instance for the auditor (双随机一公开)
    assertThat(runtimeService().getVariable(pi.getId(), "flyingSeed")).isEqualTo("42");

    // one task per inspection of both batches, each its own job (no giant transaction)
    List<Task> inspections = tasks(pi, "Task_Inspect");
    assertThat(inspections).hasSize(3);
    Task first = byInspection(inspections, 11L);
    // the lead inspector drawn is the assignee, both drawn inspectors are candidates; due on the planned day
    assertThat(first.getAssignee()).isEqualTo("cw-11-a");
    assertThat(candidates(first)).containsExactlyInAnyOrder("cw-11-a", "cw-11-b");
    assertThat(first.getDueDate()).isEqualTo(Date.from(WorkingDayCalendar.expiresAt(LocalDate.of(2026, 6, 30))));
    assertThat(taskService().getVariable(first.getId(), "institutionName")).isEqualTo("机构11");

    Map<String, Object> findings = new HashMap<>();
    findings.put("findingCodes", List.of("GEN_OVERCHARGE"));
    findings.put("suspectedAmount", 1200.5);
    findings.put("personCode", "D341200000001");
    findings.put("deductionCodes", List.of("P1-1"));
    findings.put("inspectionNote", "超标准收费");
    complete(first, findings);
    // what one inspection submitted stays in its own scope: the others start empty
    Task other = byInspection(tasks(pi, "Task_Inspect"), 12L);
    assertThat(taskService().getVariable(other.getId(), "findingCodes")).isNull();
    for (Task t : tasks(pi, "Task_Inspect")) {
      complete(t, Map.of("inspectionNote", "未发现问题"));
    }
    runJobs(pi);
    ArgumentCaptor<InspectionWork.Findings> recorded = ArgumentCaptor.forClass(InspectionWork.Findings.class);
    verify(work).record(eq(11L), recorded.capture(), anyString(), eq(pi.getId()));
    assertThat(recorded.getValue().violationCodes()).containsExactly("GEN_OVERCHARGE");
    assertThat(recorded.getValue().deductionCodes()).containsExactly("P1-1");
    assertThat(recorded.getValue().personCode()).isEqualTo("D341200000001");
    assertThat(recorded.getValue().amount()).isEqualByComparingTo("1200.5");
    verify(work, times(3)).record(anyLong(), any(), anyString(), eq(pi.getId()));

    // the batches are done: the plan waits for the year end
    assertThat(pi).isWaitingAt("Event_YearEnd");
    when(yearEnd.screen(eq(PLAN), anyString())).thenReturn(List.of(21L, 22L));
    when(yearEnd.review(eq(21L), eq(true), anyString(), anyString(), anyString())).thenReturn(null);
    when(yearEnd.review(eq(22L), eq(false), anyString(), anyString(), anyString())).thenReturn(31L);
    yearEnd(pi);
    List<Task> reviews = tasks(pi, "Task_ReviewMaterials");
    assertThat(reviews).hasSize(2);
    complete(byInspection(reviews, 21L), Map.of("materialsPassed", true, "reviewNote", "材料说明了增长原因"));
    complete(byInspection(tasks(pi, "Task_ReviewMaterials"), 22L), Map.of("materialsPassed", false,
        "reviewNote", "不能说明"));
    runJobs(pi);
    // the failing review became an on-site inspection of its own (the inspection id of this scope is the new one)
    List<Task> onSite = tasks(pi, "Task_OnSiteInspection");
    assertThat(onSite).hasSize(1);
    assertThat(taskService().getVariable(onSite.get(0).getId(), "inspectionId")).isEqualTo(31L);
    complete(onSite.get(0), Map.of("findingCodes", List.of("GEN_OVERCHARGE"), "inspectionNote", "现场核实"));
    runJobs(pi);
    verify(work).record(eq(31L), any(), anyString(), eq(pi.getId()));
    assertThat(pi).isEnded().hasPassed("EndEvent_ReviewPassed", "EndEvent_OnSiteDone", "Task_ClosePlan",
        "EndEvent_PlanClosed");
    verify(plans).close(PLAN, pi.getId());
  }

  @Test
  void theMonthlyReminderNamesWhoWillMissTheMinimumWhileTheInspectionsRun() {
    when(plans.register(any(), eq(2026), eq("sup1"), anyString()))
        .thenReturn(new InspectionPlanService.Registered(PLAN_ROW, false));
    when(plans.draw(eq(PLAN), anyString())).thenReturn(List.of(0));
    when(plans.planBatch(PLAN, 0)).thenReturn(List.of(11L));
    when(progress.remind(eq(PLAN), anyString())).thenReturn(3);
    ProcessInstance pi = start();
    runJobs(pi);
    Job reminder = managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Event_ProgressReminder").singleResult();
    assertThat(reminder).isNotNull();
    managementService().executeJob(reminder.getId());
    Job remind = managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Task_RemindProgress").singleResult();
    managementService().executeJob(remind.getId());
    verify(progress).remind(PLAN, pi.getId());
    assertThat(runtimeService().getVariable(pi.getId(), "atRiskCount")).isEqualTo(3);
    // non-interrupting: the inspection goes on
    assertThat(tasks(pi, "Task_Inspect")).hasSize(1);
    assertThat(pi).hasPassed("EndEvent_Reminded");
  }

  @Test
  void aSecondInstanceForTheSameRegionAndYearEndsWithoutDrawingAgain() {
    when(plans.register(any(), eq(2026), eq("sup1"), anyString()))
        .thenReturn(new InspectionPlanService.Registered(PLAN_ROW, true));
    ProcessInstance pi = start();
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_Duplicate").hasNotPassed("Task_DrawFlying");
    verify(plans, never()).draw(anyString(), anyString());
  }

  private static InspectionPlan withSeed(long seed) {
    return new InspectionPlan(1L, PLAN, "huaibei", 2026, InspectionPlan.OPEN, 2, 4, 1, new BigDecimal("0.1000"), 5,
        100, 3, 2, seed, null, null, null, "sup1", null, null);
  }

  private static InspectionWork.TaskData data(long id) {
    return new InspectionWork.TaskData("IN-2026-1-" + id, id == 31L ? "YEAR_END_ON_SITE" : "ROUTINE",
        Inspection.Kind.ROUTINE.nameZh(), "H" + id, "机构" + id, List.of("cw-" + id + "-a", "cw-" + id + "-b"),
        LocalDate.of(2026, 6, 30), null, null, List.of(Map.of("label", "超标准收费", "value", "GEN_OVERCHARGE")),
        List.of(Map.of("label", "分解住院", "value", "P1-1")));
  }

  private ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("inspection-plan",
        Map.of("region", "huaibei", "planYear", 2026, "startedBy", "sup1"));
    assertThat(pi).isWaitingAt("Task_OpenPlan");
    return pi;
  }

  private static void yearEnd(ProcessInstance pi) {
    Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Event_YearEnd")
        .singleResult();
    // the year-end screening is due on 1 December of the plan year, Beijing time
    assertThat(timer.getDuedate()).isEqualTo(Date.from(LocalDate.of(2026, 12, 1)
        .atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
    managementService().executeJob(timer.getId());
    runJobs(pi);
  }

  /** Runs the instance's async continuations until none is left; the timers are fired by the tests. */
  private static void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService().executeJob(j.getId()));
    }
  }

  private static List<Task> tasks(ProcessInstance pi, String key) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  private static Task byInspection(List<Task> tasks, long id) {
    return tasks.stream().filter(t -> Long.valueOf(id).equals(((Number) taskService().getVariable(t.getId(),
        "inspectionId")).longValue())).findFirst().orElseThrow();
  }

  private static List<String> candidates(Task t) {
    return taskService().getIdentityLinksForTask(t.getId()).stream().filter(l -> "candidate".equals(l.getType())
        && l.getUserId() != null).map(IdentityLink::getUserId).toList();
  }
}
