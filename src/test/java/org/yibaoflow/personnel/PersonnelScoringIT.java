package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;
import org.yibaoflow.support.TestClock;

/**
 * A qualified person of 济宁 (rule set SEED_004) from the first deduction to termination over HTTP
 * (/api as caseworker liuyang, /engine-rest as supervisor zhaolei): 6 points suspend 3 months (R-PERS-6),
 * the 30 % ripple asks the supervisor (R-PERS-10), 9 points replace the suspension from the new decision date
 * (R-PERS-7), 21 points terminate with a 2-year bar for a single 12-point incident (R-PERS-8), payable answers
 * for settlement (R-PERS-9), key monitoring (R-PERS-13). Each measure passes the real objection process whose
 * window runs out unused (R-PERS-12). Jobs are driven by the test; timers are fired explicitly.
 */
@IntegrationTest
class PersonnelScoringIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  PersonnelService personnel;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;
  @Autowired
  Deadlines deadlines;

  LocalDate today;

  @BeforeEach
  void fixTheDay() {
    clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    today = LocalDate.now(clock);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  long site() {
    Institution i = institutions.register(new NewInstitution("jining", RegistryFixtures.institutionCode("HOSPITAL"),
        "济宁记分流程测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("370800"), "二级", List.of(),
        List.of(), "集成测试", null));
    LocalDate start = today.withDayOfYear(1);
    return agreements.sign(i.id(), start, start.plusYears(2).minusDays(1), AgreementState.ACTIVE, "集成测试", null)
        .institutionId();
  }

  String person(long site) {
    return personnel.register(new NewPerson("jining", RegistryFixtures.nationalCode("D"),
        RegistryFixtures.idNumber("370811"), "记分流程测试医师", "PHYSICIAN", null, List.of(site), today.minusMonths(1), "集成测试登记",
        null)).person().nationalCode();
  }

  JsonNode deduct(String code, String ref, String... codes) {
    StringBuilder findings = new StringBuilder();
    for (String c : codes) {
      findings.append(findings.length() == 0 ? "" : ",").append("{\"codes\":[\"").append(c)
          .append("\"],\"description\":\"检查发现的违规行为\"}");
    }
    Http.Response r = Http.demo(port, "liuyang").post("/api/personnel/" + code + "/deductions",
        "{\"inspectionRef\":\"" + ref + "\",\"inspectedOn\":\"" + today + "\",\"findings\":[" + findings + "]}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  ProcessInstance instance(String caseNo) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("personnel-scoring").singleResult();
  }

  /** Runs the due async continuations of the case and its objection until it waits (timers are not due yet). */
  void settle(String pi) {
    for (int round = 0; round < 20; round++) {
      List<String> ids = new ArrayList<>(List.of(pi));
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).list().forEach(s -> ids.add(s.getId()));
      if (managementService.createJobQuery().processInstanceIds(new java.util.HashSet<>(ids)).executable().count()
          == 0) {
        return;
      }
      Jobs.executeDue(managementService, ids.toArray(String[]::new));
    }
  }

  Job timer(String pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi).activityId(activityId).timers().singleResult();
  }

  /** The measure passes its objection window unused (R-PERS-12): the window timer fires, the decision is final. */
  void noObjection(String pi) {
    settle(pi);
    ProcessInstance objection = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult();
    assertThat(objection).as("objection call activity").isNotNull();
    managementService.executeJob(timer(objection.getId(), "Event_WindowExpired").getId());
    settle(pi);
  }

  String agreementState(String code) {
    return jdbc.queryForObject("SELECT pa.state FROM person_agreement pa JOIN person p ON p.id = pa.person_id "
        + "WHERE p.national_code = ?", String.class, code);
  }

  @Test
  void fromTheFirstDeductionToTermination() {
    long site = site();
    String code = person(site);
    person(site);
    person(site);
    Http liuyang = Http.demo(port, "liuyang");
    Http zhaolei = Http.demo(port, "zhaolei");

    // 6 points: 3-month suspension (R-PERS-6), after the written notice and the objection window (R-PERS-12)
    JsonNode first = deduct(code, "JC-IT1-" + code, "P6-1");
    assertThat(first.get("measure").asText()).isEqualTo("SUSPEND_3_MONTHS");
    assertThat(first.get("ruleSet").asText()).isEqualTo("SEED_004");
    String case1 = first.get("caseNo").asText();
    assertThat(case1).startsWith("RY-").contains("-jining-");
    String pi1 = instance(case1).getId();
    assertThat(agreementState(code)).isEqualTo("ACTIVE");
    noObjection(pi1);
    assertThat(agreementState(code)).isEqualTo("SUSPENDED");
    Date expiry3 = deadlines.months(today, 3);
    LocalDate last3 = PersonnelMeasureEffects.lastDay(expiry3);
    assertThat(jdbc.queryForObject("SELECT suspended_until FROM personnel_measure WHERE case_no = ?", LocalDate.class,
        case1)).isEqualTo(last3);

    // R-PERS-9: not payable during the suspension, payable before it
    JsonNode payable = liuyang.get("/api/personnel/" + code + "/payable?date=" + today).json();
    assertThat(payable.get("payable").asBoolean()).isFalse();
    assertThat(payable.get("rule").asText()).isEqualTo("R-PERS-9");
    assertThat(liuyang.get("/api/personnel/" + code + "/payable?date=" + today.minusDays(1)).json().get("payable")
        .asBoolean()).isTrue();
    assertThat(Http.demo(port, "zhangjing").get("/api/personnel/" + code + "/payable?date=" + today).status())
        .isEqualTo(404);

    // R-PERS-10: 1 of the site's 3 persons suspended = 33 % >= 30 %: the supervisor decides (here: not yet)
    JsonNode task = zhaolei.get("/engine-rest/task?processInstanceId=" + pi1).json().get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_ProposeInstitutionMeasure");
    assertThat(liuyang.get("/engine-rest/task?processInstanceId=" + pi1).json()).isEmpty();
    assertThat(zhaolei.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        "{\"variables\":{\"institutionProposal\":{\"value\":\"NONE\"},"
            + "\"institutionProposalReason\":{\"value\":\"先行约谈机构负责人\"}}}").status()).isEqualTo(204);
    settle(pi1);
    assertThat(jdbc.queryForObject("SELECT status FROM institution_personnel_proposal WHERE institution_id = ?",
        String.class, site)).isEqualTo("NONE");
    // R-PERS-7: the suspension ends by itself at the end of its last day
    assertThat(timer(pi1, "Event_SuspensionExpires").getDuedate()).isEqualTo(expiry3);

    // 9 points during the suspension: 6 months from the new decision, replacing the rest of the 3 months
    JsonNode second = deduct(code, "JC-IT2-" + code, "P3-1");
    assertThat(second.get("measure").asText()).isEqualTo("SUSPEND_6_MONTHS");
    String case2 = second.get("caseNo").asText();
    String pi2 = instance(case2).getId();
    noObjection(pi2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi1).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi1)
        .activityId("EndEvent_Replaced").count()).isEqualTo(1);
    assertThat(jdbc.queryForMap("SELECT status, replaced_by FROM personnel_measure WHERE case_no = ?", case1))
        .containsEntry("STATUS", "REPLACED").containsEntry("REPLACED_BY", case2);
    Date expiry6 = deadlines.months(today, 6);
    assertThat(timer(pi2, "Event_SuspensionExpires").getDuedate()).isEqualTo(expiry6);
    assertThat(jdbc.queryForObject("SELECT pa.suspended_until FROM person_agreement pa JOIN person p "
        + "ON p.id = pa.person_id WHERE p.national_code = ?", LocalDate.class, code))
        .isEqualTo(PersonnelMeasureEffects.lastDay(expiry6));

    // a 12-point violation: 21 points, terminated; one incident of 12 bars a new agreement for 2 years (R-PERS-8)
    JsonNode third = deduct(code, "JC-IT3-" + code, "P12-1");
    assertThat(third.get("measure").asText()).isEqualTo("TERMINATE");
    String pi3 = instance(third.get("caseNo").asText()).getId();
    noObjection(pi3);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(
        new java.util.HashSet<>(List.of(pi2, pi3))).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi3)
        .activityId("EndEvent_Terminated").count()).isEqualTo(1);
    assertThat(jdbc.queryForMap("SELECT pa.state, pa.bar_until FROM person_agreement pa JOIN person p "
        + "ON p.id = pa.person_id WHERE p.national_code = ?", code))
        .containsEntry("STATE", "TERMINATED").containsEntry("BAR_UNTIL", java.sql.Date.valueOf(today.plusYears(2)));
    JsonNode after = liuyang.get("/api/personnel/" + code + "/payable?date=" + today.plusYears(1)).json();
    assertThat(after.get("payable").asBoolean()).isFalse();
    assertThat(after.get("reasonZh").asText()).contains("解除");

    // R-PERS-13: the 12-point violation puts the site on the key monitoring list, seen by 济宁's supervisor only
    JsonNode list = zhaolei.get("/api/personnel/key-monitoring?year=" + today.getYear()).json();
    assertThat(list.findValuesAsText("institutionId")).contains(String.valueOf(site));
    assertThat(Http.demo(port, "chenmin").get("/api/personnel/key-monitoring").json().findValuesAsText("institutionId"))
        .doesNotContain(String.valueOf(site));
    assertThat(liuyang.get("/api/personnel/key-monitoring").status()).isEqualTo(403);
    // every change of the person's agreement is audited with its rule
    long personId = jdbc.queryForObject("SELECT id FROM person WHERE national_code = ?", Long.class, code);
    assertThat(jdbc.queryForList("SELECT a.rule_id FROM audit_log a JOIN person_agreement pa "
        + "ON a.entity_type = 'PERSON_AGREEMENT' AND a.entity_id = CAST(pa.id AS VARCHAR(20)) WHERE pa.person_id = ? "
        + "ORDER BY a.id", String.class, personId)).containsSubsequence("R-PERS-1", "R-PERS-6", "R-PERS-6", "R-PERS-8");
  }

  @Test
  void aSuspensionEndsByItselfAtTheTimer() {
    long site = site();
    String code = person(site);
    for (int i = 0; i < 3; i++) {
      person(site);
    }
    String caseNo = deduct(code, "JC-IT4-" + code, "P6-2").get("caseNo").asText();
    String pi = instance(caseNo).getId();
    noObjection(pi);
    // 1 of 4 = 25 % < 30 %: no proposal; the case waits for the expiry
    Job expiry = timer(pi, "Event_SuspensionExpires");
    assertThat(expiry.getDuedate()).isEqualTo(deadlines.months(today, 3));
    assertThat(agreementState(code)).isEqualTo("SUSPENDED");

    managementService.executeJob(expiry.getId());
    settle(pi);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(agreementState(code)).isEqualTo("ACTIVE");
    assertThat(jdbc.queryForObject("SELECT status FROM personnel_measure WHERE case_no = ?", String.class, caseNo))
        .isEqualTo("RESTORED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'RESTORED' AND rule_id = 'R-PERS-7' "
        + "AND entity_type = 'PERSON_AGREEMENT' AND process_instance_id = ?", Integer.class, pi)).isEqualTo(1);
  }

  @Test
  void aFailedYearlyTestIsTerminatedByTheProcessAfterTheWindowAndTheExamFormFollowsTheAge() {
    long site = site();
    String code = person(site);
    Http liuyang = Http.demo(port, "liuyang");
    LocalDate birth = jdbc.queryForObject("SELECT birth_date FROM person WHERE national_code = ?", LocalDate.class, code);
    JsonNode form = liuyang.get("/api/personnel/" + code + "/exam-form?date=" + birth.plusYears(50)).json();
    assertThat(form.get("examForm").asText()).isEqualTo("OPEN_BOOK");
    assertThat(liuyang.get("/api/personnel/" + code + "/exam-form?date=" + birth.plusYears(50).minusDays(1)).json()
        .get("examForm").asText()).isEqualTo("CLOSED_BOOK");

    String body = "{\"testedOn\":\"" + today + "\",\"passed\":false,\"score\":42,\"reason\":\"年度医保政策测试\"}";
    Http.Response r = liuyang.post("/api/personnel/" + code + "/tests", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    // issue 13: the endpoint records the result and starts the process; the agreement is not touched
    String caseNo = r.json().get("caseNo").asText();
    assertThat(r.json().get("caseStatus").asText()).isEqualTo("DECIDED");
    assertThat(r.json().hasNonNull("barUntil")).as("no bar before the process terminates").isFalse();
    assertThat(liuyang.post("/api/personnel/" + code + "/tests", body).status()).isEqualTo(200);
    assertThat(agreementState(code)).isEqualTo("ACTIVE");
    assertThat(liuyang.get("/api/personnel/" + code + "/payable?date=" + today).json().get("payable").asBoolean())
        .isTrue();
    String pi = instance(caseNo).getId();
    settle(pi);
    // R-PERS-12: the written notice today opens the window of 10 working days (R-TIME-1); still nothing changed
    ProcessInstance objection = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult();
    java.util.Date windowEnd = timer(objection.getId(), "Event_WindowExpired").getDuedate();
    assertThat(windowEnd).isEqualTo(deadlines.workingDays(today, 10));
    assertThat(agreementState(code)).isEqualTo("ACTIVE");

    // the window runs out unused: the process terminates on that day (R-PERS-2), the bar 1 year
    // (personnel-failed-test-bar, 004 §三(三)) from the termination, audited with the process instance
    clock.set(windowEnd.toInstant().plusSeconds(3600));
    LocalDate terminatedOn = LocalDate.ofInstant(windowEnd.toInstant(), WorkingDayCalendar.ZONE);
    assertThat(terminatedOn).isAfter(today.plusDays(13));
    noObjection(pi);
    assertThat(agreementState(code)).isEqualTo("TERMINATED");
    assertThat(jdbc.queryForMap("SELECT status, effective_on, bar_until FROM personnel_measure WHERE case_no = ?",
        caseNo)).containsEntry("STATUS", "TERMINATED").containsEntry("EFFECTIVE_ON", java.sql.Date.valueOf(terminatedOn))
        .containsEntry("BAR_UNTIL", java.sql.Date.valueOf(terminatedOn.plusYears(1)));
    assertThat(liuyang.post("/api/personnel/" + code + "/tests", body).json().get("barUntil").asText())
        .isEqualTo(terminatedOn.plusYears(1).toString());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'PERSONNEL_MEASURE' AND"
        + " entity_id = ? AND action = 'TERMINATED' AND rule_id = 'R-PERS-2' AND process_instance_id = ?",
        Integer.class, caseNo, pi)).isEqualTo(1);
    assertThat(liuyang.get("/api/personnel/" + code + "/payable?date=" + terminatedOn).json().get("rule").asText())
        .isEqualTo("R-PERS-2");
    Http.Response bad = liuyang.post("/api/personnel/" + code + "/tests", "{\"testedOn\":\"" + today
        + "\",\"reason\":\"缺少结果\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("passed");
  }

  /**
   * R-PERS-2 + R-PERS-10: a failed yearly test, once the process terminated it after the objection window, that
   * tips the site over the share (1 of 3 = 33 % >= 30 %) gives the region's supervisor the proposal task over
   * /engine-rest; a second failed test at the same site in the year, and the same result posted again, give no
   * second proposal.
   */
  @Test
  void aFailedTestThatTipsTheSiteOverTheShareAsksTheSupervisorAtOnce() {
    long site = site();
    String failing = person(site);
    String second = person(site);
    String bystander = person(site);
    Http liuyang = Http.demo(port, "liuyang");
    String body = "{\"testedOn\":\"" + today + "\",\"passed\":false,\"score\":38,\"reason\":\"年度医保政策测试\"}";
    Http.Response r = liuyang.post("/api/personnel/" + failing + "/tests", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String caseNo = r.json().get("caseNo").asText();
    ProcessInstance started = instance(caseNo);
    assertThat(started).as("personnel-scoring started at its failed-test message start").isNotNull();
    assertThat(started.getTenantId()).isEqualTo("jining");
    assertThat(jdbc.queryForObject("SELECT process_instance_id FROM personnel_measure WHERE case_no = ?", String.class,
        caseNo)).isEqualTo(started.getId());
    // the same result posted again starts nothing more
    assertThat(liuyang.post("/api/personnel/" + failing + "/tests", body).status()).isEqualTo(200);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("personnel-scoring")
        .processInstanceBusinessKey(caseNo).count()).isEqualTo(1);
    String pi = started.getId();
    noObjection(pi);

    Http zhaolei = Http.demo(port, "zhaolei");
    JsonNode tasks = zhaolei.get("/engine-rest/task?processInstanceId=" + pi).json();
    assertThat(tasks).hasSize(1);
    JsonNode task = tasks.get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_ProposeInstitutionMeasure");
    assertThat(task.get("name").asText()).isEqualTo("审批机构协议处理建议");
    JsonNode vars = zhaolei.get("/engine-rest/task/" + task.get("id").asText() + "/form-variables").json();
    assertThat(vars.get("thresholdInstitutionId").get("value").asLong()).isEqualTo(site);
    assertThat(vars.get("thresholdSummary").get("value").asText()).contains("3 名相关人员中 1 名");
    // another region's supervisor does not see it
    assertThat(Http.demo(port, "chenmin").get("/engine-rest/task?processInstanceId=" + pi).json()).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution_personnel_proposal WHERE institution_id = ?",
        Integer.class, site)).isEqualTo(1);

    // a second failed test at the site this year: the share is checked again, but the site has its proposal
    Http.Response r2 = liuyang.post("/api/personnel/" + second + "/tests", body);
    assertThat(r2.status()).as(r2.body()).isEqualTo(201);
    String pi2 = instance(r2.json().get("caseNo").asText()).getId();
    noObjection(pi2);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi2).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Terminated");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution_personnel_proposal WHERE institution_id = ?",
        Integer.class, site)).isEqualTo(1);

    assertThat(zhaolei.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        "{\"variables\":{\"institutionProposal\":{\"value\":\"TERMINATE\"},"
            + "\"institutionProposalReason\":{\"value\":\"年度测试未合格人员达到比例\"}}}").status()).isEqualTo(204);
    settle(pi);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Terminated");
    // R-PERS-10: the institution's agreement ends with cause PERSONNEL_THRESHOLD; R-PERS-11: the bystander follows
    assertThat(jdbc.queryForObject("SELECT state FROM agreement WHERE institution_id = ?", String.class, site))
        .isEqualTo("TERMINATED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AGREEMENT' AND rule_id = "
        + "'R-PERS-10' AND details LIKE 'cause=PERSONNEL_THRESHOLD%' AND process_instance_id = ?", Integer.class, pi))
        .isEqualTo(1);
    assertThat(agreementState(bystander)).isEqualTo("TERMINATED");
  }

  @Test
  void theSecondDemoRegionGradesDeductionsAndTheCaseworkerChoosesTheMonths() {
    Institution i = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode("HOSPITAL"),
        "淮北记分流程测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级", List.of(),
        List.of(), "集成测试", null));
    agreements.sign(i.id(), today.withDayOfYear(1), today.withDayOfYear(1).plusYears(2).minusDays(1),
        AgreementState.ACTIVE, "集成测试", null);
    String code = personnel.register(new NewPerson("huaibei", RegistryFixtures.nationalCode("D"),
        RegistryFixtures.idNumber("340603"), "分级扣分测试医师", "PHYSICIAN", null, List.of(i.id()), null, "集成测试登记",
        null)).person().nationalCode();
    Http zhangjing = Http.demo(port, "zhangjing");
    String url = "/api/personnel/" + code + "/deductions";
    // GRADED_12: a 6-point case costs 7-9 points chosen by severity; without points it is refused
    Http.Response missing = zhangjing.post(url, "{\"inspectionRef\":\"HB-1\",\"inspectedOn\":\"" + today
        + "\",\"findings\":[{\"codes\":[\"P6-1\"],\"description\":\"拒绝检查\"}]}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("field").asText()).isEqualTo("findings[0].points");
    assertThat(missing.json().get("rule").asText()).isEqualTo("R-PERS-4");
    Http.Response r = zhangjing.post(url, "{\"inspectionRef\":\"HB-1\",\"inspectedOn\":\"" + today
        + "\",\"findings\":[{\"codes\":[\"P6-1\"],\"description\":\"拒绝检查\",\"points\":9}]}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("ruleSet").asText()).isEqualTo("GRADED_12");
    assertThat(r.json().get("measure").asText()).isEqualTo("SUSPEND");
    String pi = instance(r.json().get("caseNo").asText()).getId();
    JsonNode task = zhangjing.get("/engine-rest/task?processInstanceId=" + pi).json().get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_ChooseMonths");
    assertThat(zhangjing.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        "{\"variables\":{\"suspensionMonths\":{\"value\":2}}}").status()).isEqualTo(204);
    noObjection(pi);
    // the only person of the site: 100 % >= 30 %, 淮北's supervisor decides on the institution (R-PERS-10)
    Http chenmin = Http.demo(port, "chenmin");
    JsonNode proposal = chenmin.get("/engine-rest/task?processInstanceId=" + pi).json().get(0);
    assertThat(proposal.get("taskDefinitionKey").asText()).isEqualTo("Task_ProposeInstitutionMeasure");
    assertThat(chenmin.post("/engine-rest/task/" + proposal.get("id").asText() + "/submit-form",
        "{\"variables\":{\"institutionProposal\":{\"value\":\"NONE\"},"
            + "\"institutionProposalReason\":{\"value\":\"仅一名人员，暂不处理机构\"}}}").status()).isEqualTo(204);
    settle(pi);
    assertThat(timer(pi, "Event_SuspensionExpires").getDuedate()).isEqualTo(deadlines.months(today, 2));
    assertThat(agreementState(code)).isEqualTo("SUSPENDED");
  }

  @Test
  void anObjectionThatChangesTheDecisionCorrectsTheLedgerAndNothingIsSuspended() {
    long site = site();
    String code = person(site);
    for (int i = 0; i < 3; i++) {
      person(site);
    }
    Http liuyang = Http.demo(port, "liuyang");
    Http zhaolei = Http.demo(port, "zhaolei");
    String caseNo = deduct(code, "JC-IT5-" + code, "P6-3").get("caseNo").asText();
    String pi = instance(caseNo).getId();
    settle(pi);
    // the institution objects within the window through /api (R-PERS-12)
    String objectionPi = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
    String objectionNo = runtimeService.createProcessInstanceQuery().processInstanceId(objectionPi).singleResult()
        .getBusinessKey();
    assertThat(liuyang.post("/api/objections/" + objectionNo + "/filings",
        "{\"reasons\":\"受处罚的并非本人经办的处方\",\"evidence\":\"处方底联\"}").status()).isEqualTo(202);
    JsonNode review = liuyang.get("/engine-rest/task?processInstanceId=" + objectionPi).json().get(0);
    assertThat(review.get("taskDefinitionKey").asText()).isEqualTo("Task_ReviewObjection");
    assertThat(liuyang.post("/engine-rest/task/" + review.get("id").asText() + "/submit-form",
        "{\"variables\":{\"reviewOutcome\":{\"value\":\"CHANGED\"},\"changedDecision\":{\"value\":\"改为扣3分\"},"
            + "\"reviewReasons\":{\"value\":\"仅一项违规成立\"}}}").status()).isEqualTo(204);
    JsonNode approval = zhaolei.get("/engine-rest/task?processInstanceId=" + objectionPi).json().get(0);
    assertThat(zhaolei.post("/engine-rest/task/" + approval.get("id").asText() + "/submit-form",
        "{\"variables\":{\"reviewApproval\":{\"value\":\"APPROVE\"}}}").status()).isEqualTo(204);
    Jobs.executeDue(managementService, objectionPi);
    // no objection to the administrative department: the changed decision becomes final
    managementService.executeJob(timer(objectionPi, "Event_SecondWindowExpired").getId());
    settle(pi);

    JsonNode change = liuyang.get("/engine-rest/task?processInstanceId=" + pi).json().get(0);
    assertThat(change.get("taskDefinitionKey").asText()).isEqualTo("Task_RecordChange");
    assertThat(liuyang.post("/engine-rest/task/" + change.get("id").asText() + "/submit-form",
        "{\"variables\":{\"adjustedPoints\":{\"value\":3},\"changeNote\":{\"value\":\"按复核决定改为扣3分\"}}}")
        .status()).isEqualTo(204);
    settle(pi);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId("EndEvent_NoMeasure")
        .count()).isEqualTo(1);
    assertThat(agreementState(code)).isEqualTo("ACTIVE");
    assertThat(jdbc.queryForMap("SELECT status, total, measure FROM personnel_measure WHERE case_no = ?", caseNo))
        .containsEntry("STATUS", "NO_MEASURE").containsEntry("TOTAL", 3).containsEntry("MEASURE", "NONE");
    // the ledger now answers 3 for the year: a new 1-point deduction gives 4, still no measure
    JsonNode next = deduct(code, "JC-IT6-" + code, "P1-1");
    assertThat(next.get("total").asInt()).isEqualTo(4);
    assertThat(next.get("measure").asText()).isEqualTo("NONE");
    long personId = jdbc.queryForObject("SELECT id FROM person WHERE national_code = ?", Long.class, code);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'PERSON' AND entity_id = ? "
        + "AND action = 'POINTS_ADJUSTED' AND rule_id = 'R-PERS-12'", Integer.class, String.valueOf(personId)))
        .isEqualTo(1);
  }

  @Test
  void theSupervisorSuspendsTheInstitutionWhenThirtyPercentOfItsPersonnelAreSuspended() {
    long site = site();
    String code = person(site);
    String other = person(site);
    person(site);
    String pi = instance(deduct(code, "JC-IT7-" + code, "P6-4").get("caseNo").asText()).getId();
    noObjection(pi);
    Http zhaolei = Http.demo(port, "zhaolei");
    JsonNode task = zhaolei.get("/engine-rest/task?processInstanceId=" + pi).json().get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_ProposeInstitutionMeasure");
    assertThat(zhaolei.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        "{\"variables\":{\"institutionProposal\":{\"value\":\"SUSPEND\"},"
            + "\"institutionProposalReason\":{\"value\":\"三分之一人员被中止协议\"}}}").status()).isEqualTo(204);
    settle(pi);

    // R-PERS-10: the institution's agreement is suspended with cause PERSONNEL_THRESHOLD; R-PERS-11: its personnel follow
    assertThat(jdbc.queryForMap("SELECT state, suspension_count FROM agreement WHERE institution_id = ?", site))
        .containsEntry("STATE", "SUSPENDED").containsEntry("SUSPENSION_COUNT", 1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AGREEMENT' AND rule_id = "
        + "'R-PERS-10' AND details LIKE 'cause=PERSONNEL_THRESHOLD%' AND process_instance_id = ?", Integer.class, pi))
        .isEqualTo(1);
    assertThat(jdbc.queryForMap("SELECT pa.state, pa.follows_institution FROM person_agreement pa JOIN person p "
        + "ON p.id = pa.person_id WHERE p.national_code = ?", other))
        .containsEntry("STATE", "SUSPENDED").containsEntry("FOLLOWS_INSTITUTION", true);
    // the person's own suspension stays their own and keeps its timer
    assertThat(timer(pi, "Event_SuspensionExpires")).isNotNull();
    assertThat(Http.demo(port, "liuyang").get("/api/personnel/" + other + "/payable?date=" + today).json()
        .get("rule").asText()).isEqualTo("R-PERS-11");
  }
}
