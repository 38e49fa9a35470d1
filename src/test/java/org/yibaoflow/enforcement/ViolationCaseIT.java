package org.yibaoflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.evaluation.EvaluationFacts;
import org.yibaoflow.evaluation.EvaluationFactsSource;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Violation cases over HTTP: intake (one case per external reference, 400 problems, region isolation), the
 * document deadline ending in termination with the ban (R-VIO-7, R-VIO-9), a fraud case from investigation
 * through legal review, approval, notice and the objection window to termination (R-VIO-3) with a retried job
 * recording nothing twice, and the region's suspension count (R-VIO-5: third in 淮北, second in 济宁).
 */
@IntegrationTest
class ViolationCaseIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  ViolationFindingsService findings;
  @Autowired
  ViolationDecisionService decisions;
  @Autowired
  ViolationRectificationService rectification;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;
  @Autowired
  EvaluationFactsSource evaluationFacts;

  // ------------------------------------------------------------------ intake

  @Test
  void theSameExternalReferenceOpensOneCaseAndBadInputChangesNothing() {
    Institution hospital = institution("huaibei", "HOSPITAL");
    Http zhangjing = Http.demo(port, "zhangjing");
    Institution unsigned = institution("huaibei", "HOSPITAL");
    Http.Response noAgreement = zhangjing.post("/api/violation-cases", intake(unsigned, "GEN_OVERCHARGE", null));
    assertThat(noAgreement.status()).isEqualTo(409);
    assertThat(noAgreement.json().get("field").asText()).isEqualTo("institutionCode");
    agreementOf(hospital);
    String ref = "ZNJK-" + System.nanoTime();
    Http.Response first = zhangjing.post("/api/violation-cases", intake(hospital, "GEN_OVERCHARGE", ref));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String caseNo = first.json().get("caseNo").asText();
    assertThat(caseNo).matches("VC-\\d{4}-huaibei-\\d{6}");
    Http.Response again = zhangjing.post("/api/violation-cases", intake(hospital, "GEN_OVERCHARGE", ref));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("caseNo").asText()).isEqualTo(caseNo);
    assertThat(again.json().get("created").asBoolean()).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM violation_case WHERE external_ref = ?", Integer.class, ref))
        .isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count()).isEqualTo(1);

    int cases = jdbc.queryForObject("SELECT COUNT(*) FROM violation_case", Integer.class);
    Http.Response unknownCode = zhangjing.post("/api/violation-cases", intake(hospital, "NOPE", null));
    assertThat(unknownCode.status()).isEqualTo(400);
    assertThat(unknownCode.contentType()).contains("application/problem+json");
    assertThat(unknownCode.json().get("field").asText()).isEqualTo("suspectedViolations");
    assertThat(unknownCode.json().get("rule").asText()).isEqualTo("R-VIO-2");
    Http.Response pharmacyOnly = zhangjing.post("/api/violation-cases", intake(hospital, "YINYANG_PRICE", null));
    assertThat(pharmacyOnly.status()).isEqualTo(400);
    Http.Response badSource = zhangjing.post("/api/violation-cases",
        intake(hospital, "GEN_OVERCHARGE", null).replace("SMART_MONITORING", "RUMOUR"));
    assertThat(badSource.status()).isEqualTo(400);
    assertThat(badSource.json().get("rule").asText()).isEqualTo("R-VIO-1");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM violation_case", Integer.class)).isEqualTo(cases);

    // another region's caseworker neither sees nor opens cases here
    Http liuyang = Http.demo(port, "liuyang");
    assertThat(liuyang.get("/api/violation-cases/" + caseNo).status()).isEqualTo(404);
    assertThat(liuyang.post("/api/violation-cases", intake(hospital, "GEN_OVERCHARGE", null)
        .replace("{", "{\"region\":\"huaibei\",")).status()).isEqualTo(403);
    assertThat(Http.anonymous(port).post("/api/violation-cases", intake(hospital, "GEN_OVERCHARGE", null)).status())
        .isEqualTo(401);
    assertThat(zhangjing.get("/api/violation-cases/" + caseNo).json().get("violationCase").get("status").asText())
        .isEqualTo("INVESTIGATING");
  }

  @Test
  void aCaseworkerOpensACaseWithTasklistsStartForm() {
    Institution pharmacy = institution("huaibei", "PHARMACY");
    agreementOf(pharmacy);
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    vars.putObject("source").put("value", "COMPLAINT").put("type", "String");
    vars.putObject("institutionCode").put("value", pharmacy.code()).put("type", "String");
    vars.putObject("suspectedViolations").put("value", "YINYANG_PRICE").put("type", "String");
    vars.putObject("suspectedAmount").put("value", 1200).put("type", "Long");
    Http.Response started = Http.demo(port, "zhangjing").post(
        "/engine-rest/process-definition/key/violation-case/start", body.toString());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pi = started.json().get("id").asText();
    drive(pi);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    assertThat(instance.getBusinessKey()).matches("VC-\\d{4}-huaibei-\\d{6}");
    assertThat(instance.getTenantId()).isEqualTo("huaibei");
    JsonNode view = Http.demo(port, "zhangjing").get("/api/violation-cases/" + instance.getBusinessKey()).json();
    assertThat(view.get("violationCase").get("source").asText()).isEqualTo("COMPLAINT");
    assertThat(view.get("violationCase").get("createdBy").asText()).isEqualTo("zhangjing");
    assertThat(view.get("violationCase").get("processInstanceId").asText()).isEqualTo(pi);
    assertThat(taskService.createTaskQuery().processInstanceId(pi).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Investigate");
  }

  @Test
  void concurrentSubmissionsOfOneExternalReferenceOpenOneCase() throws Exception {
    Institution hospital = institution("huaibei", "HOSPITAL");
    agreementOf(hospital);
    String ref = "ZNJK-" + System.nanoTime();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Http.Response>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return Http.demo(port, "zhangjing").post("/api/violation-cases", intake(hospital, "GEN_SWAP", ref));
        }));
      }
      start.countDown();
      java.util.Set<String> numbers = new java.util.HashSet<>();
      for (var answer : answers) {
        Http.Response r = answer.get();
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        numbers.add(r.json().get("caseNo").asText());
      }
      assertThat(numbers).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM violation_case WHERE external_ref = ?", Integer.class, ref))
        .isEqualTo(1);
  }

  // ------------------------------------------------------------------ R-VIO-7: documents late => termination

  @Test
  void recordsNotProvidedWithinTheDeadlineTerminateTheAgreementWithTheBan() {
    Institution hospital = institution("huaibei", "HOSPITAL");
    Agreement agreement = agreementOf(hospital);
    Http zhangjing = Http.demo(port, "zhangjing");
    JsonNode opened = zhangjing.post("/api/violation-cases", intake(hospital, "MGMT_RECORDS_NOT_KEPT",
        "ZNJK-" + System.nanoTime())).json();
    String caseNo = opened.get("caseNo").asText();
    String pi = opened.get("processInstanceId").asText();

    complete(zhangjing, pi, "Task_Investigate", Map.of("findingCodes", "MGMT_RECORDS_NOT_KEPT",
        "investigationNote", "病历、费用明细未按规定保管"));
    drive(pi);
    assertThat(agreements.find(agreement.id()).state()).isEqualTo(AgreementState.SETTLEMENT_SUSPENDED);
    ProcessInstance documents = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult();
    assertThat(documents.getBusinessKey()).isEqualTo(caseNo);
    assertThat(zhangjing.post("/api/violation-cases/" + caseNo + "/rectification-reported", "{}").status())
        .as("not waiting for a rectification report").isEqualTo(409);

    // the deadline passes: the timer job fires
    Job timer = managementService.createJobQuery().processInstanceId(documents.getId()).timers().singleResult();
    managementService.executeJob(timer.getId());
    drive(pi);

    Agreement after = agreements.find(agreement.id());
    assertThat(after.state()).isEqualTo(AgreementState.TERMINATED);
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    assertThat(institutions.eligibility(hospital.creditCode(), today).bannedUntil()).isEqualTo(today.plusYears(3));
    JsonNode view = zhangjing.get("/api/violation-cases/" + caseNo).json();
    assertThat(view.get("violationCase").get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("violationCase").get("outcome").asText()).isEqualTo("AGREEMENT_TERMINATED");
    assertThat(measures(view)).containsExactly("DOCUMENTS_REQUESTED", "DOCUMENTS_NOT_PROVIDED");
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'VIOLATION_CASE' AND entity_id = ? "
        + "ORDER BY id", String.class, caseNo)).containsExactly("OPENED", "FINDINGS_RECORDED", "CLOSED");
    assertThat(jdbc.queryForList("SELECT rule_id || ':' || to_state FROM audit_log WHERE entity_type = 'AGREEMENT' "
        + "AND entity_id = ? AND process_instance_id = ? ORDER BY id", String.class, String.valueOf(agreement.id()),
        documents.getId())).containsExactly("R-VIO-7:SETTLEMENT_SUSPENDED", "R-VIO-7:TERMINATED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
  }

  @Test
  void recordsProvidedInTimeOverHttpResumeSettlement() {
    Institution hospital = institution("huaibei", "HOSPITAL");
    Agreement agreement = agreementOf(hospital);
    Http zhangjing = Http.demo(port, "zhangjing");
    JsonNode opened = zhangjing.post("/api/violation-cases", intake(hospital, "RECORDS_NOT_PROVIDED", null)).json();
    String caseNo = opened.get("caseNo").asText();
    String pi = opened.get("processInstanceId").asText();
    complete(zhangjing, pi, "Task_Investigate", Map.of("findingCodes", "RECORDS_NOT_PROVIDED",
        "investigationNote", "未提供电子病历"));
    drive(pi);
    assertThat(agreements.find(agreement.id()).state()).isEqualTo(AgreementState.SETTLEMENT_SUSPENDED);
    assertThat(Http.demo(port, "liuyang").post("/api/violation-cases/" + caseNo + "/documents-provided", "{}")
        .status()).as("another region's user").isEqualTo(404);

    assertThat(zhangjing.post("/api/violation-cases/" + caseNo + "/documents-provided", "{}").status()).isEqualTo(204);
    complete(zhangjing, pi, "Task_ReviewDocuments", Map.of("documentReview", "SUFFICIENT",
        "documentReviewNote", "资料齐全"));
    drive(pi);
    assertThat(agreements.find(agreement.id()).state()).isEqualTo(AgreementState.ACTIVE);
    assertThat(taskService.createTaskQuery().processInstanceId(pi).singleResult().getTaskDefinitionKey())
        .as("the decision goes on").isEqualTo("Task_LegalReview");
    assertThat(runtimeService.getVariable(pi, "measureClass")).isEqualTo("RECTIFICATION");
  }

  // ------------------------------------------------------------------ full decision path, retried job

  @Test
  void aFraudCaseRunsFromIntakeToTerminationAndARetriedJobRecordsNothingTwice() {
    Institution hospital = institution("huaibei", "HOSPITAL");
    Agreement agreement = agreementOf(hospital);
    Http zhangjing = Http.demo(port, "zhangjing");
    JsonNode opened = zhangjing.post("/api/violation-cases", intake(hospital, "FRAUD_FICTITIOUS_SERVICES",
        "JB-" + System.nanoTime())).json();
    String caseNo = opened.get("caseNo").asText();
    String pi = opened.get("processInstanceId").asText();

    complete(zhangjing, pi, "Task_Investigate", Map.of("findingCodes", "FRAUD_FICTITIOUS_SERVICES",
        "defraudedAmount", 20000, "sampleAmount", 300.5, "samplingRatio", 0.05, "investigationNote", "虚构住院",
        "crimeSuspected", true, "publicOfficial", true));
    drive(pi);
    // R-VIO-6: serious-risk conduct suspends settlement at once
    assertThat(agreements.find(agreement.id()).state()).isEqualTo(AgreementState.SETTLEMENT_SUSPENDED);
    var decided = runtimeService.getVariables(pi);
    assertThat(decided).containsEntry("measureClass", "TERMINATION").containsEntry("measureRule", "R-VIO-3")
        .containsEntry("recoveryAmount", "20000.00").containsEntry("refusalAmount", "6010.00")
        .containsEntry("fineProposal", "100000.00");

    complete(Http.demo(port, "sunli"), pi, "Task_LegalReview", Map.of("legalApproval", "APPROVE",
        "legalOpinion", "事实清楚，依据 R-VIO-3"));
    complete(Http.demo(port, "chenmin"), pi, "Task_SupervisorApproval", Map.of("supervisorApproval", "APPROVE"));
    drive(pi);
    serveNotice(pi);
    ProcessInstance objection = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi)
        .processDefinitionKey("objection").singleResult();
    drive(pi);
    // nothing is executed while the objection window is open
    assertThat(agreements.find(agreement.id()).state()).isEqualTo(AgreementState.SETTLEMENT_SUSPENDED);
    Job window = managementService.createJobQuery().processInstanceId(objection.getId()).timers().singleResult();
    managementService.executeJob(window.getId());
    drive(objection.getId());
    assertThat(runtimeService.getVariable(pi, "objectionOutcome")).isEqualTo("NO_OBJECTION");

    // a retried job: the execution's domain writes are already there when its job runs (again)
    decisions.executeDecision(caseNo, "NO_OBJECTION", null, pi);
    int agreementAudit = agreementAudit(agreement);
    drive(pi);
    assertThat(agreementAudit(agreement)).as("no second transition").isEqualTo(agreementAudit);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM violation_measure WHERE case_no = ? AND measure = 'TERMINATION'",
        Integer.class, caseNo)).isEqualTo(1);

    Agreement after = agreements.find(agreement.id());
    assertThat(after.state()).isEqualTo(AgreementState.TERMINATED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution_ban WHERE agreement_id = ?", Integer.class,
        agreement.id())).isEqualTo(1);
    JsonNode view = zhangjing.get("/api/violation-cases/" + caseNo).json();
    assertThat(view.get("violationCase").get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("violationCase").get("noticeServedOn").asText()).isNotBlank();
    assertThat(view.get("violationCase").get("referralKinds").asText()).isEqualTo("JUDICIAL,DISCIPLINE");
    // R-VIO-11: the transfers run on in parallel; the closed case waits only for them
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).processDefinitionKey("referral")
        .list()).extracting(p -> runtimeService.getVariable(p.getId(), "referralKind"))
        .containsExactlyInAnyOrder("JUDICIAL", "DISCIPLINE");
    assertThat(measures(view)).containsExactly("RISK_SETTLEMENT_SUSPENSION", "TERMINATION", "RECOVERY", "REFUSAL",
        "FINE_PROPOSAL");
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'VIOLATION_CASE' AND entity_id = ? "
        + "ORDER BY id", String.class, caseNo)).containsExactly("OPENED", "FINDINGS_RECORDED", "MEASURES_PROPOSED",
            "NOTICE_SERVED", "FINE_PROPOSED", "MEASURE_EXECUTED", "CLOSED");
    assertThat(jdbc.queryForList("SELECT rule_id || ':' || action || ':' || COALESCE(to_state, '-') FROM audit_log "
        + "WHERE entity_type = 'AGREEMENT' AND entity_id = ? ORDER BY id", String.class, String.valueOf(agreement.id())))
        .containsExactly("R-DES-4:SIGNED:ACTIVE", "R-VIO-6:TRANSITION:SETTLEMENT_SUSPENDED",
            "R-EVA-3:POINTS_RECORDED:-", "R-VIO-3:TRANSITION:TERMINATED");
    // R-EVA-3: the termination in effect booked its points once, though the job ran twice
    assertThat(jdbc.queryForList("SELECT points FROM agreement_points WHERE case_no = ?", Integer.class, caseNo))
        .containsExactly(12);
  }

  // ------------------------------------------------------------------ R-VIO-5 per region, rectification

  @Test
  void theThirdSuspensionTerminatesInHuaibeiAndTheSecondInJining() {
    Institution huaibei = institution("huaibei", "HOSPITAL");
    Agreement a = agreementOf(huaibei);
    suspendAndResume(a, 2);
    String huaibeiCase = severeCase(Http.demo(port, "zhangjing"), huaibei);
    assertThat(decisions.determineMeasures(huaibeiCase, null).ruleId()).isEqualTo("R-VIO-5");
    assertThat(decisions.executeDecision(huaibeiCase, "NO_OBJECTION", null, null).agreementTerminated()).isTrue();
    Agreement terminated = agreements.find(a.id());
    assertThat(terminated.state()).isEqualTo(AgreementState.TERMINATED);
    assertThat(terminated.suspensionCount()).isEqualTo(3);

    Institution jining = institution("jining", "PHARMACY");
    Agreement j = agreementOf(jining);
    suspendAndResume(j, 1);
    String jiningCase = severeCase(Http.demo(port, "liuyang"), jining);
    var decision = decisions.determineMeasures(jiningCase, null);
    assertThat(decision.measureClass()).isEqualTo("TERMINATION");
    assertThat(decision.ruleId()).isEqualTo("R-VIO-5");
    decisions.executeDecision(jiningCase, "NO_OBJECTION", null, null);
    assertThat(agreements.find(j.id()).state()).isEqualTo(AgreementState.TERMINATED);
    assertThat(agreements.find(j.id()).suspensionCount()).isEqualTo(2);

    // one earlier suspension in 淮北 (threshold 3): suspended, not terminated; rectified ends the suspension
    Institution second = institution("huaibei", "HOSPITAL");
    Agreement s = agreementOf(second);
    suspendAndResume(s, 1);
    String secondCase = severeCase(Http.demo(port, "zhangjing"), second);
    assertThat(decisions.determineMeasures(secondCase, null).measureClass()).isEqualTo("AGREEMENT_SUSPENSION");
    assertThat(decisions.executeDecision(secondCase, "NO_OBJECTION", null, null).rectificationOrdered()).isTrue();
    assertThat(agreements.find(s.id()).state()).isEqualTo(AgreementState.SUSPENDED);
    rectification.recordRectified(secondCase, null);
    assertThat(agreements.find(s.id()).state()).isEqualTo(AgreementState.ACTIVE);
  }

  @Test
  void notRectifiedSuspendsAndNotRectifiedWhileSuspendedTerminatesAPharmacy() {
    Institution pharmacy = institution("huaibei", "PHARMACY");
    Agreement a = agreementOf(pharmacy);
    JsonNode opened = Http.demo(port, "zhangjing").post("/api/violation-cases", intake(pharmacy, "PH_NO_LEDGER", null))
        .json();
    String caseNo = opened.get("caseNo").asText();
    findings.recordFindings(caseNo, FindingsReport.of("GEN_OVERTREATMENT"), null);
    assertThat(decisions.determineMeasures(caseNo, null).measureClass()).isEqualTo("RECTIFICATION");
    decisions.executeDecision(caseNo, "NO_OBJECTION", null, null);
    assertThat(rectification.recordNotRectified(caseNo, true, null)).isFalse();
    assertThat(agreements.find(a.id()).state()).isEqualTo(AgreementState.SUSPENDED);
    assertThat(rectification.recordNotRectified(caseNo, false, null)).isTrue();
    assertThat(agreements.find(a.id()).state()).isEqualTo(AgreementState.TERMINATED);
    assertThat(jdbc.queryForList("SELECT rule_id FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ? "
        + "AND to_state = 'TERMINATED'", String.class, String.valueOf(a.id()))).containsExactly("R-VIO-4");
    // mandatory termination of a pharmacy (R-VIO-4) by the table, e.g. forged purchase records
    Institution other = institution("huaibei", "PHARMACY");
    agreementOf(other);
    String fraud = Http.demo(port, "zhangjing").post("/api/violation-cases", intake(other, "PH_IMPERSONATION", null))
        .json().get("caseNo").asText();
    findings.recordFindings(fraud, new FindingsReport("PH_IMPERSONATION", new BigDecimal("1000"), null, null, null, false,
        false, false, false, false), null);
    var decision = decisions.determineMeasures(fraud, null);
    assertThat(decision.measureClass()).isEqualTo("TERMINATION");
    assertThat(decision.ruleId()).isEqualTo("R-VIO-4");
    assertThat(decision.fine()).isEqualByComparingTo("5000");
  }

  // ------------------------------------------------------------------ agreement points (R-EVA-3)

  /**
   * R-VIO-13: a second-review sample below the region's minimum (5 % by default) is refused when the investigation
   * is submitted — the task stays open with the message, nothing is recorded, no incident.
   */
  @Test
  void aSamplingRatioBelowTheMinimumIsRefusedWhenTheInvestigationIsSubmitted() {
    Institution hospital = institution("huaibei", "HOSPITAL");
    agreementOf(hospital);
    Http zhangjing = Http.demo(port, "zhangjing");
    JsonNode opened = zhangjing.post("/api/violation-cases", intake(hospital, "GEN_OVERCHARGE", null)).json();
    String caseNo = opened.get("caseNo").asText();
    String pi = opened.get("processInstanceId").asText();
    drive(pi);
    Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Investigate")
        .singleResult();
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    vars.putObject("findingCodes").put("value", "GEN_OVERCHARGE").put("type", "String");
    vars.putObject("sampleAmount").put("value", 300).put("type", "Integer");
    vars.putObject("samplingRatio").put("value", 0.04).put("type", "Double");

    Http.Response r = zhangjing.post("/engine-rest/task/" + task.getId() + "/complete", body.toString());

    assertThat(r.status()).as(r.body()).isNotEqualTo(204);
    assertThat(r.body()).contains("抽查比例不得低于本地区最低抽查比例 5%", "samplingRatio", "R-VIO-13");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT sampling_ratio FROM violation_case WHERE case_no = ?", BigDecimal.class,
        caseNo)).isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
    // at the minimum it goes through
    complete(zhangjing, pi, "Task_Investigate", Map.of("findingCodes", "GEN_OVERCHARGE", "sampleAmount", 300,
        "samplingRatio", 0.05, "investigationNote", "抽查住院病历"));
    drive(pi);
    assertThat(jdbc.queryForObject("SELECT sampling_ratio FROM violation_case WHERE case_no = ?", BigDecimal.class,
        caseNo)).isEqualByComparingTo("0.05");
  }

  @Test
  void aDecisionInEffectBooksAgreementPointsThatTheYearsEvaluationReads() {
    Institution hospital = institution("huaibei", "HOSPITAL");
    Agreement agreement = agreementOf(hospital);
    int thisYear = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
    // a settlement stop of the year outside any case: a measure of its own
    agreements.transition(agreement.id(), new TransitionCommand(AgreementState.SETTLEMENT_SUSPENDED, "VIOLATION",
        "R-VIO-2", "核查期间暂停结算", null));
    agreements.transition(agreement.id(), new TransitionCommand(AgreementState.ACTIVE, "SETTLEMENT_RESUMED",
        "R-VIO-2", "核查完毕恢复结算", null));
    Http zhangjing = Http.demo(port, "zhangjing");
    JsonNode opened = zhangjing.post("/api/violation-cases", intake(hospital, "GEN_SERIOUS_VIOLATION", null)).json();
    String caseNo = opened.get("caseNo").asText();
    String pi = opened.get("processInstanceId").asText();

    complete(zhangjing, pi, "Task_Investigate", Map.of("findingCodes", "GEN_SERIOUS_VIOLATION", "defraudedAmount",
        3000, "investigationNote", "违约情节严重，造成基金较大损失"));
    drive(pi);
    assertThat(runtimeService.getVariables(pi)).containsEntry("measureClass", "AGREEMENT_SUSPENSION");
    complete(Http.demo(port, "sunli"), pi, "Task_LegalReview", Map.of("legalApproval", "APPROVE",
        "legalOpinion", "事实清楚"));
    complete(Http.demo(port, "chenmin"), pi, "Task_SupervisorApproval", Map.of("supervisorApproval", "APPROVE"));
    drive(pi);
    serveNotice(pi);
    // no points while the objection window is open
    assertThat(zhangjing.get("/api/agreements/" + agreement.id() + "/points?year=" + thisYear).json()
        .get("total").asInt()).isZero();
    ProcessInstance objection = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi)
        .processDefinitionKey("objection").singleResult();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(objection.getId()).timers()
        .singleResult().getId());
    drive(objection.getId());
    drive(pi);
    assertThat(agreements.find(agreement.id()).state()).isEqualTo(AgreementState.SUSPENDED);
    // a retried execution books nothing twice
    decisions.executeDecision(caseNo, "NO_OBJECTION", null, pi);

    JsonNode ledger = zhangjing.get("/api/agreements/" + agreement.id() + "/points?year=" + thisYear).json();
    assertThat(ledger.get("total").asInt()).isEqualTo(8);
    assertThat(ledger.get("entries")).hasSize(1);
    JsonNode entry = ledger.get("entries").get(0);
    assertThat(entry.get("caseNo").asText()).isEqualTo(caseNo);
    assertThat(entry.get("measureClass").asText()).isEqualTo("AGREEMENT_SUSPENSION");
    assertThat(entry.get("pointsYear").asInt()).isEqualTo(thisYear);
    assertThat(entry.get("reason").asText()).contains(caseNo, "中止协议", "8 分");
    assertThat(zhangjing.get("/api/agreements/" + agreement.id() + "/points").json().get("total").asInt())
        .isEqualTo(8);
    assertThat(zhangjing.get("/api/agreements/" + agreement.id() + "/points?year=" + (thisYear - 1)).json()
        .get("total").asInt()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ? "
        + "AND action = 'POINTS_RECORDED' AND rule_id = 'R-EVA-3' AND process_instance_id = ?", Integer.class,
        String.valueOf(agreement.id()), pi)).isEqualTo(1);
    // region-checked: 济宁 does not see 淮北's agreement; a year out of range is a 400 naming the field
    assertThat(Http.demo(port, "liuyang").get("/api/agreements/" + agreement.id() + "/points").status())
        .isEqualTo(404);
    Http.Response badYear = zhangjing.get("/api/agreements/" + agreement.id() + "/points?year=1999");
    assertThat(badYear.status()).isEqualTo(400);
    assertThat(badYear.json().get("field").asText()).isEqualTo("year");

    // R-EVA-1/3: the evaluation counts the measures of the year from the domain rows, where the audit log says
    // otherwise: (a) the audit log shows a termination of the year that no process imposed (a row as a data
    // import leaves it) and the settlement stop outside any case above: an administrator's data correction, no
    // measure; (b) an R-PERS-10 suspension of the institution for its personnel share that the audit log does
    // not show counts. So: the case's decision once (its suspension is part of it, R-VIO-2) + the R-PERS-10
    // measure = 2, where the audit log holds 3 such transitions of the agreement (stop, suspension, import).
    jdbc.update("INSERT INTO audit_log (region, entity_type, entity_id, action, from_state, to_state, rule_id, reason,"
        + " actor, occurred_at) VALUES ('huaibei', 'AGREEMENT', ?, 'TRANSITION', 'ACTIVE', 'TERMINATED', 'R-VIO-3',"
        + " '导入', 'import', CURRENT_TIMESTAMP)", String.valueOf(agreement.id()));
    jdbc.update("INSERT INTO institution_personnel_proposal (region, institution_id, points_year, affected, personnel,"
        + " case_no, status, decided_reason, created_at, proposal_round) VALUES ('huaibei', ?, ?, 3, 10,"
        + " 'RY-2026-huaibei-999999', 'SUSPEND', '人员违规集中', CURRENT_TIMESTAMP, 1)", hospital.id(), thisYear);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ?"
        + " AND action = 'TRANSITION' AND to_state IN ('SETTLEMENT_SUSPENDED', 'SUSPENDED', 'TERMINATED')",
        Integer.class, String.valueOf(agreement.id()))).as("what the audit log says").isEqualTo(3);
    EvaluationFacts facts = evaluationFacts.gather(agreements.find(agreement.id()), institutions.find(hospital.id()),
        thisYear);
    assertThat(facts.agreementPoints()).isEqualTo(8);
    assertThat(facts.measuresInYear()).isEqualTo(2);
    EvaluationFacts lastYear = evaluationFacts.gather(agreements.find(agreement.id()),
        institutions.find(hospital.id()), thisYear - 1);
    assertThat(lastYear.agreementPoints()).isZero();
    assertThat(lastYear.measuresInYear()).isZero();
  }

  // ------------------------------------------------------------------ helpers

  String severeCase(Http user, Institution institution) {
    String caseNo = user.post("/api/violation-cases", intake(institution, "GEN_SERIOUS_VIOLATION", null)).json()
        .get("caseNo").asText();
    findings.recordFindings(caseNo, new FindingsReport("GEN_SERIOUS_VIOLATION", new BigDecimal("3000"), null, null,
        null, false, false, false, false, false), null);
    return caseNo;
  }

  void suspendAndResume(Agreement a, int times) {
    for (int i = 0; i < times; i++) {
      agreements.transition(a.id(), new TransitionCommand(AgreementState.SUSPENDED, "VIOLATION", "R-VIO-2",
          "既往违约中止", null));
      agreements.transition(a.id(), new TransitionCommand(AgreementState.ACTIVE, "RECTIFIED", "R-VIO-2",
          "整改到位", null));
    }
  }

  int agreementAudit(Agreement a) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ?",
        Integer.class, String.valueOf(a.id()));
  }

  static List<String> measures(JsonNode view) {
    return java.util.stream.StreamSupport.stream(view.get("measures").spliterator(), false)
        .map(m -> m.get("measure").asText()).toList();
  }

  Institution institution(String region, String type) {
    String admin = region.equals("huaibei") ? "340600" : "370800";
    return institutions.register(new NewInstitution(region, RegistryFixtures.institutionCode(type),
        "违约测试机构" + System.nanoTime(), type, RegistryFixtures.creditCode(admin), "二级", List.of(), List.of(),
        "集成测试", null));
  }

  Agreement agreementOf(Institution i) {
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    return agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
  }

  static String intake(Institution i, String code, String ref) {
    ObjectNode n = JSON.createObjectNode();
    n.put("source", "SMART_MONITORING");
    n.put("institutionCode", i.code());
    n.putArray("suspectedViolations").add(code);
    n.put("suspectedAmount", 5000);
    if (ref != null) {
      n.put("externalRef", ref);
    }
    n.put("summary", "智能监控预警");
    return n.toString();
  }

  /** 送达处理决定书 (issue 17): the caseworker records that the generated decision was served today, in person. */
  void serveNotice(String pi) {
    complete(Http.demo(port, "zhangjing"), pi, "Task_ServeNotice", Map.of("servedOn",
        LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).toString(), "serviceMethod", "DIRECT"));
    drive(pi);
  }

  /** Completes the process instance's (or its called instances') task over /engine-rest as the user. */
  void complete(Http user, String pi, String taskKey, Map<String, Object> variables) {
    drive(pi);
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(
        runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach((k, v) -> {
      ObjectNode var = vars.putObject(k);
      var.putPOJO("value", v);
      var.put("type", v instanceof String ? "String" : v instanceof Integer ? "Integer" : v instanceof Double
          ? "Double" : v instanceof Boolean ? "Boolean" : "Object");
    });
    Http.Response r = user.post("/engine-rest/task/" + task.getId() + "/complete", body.toString());
    assertThat(r.status()).as(r.body()).isIn(200, 204);
  }

  /** Runs the due jobs of the case and its called instances until none is left. */
  void drive(String pi) {
    for (int round = 0; round < 20; round++) {
      List<String> ids = new java.util.ArrayList<>(List.of(pi));
      runtimeService.createProcessInstanceQuery().rootProcessInstanceId(rootOf(pi)).list()
          .forEach(p -> ids.add(p.getId()));
      long due = ids.stream().mapToLong(id -> managementService.createJobQuery().processInstanceId(id).executable()
          .count()).sum();
      if (due == 0) {
        return;
      }
      Jobs.executeDue(managementService, ids.toArray(String[]::new));
    }
  }

  String rootOf(String pi) {
    ProcessInstance p = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    return p == null ? pi : p.getRootProcessInstanceId();
  }
}
