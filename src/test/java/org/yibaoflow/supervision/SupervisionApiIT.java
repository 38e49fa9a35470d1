package org.yibaoflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.TestClock;

/**
 * The supervision API against cases opened as caseworkers open them: deadlines across user tasks and process timers
 * (the 10-working-day investigation, the 7-day document deadline of R-VIO-7), overdue once the clock passes a due
 * date, the counts moving with new cases, the signing rate (R-DES-4), incidents and the supervisor's retry, roles and
 * regions (济宁 sees nothing of 淮北).
 */
@IntegrationTest
class SupervisionApiIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  WorkingDayCalendar calendar;
  @Autowired
  TestClock clock;
  @Autowired
  JdbcTemplate jdbc;

  SupervisionFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new SupervisionFixtures(port, institutions, agreements, runtimeService, taskService, managementService,
        clock);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void deadlinesListTasksAndProcessTimersOfTheRegionAndTurnOverdueWhenTheDayPasses() {
    SupervisionFixtures.OpenedCase investigating = fixtures.investigating("huaibei", "期限测试医院甲");
    SupervisionFixtures.OpenedCase documents = fixtures.awaitingDocuments("huaibei", "期限测试医院乙");
    SupervisionFixtures.OpenedCase jining = fixtures.investigating("jining", "期限测试济宁医院");
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    // R-TIME-1: 调查取证 is due at the end of the 10th working day; R-VIO-7/R-TIME-2: records within 7 days
    Instant investigationDue = calendar.addWorkingDays(today, 10).expiresAt();
    Instant documentsDue = calendar.addDays(today, 7).expiresAt();

    JsonNode within10 = Http.demo(port, "chenmin").get("/api/supervision/deadlines?withinWorkingDays=10&limit=1000")
        .json();
    JsonNode task = item(within10, investigating.caseNo(), "TASK");
    assertThat(task).as("the investigation task").isNotNull();
    assertThat(task.get("step").asText()).isEqualTo("调查取证");
    assertThat(task.get("institution").asText()).isEqualTo(investigating.institution().name());
    assertThat(task.get("assigneeName").asText()).isEqualTo("待认领（经办人员）");
    assertThat(Instant.parse(task.get("due").asText())).isEqualTo(investigationDue);
    assertThat(task.get("dueBeijing").asText()).isEqualTo(DeadlineService.beijing(investigationDue));
    assertThat(task.get("overdue").asBoolean()).isFalse();
    JsonNode timer = item(within10, documents.caseNo(), "TIMER");
    assertThat(timer).as("the document-production deadline").isNotNull();
    assertThat(timer.get("kindZh").asText()).isEqualTo("资料提供期限");
    assertThat(timer.get("ruleId").asText()).isEqualTo("R-VIO-7");
    assertThat(timer.get("caseKind").asText()).isEqualTo("VIOLATION");
    assertThat(Instant.parse(timer.get("due").asText())).isEqualTo(documentsDue);
    assertThat(item(within10, jining.caseNo(), "TASK")).as("济宁's case is not 淮北's").isNull();

    // one working day ahead: neither the 10-working-day task nor the 7-day deadline falls due yet
    JsonNode within1 = Http.demo(port, "chenmin").get("/api/supervision/deadlines?withinWorkingDays=1&limit=1000").json();
    assertThat(item(within1, investigating.caseNo(), "TASK")).isNull();
    assertThat(item(within1, documents.caseNo(), "TIMER")).isNull();

    JsonNode zhaolei = Http.demo(port, "zhaolei").get("/api/supervision/deadlines?withinWorkingDays=10&limit=1000")
        .json();
    assertThat(item(zhaolei, jining.caseNo(), "TASK")).isNotNull();
    assertThat(caseNos(zhaolei)).doesNotContain(investigating.caseNo(), documents.caseNo());
    assertThat(StreamSupport.stream(zhaolei.get("items").spliterator(), false)
        .map(i -> i.get("region").asText()).distinct()).containsOnly("jining");

    // the investigation's last day has passed
    clock.set(investigationDue.plusSeconds(3600));
    JsonNode later = Http.demo(port, "chenmin").get("/api/supervision/deadlines?withinWorkingDays=0&limit=1000").json();
    assertThat(item(later, investigating.caseNo(), "TASK").get("overdue").asBoolean()).isTrue();
    assertThat(item(later, documents.caseNo(), "TIMER").get("overdue").asBoolean()).isTrue();
    assertThat(later.get("overdueCount").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void badInputRolesAndRegions() {
    Http chenmin = Http.demo(port, "chenmin");
    Http.Response tooFar = chenmin.get("/api/supervision/deadlines?withinWorkingDays=61");
    assertThat(tooFar.status()).isEqualTo(400);
    assertThat(tooFar.json().get("field").asText()).isEqualTo("withinWorkingDays");
    assertThat(tooFar.json().get("rule").asText()).isEqualTo("R-TIME-1");
    assertThat(chenmin.get("/api/supervision/deadlines?limit=0").status()).isEqualTo(400);
    assertThat(Http.demo(port, "zhangjing").get("/api/supervision/overview").status()).isEqualTo(403);
    assertThat(Http.demo(port, "wangqiang").get("/api/supervision/deadlines").status()).isEqualTo(403);
    assertThat(Http.demo(port, "demo").get("/api/supervision/overview").status()).isEqualTo(200);
    Http.Response anonymous = Http.anonymous(port).get("/api/supervision/overview");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.wwwAuthenticate()).startsWith("Basic");
    // an unknown user: a wrong password of a demo user would lock that user for seconds (engine login delay)
    assertThat(Http.as(port, "nobody", "wrong").get("/api/supervision/overview").status()).isEqualTo(401);
  }

  @Test
  void overviewCountsMoveWithTheRegionsCases() {
    Http chenmin = Http.demo(port, "chenmin");
    JsonNode before = chenmin.get("/api/supervision/overview").json();
    JsonNode jiningBefore = Http.demo(port, "zhaolei").get("/api/supervision/overview").json();
    SupervisionFixtures.OpenedCase a = fixtures.investigating("huaibei", "统计测试医院甲");
    SupervisionFixtures.OpenedCase b = fixtures.awaitingDocuments("huaibei", "统计测试医院乙");
    JsonNode after = chenmin.get("/api/supervision/overview").json();

    assertThat(after.has("regions")).as(after.toString()).isTrue();
    assertThat(after.get("regions").toString()).isEqualTo("[\"huaibei\"]");
    assertThat(after.get("openCases").asLong() - before.get("openCases").asLong()).isEqualTo(2);
    assertThat(processOpen(after, "violation-case") - processOpen(before, "violation-case")).isEqualTo(2);
    assertThat(stepOpen(after, "violation-case", "调查取证") - stepOpen(before, "violation-case", "调查取证"))
        .as("a waits in 调查取证; b waits for its records").isEqualTo(1);
    assertThat(processOpen(after, "document-production") - processOpen(before, "document-production")).isEqualTo(1);
    assertThat(stepOpen(after, "document-production", "期限：提供资料期限届满")
        - stepOpen(before, "document-production", "期限：提供资料期限届满")).isEqualTo(1);
    String month = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).toString().substring(0, 7);
    assertThat(monthOpened(after, month) - monthOpened(before, month)).isEqualTo(2);
    // b's settlement is suspended at once (R-VIO-7); a's agreement stays active
    assertThat(count(after.get("agreements"), "SETTLEMENT_SUSPENDED") - count(before.get("agreements"),
        "SETTLEMENT_SUSPENDED")).isEqualTo(1);
    assertThat(count(after.get("agreements"), "ACTIVE") - count(before.get("agreements"), "ACTIVE")).isEqualTo(1);
    assertThat(workloadOpen(after, null) - workloadOpen(before, null)).as("unclaimed tasks").isGreaterThanOrEqualTo(1);

    JsonNode jiningAfter = Http.demo(port, "zhaolei").get("/api/supervision/overview").json();
    assertThat(jiningAfter.get("openCases").asLong()).isEqualTo(jiningBefore.get("openCases").asLong());
    assertThat(jiningAfter.get("regions").toString()).isEqualTo("[\"jining\"]");
    assertThat(a.caseNo()).isNotEqualTo(b.caseNo());
  }

  @Test
  void theSigningRateIsTheOnlineShareOfTheYearsSigningsAgainstNinetyPercent() {
    Http chenmin = Http.demo(port, "chenmin");
    JsonNode before = signing(chenmin.get("/api/supervision/overview").json(), "huaibei");
    long signed0 = before.get("signed").asLong();
    long online0 = before.get("online").asLong();
    // nine renewals signed online and one on paper this year (R-DES-4 counts the channel of each signing)
    long campaign = RenewalRows.insert(jdbc, "huaibei", clock, 9, 1);
    JsonNode after = signing(chenmin.get("/api/supervision/overview").json(), "huaibei");
    assertThat(after.get("signed").asLong()).isEqualTo(signed0 + 10);
    assertThat(after.get("online").asLong()).isEqualTo(online0 + 9);
    double expected = Math.round((online0 + 9) * 1000.0 / (signed0 + 10)) / 10.0;
    assertThat(after.get("ratePercent").asDouble()).isEqualTo(expected);
    assertThat(after.get("targetPercent").asDouble()).isEqualTo(90.0);
    assertThat(after.get("targetMet").asBoolean()).isEqualTo(expected >= 90.0);
    assertThat(signing(Http.demo(port, "zhaolei").get("/api/supervision/overview").json(), "jining").get("signed")
        .asLong()).as("济宁 counts its own").isEqualTo(
            signing(Http.demo(port, "demo").get("/api/supervision/overview").json(), "jining").get("signed").asLong());
    RenewalRows.delete(jdbc, campaign);
  }

  @Test
  void aSupervisorRetriesAFailedJobOfTheRegionAndNoOther() {
    SupervisionFixtures.OpenedCase c = fixtures.awaitingDocuments("huaibei", "异常测试医院");
    Job timer = fixtures.documentTimer(c);
    managementService.setJobRetries(timer.getId(), 0); // the job has used up its attempts
    Incident incident = runtimeService.createIncidentQuery().configuration(timer.getId())
        .processInstanceId(timer.getProcessInstanceId()).singleResult();
    assertThat(incident).isNotNull();

    JsonNode list = Http.demo(port, "chenmin").get("/api/supervision/incidents").json();
    JsonNode shown = null;
    for (JsonNode i : list) {
      if (i.get("id").asText().equals(incident.getId())) {
        shown = i;
      }
    }
    assertThat(shown).isNotNull();
    assertThat(shown.get("caseNo").asText()).isEqualTo(c.caseNo());
    assertThat(shown.get("institution").asText()).isEqualTo(c.institution().name());
    assertThat(shown.get("plainZh").asText()).contains("自动执行失败").contains("重试");
    assertThat(shown.get("retryable").asBoolean()).isTrue();
    assertThat(ids(Http.demo(port, "zhaolei").get("/api/supervision/incidents").json())).doesNotContain(incident.getId());

    String retry = "/api/supervision/incidents/" + incident.getId() + "/retry";
    assertThat(Http.demo(port, "zhaolei").post(retry, "{}").status()).as("another region's").isEqualTo(404);
    assertThat(Http.demo(port, "zhangjing").post(retry, "{}").status()).as("a caseworker").isEqualTo(403);
    assertThat(Http.demo(port, "chenmin").post("/api/supervision/incidents/nope/retry", "{}").status()).isEqualTo(404);
    Http.Response done = Http.demo(port, "chenmin").post(retry, "{}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE entity_type = 'JOB' AND entity_id = ? "
        + "AND action = 'RETRY'", String.class, timer.getId())).isEqualTo("chenmin");
  }

  static JsonNode item(JsonNode deadlines, String caseNo, String kind) {
    for (JsonNode i : deadlines.get("items")) {
      if (caseNo.equals(i.path("caseNo").asText()) && kind.equals(i.get("kind").asText())) {
        return i;
      }
    }
    return null;
  }

  static List<String> caseNos(JsonNode deadlines) {
    List<String> nos = new ArrayList<>();
    deadlines.get("items").forEach(i -> nos.add(i.path("caseNo").asText()));
    return nos;
  }

  static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  static long processOpen(JsonNode overview, String key) {
    for (JsonNode p : overview.get("processes")) {
      if (p.get("processKey").asText().equals(key)) {
        return p.get("open").asLong();
      }
    }
    return 0;
  }

  static long stepOpen(JsonNode overview, String key, String step) {
    for (JsonNode p : overview.get("processes")) {
      if (p.get("processKey").asText().equals(key)) {
        for (JsonNode s : p.get("steps")) {
          if (s.get("step").asText().equals(step)) {
            return s.get("open").asLong();
          }
        }
      }
    }
    return 0;
  }

  static long monthOpened(JsonNode overview, String month) {
    for (JsonNode m : overview.get("months")) {
      if (m.get("month").asText().equals(month)) {
        return m.get("opened").asLong();
      }
    }
    return 0;
  }

  static long count(JsonNode counts, String name) {
    long n = 0;
    for (JsonNode c : counts) {
      if (c.get("name").asText().equals(name)) {
        n += c.get("total").asLong();
      }
    }
    return n;
  }

  static long workloadOpen(JsonNode overview, String assignee) {
    for (JsonNode w : overview.get("workload")) {
      JsonNode a = w.get("assignee"); // left out when null (spring.jackson.default-property-inclusion non_null)
      boolean unassigned = a == null || a.isNull();
      if (assignee == null ? unassigned : !unassigned && assignee.equals(a.asText())) {
        return w.get("open").asLong();
      }
    }
    return 0;
  }

  static JsonNode signing(JsonNode overview, String region) {
    for (JsonNode s : overview.get("signing")) {
      if (s.get("region").asText().equals(region)) {
        return s;
      }
    }
    throw new AssertionError("no signing figure for " + region);
  }

}
