package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
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
import org.yibaoflow.support.ProcessTestEngine;

/**
 * The calendar bean in real BPMN on the plain engine: a timer's {@code timeDate} and a user task's
 * {@code dueDate} take the {@link Date} that {@code ${deadlines...}} returns, and get exactly the end of the
 * deadline day the calendar computes (R-TIME-1, R-TIME-2). "Today" is Friday 2025-09-26 in Asia/Shanghai.
 */
@Deployment(resources = "org/yibaoflow/calendar/calendar-deadlines-test.bpmn")
class DeadlinesProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  /** Friday 2025-09-26 10:00 in Shanghai. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-26T02:00:00Z"), WorkingDayCalendar.ZONE);
  private final WorkingDayCalendar calendar = new WorkingDayCalendar(ShippedArrangements.source());

  @BeforeEach
  void registerCalendar() {
    Mocks.register("deadlines", Deadlines.withShippedArrangements(CLOCK));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void timerAndDueDateGetExactlyTheCalendarsDeadlines() {
    LocalDate served = LocalDate.parse("2025-09-26");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("calendar-deadlines-test",
        Map.of("noticeServedOn", Date.from(served.atTime(15, 30).atZone(WorkingDayCalendar.ZONE).toInstant())));

    // R-TIME-2: 26 Sep + 7 days = 3 Oct, inside the National Day holiday (1-8 Oct): ends Thursday 9 Oct
    assertThat(pi).isWaitingAt("Timer_SevenDays");
    Job timer = job();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(calendar.addDays(served, 7).expiresAt()))
        .isEqualTo(Date.from(Instant.parse("2025-10-09T16:00:00Z")));
    execute(timer);

    // R-TIME-1: 10 working days after 26 Sep: 28 Sep (Sunday, working), 29, 30 Sep, then 9-11 Oct (11th a
    // working Saturday), 13-16 Oct => Thursday 16 Oct; the task is due at its end
    assertThat(pi).isWaitingAt("Task_Reply");
    assertThat(task().getDueDate()).isEqualTo(Date.from(calendar.addWorkingDays(served, 10).expiresAt()))
        .isEqualTo(Date.from(Instant.parse("2025-10-16T16:00:00Z")));
    // R-TIME-2: one month after 26 Sep = Sunday 26 Oct, a rest day: ends Monday 27 Oct
    Job overdue = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_ReplyOverdue")
        .singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(calendar.addMonths(served, 1).expiresAt()))
        .isEqualTo(Date.from(Instant.parse("2025-10-27T16:00:00Z")));

    complete(task());
    assertThat(pi).isEnded().hasPassed("EndEvent_Replied");
  }

  @Test
  void aTimerThatExpiresEndsTheWait() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("calendar-deadlines-test",
        Map.of("noticeServedOn", Date.from(Instant.parse("2025-09-26T02:00:00Z"))));
    assertThat(pi).isWaitingAt("Timer_SevenDays");
    execute(job());
    assertThat(pi).isWaitingAt("Task_Reply");
    execute(managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_ReplyOverdue")
        .singleResult());
    assertThat(pi).isEnded().hasPassed("EndEvent_Overdue").hasNotPassed("EndEvent_Replied");
  }
}
