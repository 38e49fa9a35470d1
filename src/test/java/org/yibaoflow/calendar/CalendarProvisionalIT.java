package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/**
 * R-TIME-3 end to end: a case of 淮北 waits on a boundary timer of 10 working days and a task due in 7
 * days, both counted from a notice served on Monday 26 April 2027, while 2027 has no arrangement. Both are
 * computed with weekends only and remembered as provisional. The administrator then loads 2027 with
 * Labour Day 1-5 May off and Saturday 8 May working: the timer moves from Monday 10 May to Wednesday 12 May,
 * the task from Monday 3 May (now a holiday) to Thursday 6 May, and each move is audited.
 */
@IntegrationTest
class CalendarProvisionalIT {

  private static final String PROCESS = "calendar-provisional-test";

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;

  private String deploymentId;

  @BeforeEach
  void deployTestProcess() {
    deploymentId = repositoryService.createDeployment().name("calendar-provisional-test")
        .addClasspathResource("org/yibaoflow/calendar/calendar-provisional-test.bpmn").deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    repositoryService.deleteDeployment(deploymentId, true);
    CalendarTestYears.forget(jdbc, 2027);
  }

  @Test
  void loadingTheYearMovesTheProvisionalTimerAndDueDateAndAuditsEachMove() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS,
        Map.of("region", "huaibei", "noticeServedOn", "2027-04-26"));
    assertThat(pi.getTenantId()).isEqualTo("huaibei");
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    // weekends only (R-TIME-3): 10 working days after Mon 26 Apr = Mon 10 May; 26 Apr + 7 days = Mon 3 May
    assertThat(timer.getDuedate()).isEqualTo(endOf("2027-05-10"));
    assertThat(task.getDueDate()).isEqualTo(endOf("2027-05-03"));

    List<Map<String, Object>> recorded = provisionalRows(pi.getId());
    assertThat(recorded).hasSize(2);
    assertThat(recorded).extracting(r -> r.get("KIND") + " " + r.get("N") + " " + r.get("DEADLINE"))
        .containsExactlyInAnyOrder("WORKING_DAYS 10 2027-05-10", "DAYS 7 2027-05-03");
    assertThat(recorded).allSatisfy(r -> {
      assertThat(r).containsEntry("FROM_DATE", java.sql.Date.valueOf("2027-04-26"))
          .containsEntry("ACTIVITY_ID", "Task_Reply").containsEntry("REGION", "huaibei");
      assertThat(r.get("RESOLVED_AT")).isNull();
    });

    Http.Response load = Http.demo(port, "demo").put("/api/calendar/2027", CalendarTestYears.LABOUR_DAY_2027);
    assertThat(load.status()).as(load.body()).isEqualTo(200);
    assertThat(load.json().get("recomputed").get("moved").asInt()).isEqualTo(2);

    // R-TIME-1 with Labour Day: 27-30 Apr (4), 6, 7 May, Sat 8 May (working), 10, 11, 12 May => Wed 12 May
    assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getDuedate())
        .isEqualTo(endOf("2027-05-12"));
    // R-TIME-2: 3 May is now a holiday (1-5 May): the period ends on Thursday 6 May
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate())
        .isEqualTo(endOf("2027-05-06"));

    List<Map<String, Object>> resolved = provisionalRows(pi.getId());
    assertThat(resolved).allSatisfy(r -> {
      assertThat(r).containsEntry("OUTCOME", "MOVED");
      assertThat(r.get("RESOLVED_AT")).isNotNull();
    });
    assertThat(resolved).extracting(r -> r.get("KIND") + " " + r.get("JOB_ID") + " " + r.get("TASK_ID") + " "
        + r.get("RESOLVED_DEADLINE")).containsExactlyInAnyOrder(
        "WORKING_DAYS " + timer.getId() + " null 2027-05-12", "DAYS null " + task.getId() + " 2027-05-06");

    List<Map<String, Object>> audit = jdbc.queryForList("SELECT entity_type, entity_id, action, from_state,"
        + " to_state, rule_id, actor, region, reason FROM audit_log WHERE process_instance_id = ? ORDER BY id",
        pi.getId());
    assertThat(audit).extracting(a -> a.get("ENTITY_TYPE") + " " + a.get("ENTITY_ID") + " " + a.get("FROM_STATE")
        + " -> " + a.get("TO_STATE")).containsExactlyInAnyOrder(
        "TIMER_JOB " + timer.getId() + " 2027-05-10 -> 2027-05-12",
        "USER_TASK " + task.getId() + " 2027-05-03 -> 2027-05-06");
    assertThat(audit).allSatisfy(a -> assertThat(a).containsEntry("ACTION", "DEADLINE_RECOMPUTED")
        .containsEntry("RULE_ID", "R-TIME-3").containsEntry("ACTOR", "demo").containsEntry("REGION", "huaibei"));

    // loading the year again moves nothing twice
    Http.Response again = Http.demo(port, "demo").put("/api/calendar/2027", CalendarTestYears.LABOUR_DAY_2027);
    assertThat(again.json().get("recomputed").get("moved").asInt()).isZero();
    assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getDuedate())
        .isEqualTo(endOf("2027-05-12"));
  }

  @Test
  void aTimerThatFiredOrADateChangedByHandIsLeftAlone() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS,
        Map.of("region", "huaibei", "noticeServedOn", "2027-04-26"));
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    Date byHand = endOf("2027-05-20");
    taskService.setDueDate(task.getId(), byHand);

    Http.Response load = Http.demo(port, "demo").put("/api/calendar/2027", CalendarTestYears.LABOUR_DAY_2027);
    assertThat(load.status()).as(load.body()).isEqualTo(200);

    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate()).isEqualTo(byHand);
    assertThat(provisionalRows(pi.getId())).extracting(r -> r.get("KIND") + " " + r.get("OUTCOME"))
        .containsExactlyInAnyOrder("WORKING_DAYS MOVED", "DAYS GONE");
  }

  private List<Map<String, Object>> provisionalRows(String processInstanceId) {
    return jdbc.queryForList("SELECT kind, n, from_date, deadline, activity_id, region, job_id, task_id,"
        + " resolved_at, outcome, resolved_deadline FROM provisional_deadline WHERE process_instance_id = ?"
        + " ORDER BY id", processInstanceId).stream().map(CalendarProvisionalIT::dates).toList();
  }

  /** DATE columns as yyyy-MM-dd text for comparisons (H2 and PostgreSQL return java.sql.Date). */
  private static Map<String, Object> dates(Map<String, Object> row) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    row.forEach((k, v) -> copy.put(k.toUpperCase(), v instanceof java.sql.Date d && !k.equalsIgnoreCase("from_date")
        ? d.toLocalDate().toString() : v));
    return copy;
  }

  private static Date endOf(String day) {
    return Date.from(WorkingDayCalendar.expiresAt(java.time.LocalDate.parse(day)));
  }
}
