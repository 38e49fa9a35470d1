package org.yibaoflow.objection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.TestClock;

/**
 * Filing objections over HTTP (R-PERS-12): a decision served on Friday 2026-09-18 may be objected to until
 * Friday 2026-10-09 24:00 Asia/Shanghai (10 working days across the Mid-Autumn and National Day holidays).
 */
@IntegrationTest
class ObjectionIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void anObjectionOneDayAfterTheWindowIsRefusedWithTheDeadlineAndRecorded() {
    String no = openObjection();
    clock.set(OffsetDateTime.parse("2026-10-10T09:00:00+08:00").toInstant());

    Http.Response r = Http.demo(port, "zhangjing").post("/api/objections/" + no + "/filings",
        "{\"reasons\":\"处罚过重\",\"evidence\":\"说明材料\"}");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("rule").asText()).isEqualTo("R-PERS-12");
    assertThat(r.json().get("windowEndsOn").asText()).isEqualTo("2026-10-09");
    assertThat(r.json().get("windowExpiresAt").asText()).isEqualTo("2026-10-09T16:00:00Z");
    assertThat(r.json().get("detailZh").asText()).contains("2026-10-09");
    assertThat(jdbc.queryForMap("SELECT accepted, refusal_reason FROM objection_filing WHERE objection_no = ?", no))
        .containsEntry("ACCEPTED", false);
    assertThat(jdbc.queryForObject("SELECT status FROM objection WHERE objection_no = ?", String.class, no))
        .isEqualTo("WINDOW_OPEN");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action = 'FILING_REFUSED'",
        Integer.class, no)).isEqualTo(1);
    // the caseworker's 登记异议 (issue 15) still waits for the window's timer, which ends it (R-PERS-12)
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_RecordObjection");
  }

  @Test
  void anObjectionOnTheLastEveningIsAcceptedAndReviewed() {
    String no = openObjection();
    clock.set(OffsetDateTime.parse("2026-10-09T23:59:00+08:00").toInstant());

    Http.Response r = Http.demo(port, "zhangjing").post("/api/objections/" + no + "/filings",
        "{\"reasons\":\"违规事实认定错误\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().get("level").asText()).isEqualTo("AGENCY");
    assertThat(jdbc.queryForObject("SELECT status FROM objection WHERE objection_no = ?", String.class, no))
        .isEqualTo("AGENCY_REVIEW");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ReviewObjection");
    assertThat(taskService.getVariable(taskService.createTaskQuery().processInstanceBusinessKey(no).singleResult()
        .getId(), "objectionReasons")).isEqualTo("违规事实认定错误");
    // the review form shows the dates it decides on (issue 15): served 09-18, window to 10-09 24:00 (10 working
    // days past the holidays), received 10-09 in Beijing (23:59, not the UTC date) and in time
    Object timeline = taskService.getVariableLocal(taskService.createTaskQuery().processInstanceBusinessKey(no)
        .singleResult().getId(), "objectionTimeline");
    assertThat(timeline).asString().contains("处理决定送达：2026-09-18", "2026-10-09 24:00（北京时间）",
        "收到向经办机构提出的异议：2026-10-09（在期限内）");
  }

  @Test
  void aFilingAfterTheWindowIsLateWhetherOrNotTheTimerHasRun() {
    String no = openObjection();
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM objection WHERE objection_no = ?", String.class, no);
    Jobs.drain(managementService, pi, 5); // the window's timer has run: the decision is final
    assertThat(jdbc.queryForObject("SELECT status FROM objection WHERE objection_no = ?", String.class, no))
        .isEqualTo("FINAL");
    clock.set(OffsetDateTime.parse("2026-10-12T09:00:00+08:00").toInstant());

    Http.Response r = Http.demo(port, "zhangjing").post("/api/objections/" + no + "/filings", "{\"reasons\":\"迟交\"}");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("field").asText()).isEqualTo("filedAt");
    assertThat(r.json().get("detailZh").asText()).contains("超过期限").contains("2026-10-09");
    assertThat(jdbc.queryForObject("SELECT refusal_reason FROM objection_filing WHERE objection_no = ?", String.class,
        no)).contains("已超过异议期限");
  }

  @Test
  void aSecondFilingInsideTheWindowIsNotCalledLateButNoWindowOpen() {
    String no = openObjection();
    clock.set(OffsetDateTime.parse("2026-10-08T10:00:00+08:00").toInstant());
    assertThat(Http.demo(port, "zhangjing").post("/api/objections/" + no + "/filings", "{\"reasons\":\"第一次\"}")
        .status()).isEqualTo(202);

    Http.Response again = Http.demo(port, "zhangjing").post("/api/objections/" + no + "/filings",
        "{\"reasons\":\"第二次\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("field").asText()).isEqualTo("status");
    assertThat(again.json().get("detailZh").asText()).contains("没有正在进行的异议期").doesNotContain("超过");
    assertThat(again.json().get("detail").asText()).contains("No objection window is open").doesNotContain("late");
  }

  @Test
  void twoFilingsAtOnceGiveOneAcceptanceAndOneConflict() throws Exception {
    String no = openObjection();
    clock.set(OffsetDateTime.parse("2026-10-08T10:00:00+08:00").toInstant());
    Callable<Integer> file = () -> Http.demo(port, "chenmin").post("/api/objections/" + no + "/filings",
        "{\"reasons\":\"同时提交\"}").status();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = pool.invokeAll(List.of(file, file));
      List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
      assertThat(statuses).containsExactlyInAnyOrder(202, 409);
    } finally {
      pool.shutdown();
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT status FROM objection WHERE objection_no = ?", String.class, no))
        .isEqualTo("AGENCY_REVIEW");
  }

  @Test
  void badInputIsRefusedAndOtherRegionsSeeNothing() {
    String no = openObjection();
    Http.Response blank = Http.demo(port, "zhangjing").post("/api/objections/" + no + "/filings", "{\"reasons\":\" \"}");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().get("field").asText()).isEqualTo("reasons");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM objection_filing WHERE objection_no = ?", Integer.class, no))
        .isZero();

    assertThat(Http.demo(port, "liuyang").get("/api/objections/" + no).status()).isEqualTo(404);
    assertThat(Http.demo(port, "liuyang").post("/api/objections/" + no + "/filings", "{\"reasons\":\"越权\"}").status())
        .isEqualTo(404);
    Http.Response view = Http.demo(port, "zhangjing").get("/api/objections/" + no);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().get("windowEndsOn").asText()).isEqualTo("2026-10-09");
    assertThat(Http.anonymous(port).get("/api/objections/" + no).status()).isEqualTo(401);
  }

  /**
   * Issue 17: the agency's review decision (异议复核决定书) is generated on Monday 2026-09-21 and served on Thursday
   * Sep 24; the window to the administrative department counts from the service (R-PERS-12, R-TIME-1): 10 working
   * days from the day after Sep 24 are Sep 28, 29, 30 (Sep 25-27 Mid-Autumn), Oct 8, 9 (Oct 1-7 National Day),
   * Saturday Oct 10 (declared working), Oct 12-15, so it ends with Thursday 2026-10-15, at Oct 16 00:00 Beijing
   * time. Counted from the decision (Sep 21) it would have ended with Oct 12: a filing on Oct 14 is in time.
   */
  @Test
  void theSecondWindowCountsFromTheServiceOfTheReviewDecision() {
    clock.set(OffsetDateTime.parse("2026-09-21T09:00:00+08:00").toInstant());
    String no = openObjection();
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM objection WHERE objection_no = ?", String.class, no);
    assertThat(Http.demo(port, "zhangjing").post("/api/objections/" + no + "/filings",
        "{\"reasons\":\"违规事实认定错误\"}").status()).isEqualTo(202);
    Jobs.executeDue(managementService, pi);
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi).singleResult().getId(),
        Map.of("reviewOutcome", "UPHELD", "reviewReasons", "证据充分，维持原决定"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi).singleResult().getId(),
        Map.of("reviewApproval", "APPROVE"));
    Jobs.executeDue(managementService, pi);
    assertThat(jdbc.queryForObject("SELECT review_served_on FROM objection WHERE objection_no = ?", java.time.LocalDate.class, no).toString())
        .isEqualTo("2026-09-21");
    Long id = jdbc.queryForObject("SELECT id FROM document WHERE case_no = ? AND kind = 'OBJECTION_REVIEW'", Long.class,
        no);

    clock.set(OffsetDateTime.parse("2026-09-24T10:00:00+08:00").toInstant());
    Http.Response served = Http.demo(port, "zhangjing").post("/api/documents/" + id + "/service",
        "{\"servedOn\":\"2026-09-24\",\"method\":\"MAIL\"}");
    assertThat(served.status()).as(served.body()).isEqualTo(200);

    assertThat(jdbc.queryForObject("SELECT review_served_on FROM objection WHERE objection_no = ?", java.time.LocalDate.class, no).toString())
        .isEqualTo("2026-09-24");
    assertThat(runtimeService.getVariable(pi, "reviewServedOn")).isEqualTo("2026-09-24");
    assertThat(managementService.createJobQuery().processInstanceId(pi).activityId("Event_SecondWindowExpired")
        .timers().singleResult().getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-10-16T00:00:00+08:00").toInstant());
    assertThat(Http.demo(port, "zhangjing").get("/api/objections/" + no).json().get("windowEndsOn").asText())
        .isEqualTo("2026-10-15");
    clock.set(OffsetDateTime.parse("2026-10-14T09:00:00+08:00").toInstant());
    Http.Response second = Http.demo(port, "zhangjing").post("/api/objections/" + no + "/filings",
        "{\"reasons\":\"对复核决定不服\"}");
    assertThat(second.status()).as(second.body()).isEqualTo(202);
    assertThat(second.json().get("level").asText()).isEqualTo("ADMIN");
  }

  /** An objection process of 淮北 for a decision served on 2026-09-18, past its registration job. */
  private String openObjection() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("objection", Map.of("region", "huaibei",
        "decisionType", "VIOLATION_DECISION", "decision", "暂停结算 3 个月", "party", "淮北市某药房",
        "noticeServedOn", "2026-09-18", "subjectRef", "WG-2026-huaibei-000001"));
    Jobs.executeDue(managementService, pi.getId());
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
  }
}
