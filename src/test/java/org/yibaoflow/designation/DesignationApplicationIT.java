package org.yibaoflow.designation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;
import org.yibaoflow.support.TestClock;

/**
 * Designation over HTTP: filing (POST /api/designation-applications), every task through /engine-rest as the
 * demo users of its group (zhangjing caseworker, wangqiang expert, chenmin supervisor, all 淮北), timers driven
 * with {@link Jobs} and the {@link TestClock}; ends with an ACTIVE agreement in the registry and the audit trail.
 */
@IntegrationTest
class DesignationApplicationIT {

  /** The demo pharmacy of 淮北 whose agreement was terminated for fraud (InstitutionDemoSeeder). */
  static final String BANNED_CREDIT_CODE = "91340600MA2MTQ3R9A";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;
  @Autowired
  Deadlines deadlines;
  @Autowired
  RegionSettingsService settings;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void anApplicationFiledOverHttpEndsWithAnActiveAgreementAndTheFullAuditTrail() {
    Http caseworker = Http.demo(port, "zhangjing");
    Http expert = Http.demo(port, "wangqiang");
    Http supervisor = Http.demo(port, "chenmin");
    String creditCode = RegistryFixtures.creditCode("340600");
    Http.Response filed = caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"淮北市杜集区新建医院\",\"institutionType\":\"HOSPITAL\",\"creditCode\":\"" + creditCode
            + "\"," + licences("PRACTICE") + "}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String no = filed.json().get("applicationNo").asText();
    String pi = filed.json().get("processInstanceId").asText();
    assertThat(no).startsWith("DA-").contains("-huaibei-");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
        .isEqualTo(no);
    drain(pi);

    // 受理: complete, written inquiries to two departments (the checklist arrives as a Json variable)
    submit(caseworker, task(caseworker, no, "Task_ReviewCompleteness"), "{\"acceptanceResult\":{\"value\":\"COMPLETE\"},"
        + "\"inquiryDepartments\":{\"value\":\"[\\\"HEALTH\\\",\\\"MARKET\\\"]\",\"type\":\"Json\"}}");
    drain(pi);
    assertThat(status(no)).isEqualTo("UNDER_EVALUATION");

    // R-DES-2: the evaluation limit from today (supplement time excluded), the alert before it
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    var expected = EvaluationService.evaluationClock(deadlines, 1, today,
        settings.value("huaibei", RegionSetting.EVALUATION_TIME_LIMIT),
        settings.value("huaibei", RegionSetting.EVALUATION_ESCALATION_LEAD));
    assertThat(timerDueDates(pi)).containsExactlyInAnyOrder(expected.warningAt(), expected.deadlineAt());
    // the alert fires: the supervisor of 淮北 gets the escalation, the evaluation goes on
    managementService.executeJob(timerDueAt(pi, expected.warningAt()).getId());
    submit(supervisor, task(supervisor, no, "Task_EscalateEvaluationWarning"),
        "{\"supervisionNote\":{\"value\":\"已督促专家本周内完成评分\"}}");

    List<JsonNode> inquiries = tasks(caseworker, no, "Task_InquiryReply");
    assertThat(inquiries).hasSize(2);
    for (JsonNode inquiry : inquiries) {
      submit(caseworker, inquiry.get("id").asText(), "{\"inquiryReply\":{\"value\":\"经查无违法违规记录\"},"
          + "\"inquiryConclusion\":{\"value\":\"NONE\"}}");
    }
    submit(expert, task(expert, no, "Task_ExpertEvaluation"), "{\"expertScore\":{\"value\":88,\"type\":\"Integer\"},"
        + "\"expertResult\":{\"value\":\"PASS\"},\"expertOpinion\":{\"value\":\"符合评估标准\"}}");
    drain(pi);
    assertThat(jdbc.queryForList("SELECT department || ':' || recorded_by FROM designation_inquiry "
        + "WHERE application_no = ? ORDER BY department", String.class, no))
        .containsExactly("HEALTH:zhangjing", "MARKET:zhangjing");

    // R-DES-3: the public notice runs as its own instance with the same business key
    String np = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult()
        .getProcessInstanceId();
    drain(np);
    assertThat(status(no)).isEqualTo("PUBLIC_NOTICE");
    assertThat(Http.demo(port, "liuyang").post("/api/designation-applications/" + no + "/complaints",
        "{\"content\":\"跨地区投诉\"}").status()).as("another region's application is not disclosed").isEqualTo(404);
    Http.Response complaint = caseworker.post("/api/designation-applications/" + no + "/complaints",
        "{\"complainant\":\"李某\",\"content\":\"药师不在岗\"}");
    assertThat(complaint.status()).as(complaint.body()).isEqualTo(202);
    Job period = managementService.createJobQuery().processInstanceId(np).timers()
        .activityId("Event_NoticePeriodOver").singleResult();
    assertThat(period.getDuedate()).isEqualTo(deadlines.workingDays(settings.value("huaibei",
        RegionSetting.PUBLIC_NOTICE_PERIOD)));

    // issue 15 item 6: a letter of complaint recorded by the caseworker in Tasklist (登记公示期间投诉), the card
    // naming the application and the institution, due when the notice ends; the same rules as the API
    JsonNode desk = tasks(caseworker, no, "Task_RecordComplaint").get(0);
    assertThat(Date.from(java.time.OffsetDateTime.parse(desk.get("due").asText(),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant()))
        .isEqualTo(period.getDuedate());
    JsonNode card = caseworker.get("/engine-rest/task/" + desk.get("id").asText()
        + "/form-variables?deserializeValues=false").json();
    assertThat(card.get("caseNo").get("value").asText()).isEqualTo(no);
    assertThat(card.get("institutionName").get("value").asText()).isEqualTo("淮北市杜集区新建医院");
    assertThat(card.get("noticePeriodText").get("value").asText()).contains("24:00");
    assertThat(card.get("complaintChannelOptions").get("value").toString()).contains("来信").doesNotContain("SYSTEM");
    LocalDate noticeToday = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    Http.Response late = caseworker.post("/engine-rest/task/" + desk.get("id").asText() + "/submit-form",
        "{\"variables\":{\"receivedOn\":{\"value\":\"" + noticeToday.minusDays(1) + "\"},"
            + "\"receivedChannel\":{\"value\":\"LETTER\"},\"receivedContent\":{\"value\":\"公示前的来信\"}}}");
    assertThat(late.status()).as(late.body()).isEqualTo(400);
    assertThat(late.json().get("field").asText()).isEqualTo("receivedOn");
    assertThat(late.json().get("message").asText()).contains("早于公示发布日");
    assertThat(tasks(caseworker, no, "Task_RecordComplaint").get(0).get("id").asText()).as("task still open")
        .isEqualTo(desk.get("id").asText());
    submit(caseworker, desk.get("id").asText(), "{\"receivedOn\":{\"value\":\"" + noticeToday + "\"},"
        + "\"receivedChannel\":{\"value\":\"LETTER\"},\"receivedComplainant\":{\"value\":\"王某\"},"
        + "\"receivedContent\":{\"value\":\"住院部夜间无医师值班\"}}");
    assertThat(tasks(caseworker, no, "Task_VerifyComplaint")).hasSize(2);
    assertThat(tasks(caseworker, no, "Task_RecordComplaint")).as("the desk is open for the next complaint").hasSize(1);
    assertThat(jdbc.queryForList("SELECT channel || ':' || received_on FROM public_notice_complaint WHERE "
        + "application_no = ? ORDER BY id", String.class, no))
        .containsExactly("SYSTEM:" + noticeToday, "LETTER:" + noticeToday);

    clock.set(period.getDuedate().toInstant().plusSeconds(3600));
    for (Job timer : managementService.createJobQuery().processInstanceId(np).timers().list()) {
      managementService.executeJob(timer.getId());
    }
    drain(np);
    assertThat(tasks(caseworker, no, "Task_RecordComplaint")).as("the desk closes with the notice").isEmpty();
    // the period is over but the complaint is unverified: no negotiation (R-DES-3)
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(np).count()).isOne();
    assertThat(tasks(caseworker, no, "Task_Negotiate")).isEmpty();
    for (JsonNode verification : tasks(caseworker, no, "Task_VerifyComplaint")) {
      submit(caseworker, verification.get("id").asText(), "{\"complaintConclusion\":{\"value\":\"UNFOUNDED\"},"
          + "\"verificationFinding\":{\"value\":\"排班表核实，人员在岗\"}}");
    }
    drain(np);
    assertThat(status(no)).isEqualTo("NEGOTIATION");

    // R-DES-4: two rounds, then the online signing by the institution and the agency
    negotiate(caseworker, no, "CONTINUE");
    drain(pi);
    negotiate(caseworker, no, "AGREED");
    drain(pi);
    submit(caseworker, task(caseworker, no, "Task_InstitutionSignature"), "{\"institutionSigner\":{\"value\":\"王院长\"},"
        + "\"institutionSignedOnline\":{\"value\":true}}");
    submit(supervisor, task(supervisor, no, "Task_AgencySignature"), "{\"agencySigner\":{\"value\":\"陈敏\"},"
        + "\"agencySignedOnline\":{\"value\":true}}");
    drain(pi);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    JsonNode application = caseworker.get("/api/designation-applications/" + no).json();
    assertThat(application.get("status").asText()).isEqualTo("DESIGNATED");
    assertThat(application.get("negotiationRounds")).hasSize(2);
    assertThat(application.get("negotiationRounds").get(1).get("outcome").asText()).isEqualTo("AGREED");
    assertThat(application.get("negotiationRounds").get(1).get("recordedBy").asText()).isEqualTo("zhangjing");
    assertThat(application.get("complaints").findValuesAsText("status")).containsExactly("UNFOUNDED", "UNFOUNDED");
    assertThat(application.get("complaints").findValuesAsText("channel")).containsExactlyInAnyOrder("SYSTEM", "LETTER");
    assertThat(application.get("complaints").get(0).get("verifiedBy").asText()).isEqualTo("zhangjing");
    assertThat(application.get("signing").get("channel").asText()).isEqualTo("ONLINE");
    // the detail shows the expert result and the departments' replies (R-DES-2)
    assertThat(application.get("evaluationResults").findValuesAsText("action")).contains("EVALUATED",
        "SYSTEM_CHECKED");
    assertThat(application.get("inquiryReplies")).hasSize(2);
    long agreementId = application.get("agreementId").asLong();
    JsonNode agreement = caseworker.get("/api/agreements/" + agreementId).json();
    LocalDate signedOn = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    assertThat(agreement.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.get("periodStart").asText()).isEqualTo(signedOn.toString());
    assertThat(agreement.get("periodEnd").asText()).isEqualTo(signedOn.plusYears(
        settings.value("huaibei", RegionSetting.AGREEMENT_TERM)).minusDays(1).toString());
    assertThat(Http.demo(port, "liuyang").get("/api/designation-applications/" + no).status()).isEqualTo(404);

    List<String> trail = auditActions(no);
    assertThat(trail.subList(0, 4)).containsExactly("FILED", "ELIGIBILITY_CHECKED", "ACCEPTED", "EVALUATION_STARTED");
    assertThat(trail.subList(4, 8)).containsExactlyInAnyOrder("SYSTEM_CHECKED", "EVALUATION_WARNING_ESCALATED",
        "INQUIRY_REPLIED", "INQUIRY_REPLIED");
    assertThat(jdbc.queryForList("SELECT actor || ':' || reason FROM audit_log WHERE entity_type = "
        + "'DESIGNATION_APPLICATION' AND entity_id = ? AND action = 'EVALUATION_WARNING_ESCALATED'", String.class, no))
        .containsExactly("chenmin:评估时限临近督办：已督促专家本周内完成评分");
    assertThat(trail.subList(8, trail.size())).containsExactly("EVALUATED", "NOTICE_PUBLISHED", "COMPLAINT_RECEIVED",
        "COMPLAINT_RECEIVED", "COMPLAINT_VERIFIED", "COMPLAINT_VERIFIED", "NOTICE_CLOSED", "NEGOTIATION_ROUND", "NEGOTIATION_ROUND", "DESIGNATED");
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ?",
        String.class, String.valueOf(agreementId))).containsExactly("SIGNED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log a JOIN institution i ON a.entity_id = "
        + "CAST(i.id AS VARCHAR(20)) WHERE a.entity_type = 'INSTITUTION' AND a.action = 'REGISTERED' AND i.credit_code = ?",
        Long.class, creditCode)).isOne();
    // R-DES-1: the institution keeps the licences its application carried
    assertThat(jdbc.queryForList("SELECT l.kind FROM institution_licence l JOIN institution i ON i.id = l.institution_id"
        + " WHERE i.credit_code = ?", String.class, creditCode)).containsExactly("PRACTICE");
  }

  /** A valid licence of the kind the type needs (R-DES-1), valid for years around today. */
  String licences(String kind) {
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    return "\"licences\":[{\"kind\":\"" + kind + "\",\"number\":\"L" + System.nanoTime() + "\",\"validFrom\":\""
        + today.minusYears(1) + "\",\"validUntil\":\"" + today.plusYears(4) + "\"}]";
  }

  /**
   * R-DES-1 for a first-time applicant: a pharmacy without its 药品经营许可证, or with an expired one, or declaring a
   * serious penalty, is refused in writing naming the rule; nothing about it is in the registry to rely on.
   */
  @Test
  void aFirstTimeApplicantIsCheckedOnTheLicencesItCarriesAndThePenaltiesItDeclares() {
    Http caseworker = Http.demo(port, "zhangjing");
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    String none = caseworker.post("/api/designation-applications", "{\"institutionName\":\"淮北市无证药房\","
        + "\"institutionType\":\"PHARMACY\",\"creditCode\":\"" + RegistryFixtures.creditCode("340600") + "\"}")
        .json().get("processInstanceId").asText();
    String expired = caseworker.post("/api/designation-applications", "{\"institutionName\":\"淮北市过期药房\","
        + "\"institutionType\":\"PHARMACY\",\"creditCode\":\"" + RegistryFixtures.creditCode("340600") + "\","
        + "\"licences\":[{\"kind\":\"DRUG_TRADING\",\"number\":\"皖DA" + System.nanoTime() + "\",\"validFrom\":\""
        + today.minusYears(5) + "\",\"validUntil\":\"" + today.minusDays(1) + "\"}]}").json()
        .get("processInstanceId").asText();
    String penalised = caseworker.post("/api/designation-applications", "{\"institutionName\":\"淮北市受罚药房\","
        + "\"institutionType\":\"PHARMACY\",\"creditCode\":\"" + RegistryFixtures.creditCode("340600") + "\","
        + licences("DRUG_TRADING") + ",\"penalties\":[{\"authority\":\"DRUG\",\"decidedOn\":\"" + today.minusMonths(3)
        + "\",\"description\":\"销售假药，吊销部分经营范围\",\"serious\":true}]}").json().get("processInstanceId").asText();
    for (String pi : List.of(none, expired, penalised)) {
      drain(pi);
    }
    assertThat(refusal(none)).startsWith("R-DES-1:").contains("药品经营许可证");
    // the caseworker finds the refused applications again, with the written refusal, and their trail
    JsonNode refused = caseworker.get("/api/designation-applications?status=REFUSED&mine=true&size=100").json();
    List<String> numbers = new java.util.ArrayList<>();
    refused.get("items").forEach(a -> numbers.add(a.get("processInstanceId").asText()));
    assertThat(numbers).contains(none, expired, penalised);
    refused.get("items").forEach(a -> assertThat(a.get("refusalReason").asText()).isNotBlank());
    assertThat(Http.demo(port, "liuyang").get("/api/designation-applications?status=REFUSED&size=100").json()
        .get("items").findValuesAsText("processInstanceId")).doesNotContain(none);
    String expiredNo = jdbc.queryForObject("SELECT application_no FROM designation_application"
        + " WHERE process_instance_id = ?", String.class, expired);
    JsonNode detail = caseworker.get("/api/designation-applications/" + expiredNo).json();
    assertThat(detail.get("declared").get("licences").get(0).get("kind").asText()).isEqualTo("DRUG_TRADING");
    assertThat(caseworker.get("/api/designation-applications/" + expiredNo + "/history").json()
        .findValuesAsText("action")).containsExactly("FILED", "REFUSED");
    assertThat(Http.demo(port, "liuyang").get("/api/designation-applications/" + expiredNo + "/history").status())
        .isEqualTo(404);
    assertThat(refusal(expired)).startsWith("R-DES-1:").contains("不在有效期内");
    assertThat(refusal(penalised)).startsWith("R-DES-1:").contains("情节严重的行政处罚");
    // a malformed licence is a 400 naming the field; nothing is filed
    Http.Response bad = caseworker.post("/api/designation-applications", "{\"institutionName\":\"淮北市药房\","
        + "\"institutionType\":\"PHARMACY\",\"creditCode\":\"" + RegistryFixtures.creditCode("340600") + "\","
        + "\"licences\":[{\"kind\":\"DRUG_TRADING\",\"number\":\"X1\",\"validFrom\":\"" + today
        + "\",\"validUntil\":\"" + today.minusYears(1) + "\"}]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("licences[0].validUntil");
  }

  String refusal(String pi) {
    return jdbc.queryForObject("SELECT refusal_rule || ':' || refusal_reason FROM designation_application"
        + " WHERE process_instance_id = ?", String.class, pi);
  }

  @Test
  void aFailedEvaluationIsReEvaluatedAfterTheRectificationPeriodAndASecondFailureBarsNewApplications() {
    Http caseworker = Http.demo(port, "zhangjing");
    String creditCode = RegistryFixtures.creditCode("340600");
    String body = "{\"institutionName\":\"淮北市相山区整改药房\",\"institutionType\":\"PHARMACY\",\"creditCode\":\""
        + creditCode + "\"," + licences("DRUG_TRADING") + "}";
    Http.Response filed = caseworker.post("/api/designation-applications", body);
    String no = filed.json().get("applicationNo").asText();
    String pi = filed.json().get("processInstanceId").asText();
    drain(pi);
    submit(caseworker, task(caseworker, no, "Task_ReviewCompleteness"), "{\"acceptanceResult\":{\"value\":\"COMPLETE\"},"
        + "\"inquiryDepartments\":{\"value\":\"[\\\"DRUG\\\"]\",\"type\":\"Json\"}}");
    drain(pi);
    failEvaluation(no, pi, "ADVERSE");
    JsonNode failed = caseworker.get("/api/designation-applications/" + no).json();
    assertThat(failed.get("status").asText()).isEqualTo("EVALUATION_FAILED");
    assertThat(failed.get("failureReason").asText()).contains("专家评估不通过", "药品监督管理部门复函反映问题");
    assertThat(failed.get("rectificationAdvice").asText()).isEqualTo("完善药品进销存管理");
    LocalDate from = LocalDate.parse(failed.get("reEvaluationFrom").asText());

    // R-DES-2: re-evaluation only after the rectification period
    Http.Response early = caseworker.post("/api/designation-applications/" + no + "/re-evaluation-requests", "{}");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("rule").asText()).isEqualTo("R-DES-2");
    assertThat(early.body()).contains(from.toString());
    clock.set(ZonedDateTime.of(from.atTime(10, 0), WorkingDayCalendar.ZONE).toInstant());
    Http.Response request = caseworker.post("/api/designation-applications/" + no + "/re-evaluation-requests", "{}");
    assertThat(request.status()).as(request.body()).isEqualTo(202);
    drain(pi);
    assertThat(status(no)).isEqualTo("UNDER_EVALUATION");
    failEvaluation(no, pi, "NONE");

    // R-DES-1: the second failure bars new applications of the legal entity
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(status(no)).isEqualTo("BARRED");
    Map<String, Object> bar = jdbc.queryForMap("SELECT barred_from, barred_until, rule_id FROM designation_bar "
        + "WHERE application_no = ?", no);
    assertThat(bar.get("RULE_ID")).isEqualTo("R-DES-1");
    assertThat(bar.get("BARRED_FROM").toString()).isEqualTo(from.toString());
    Http.Response again = caseworker.post("/api/designation-applications", body);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("rule").asText()).isEqualTo("R-DES-1");
    assertThat(again.body()).contains("barredUntil", from.plusYears(1).toString());
    assertThat(auditActions(no)).containsSubsequence("FAILURE_NOTIFIED", "RE_EVALUATION_REQUESTED",
        "EVALUATION_STARTED", "EVALUATED", "FAILURE_NOTIFIED", "BARRED");
  }

  private void failEvaluation(String no, String pi, String departmentConclusion) {
    Http caseworker = Http.demo(port, "zhangjing");
    submit(caseworker, task(caseworker, no, "Task_InquiryReply"), "{\"inquiryReply\":{\"value\":\"曾因药品储存不规范被责令整改\"},"
        + "\"inquiryConclusion\":{\"value\":\"" + departmentConclusion + "\"}}");
    Http expert = Http.demo(port, "wangqiang");
    submit(expert, task(expert, no, "Task_ExpertEvaluation"), "{\"expertScore\":{\"value\":52,\"type\":\"Integer\"},"
        + "\"expertResult\":{\"value\":\"FAIL\"},\"expertOpinion\":{\"value\":\"药品管理制度不健全\"},"
        + "\"rectificationAdvice\":{\"value\":\"完善药品进销存管理\"}}");
    drain(pi);
  }

  @Test
  void incompleteMaterialIsSupplementedOnceThenLapsesTheSecondTime() {
    Http caseworker = Http.demo(port, "zhangjing");
    Http.Response filed = caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"淮北市烈山区补正医院\",\"institutionType\":\"HOSPITAL\","
            + "\"creditCode\":\"" + RegistryFixtures.creditCode("340600") + "\",\"region\":\"huaibei\","
            + licences("PRACTICE") + "}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String applicationNo = filed.json().get("applicationNo").asText();
    String pi = filed.json().get("processInstanceId").asText();
    drain(pi);
    submitReview(caseworker, applicationNo, "INCOMPLETE", "执业许可证副本");
    drain(pi);
    assertThat(status(applicationNo)).isEqualTo("INCOMPLETE");
    assertThat((Integer) runtimeService.getVariable(pi, "supplementDays")).isPositive();

    // R-DES-1: the supplement over the API (another region: 404), correlated by the application number,
    // returns the case to the review; a second one while nothing is awaited is a conflict
    assertThat(Http.demo(port, "liuyang").post("/api/designation-applications/" + applicationNo + "/supplements",
        supplementBody())
        .status()).isEqualTo(404);
    Http.Response supplemented = caseworker.post("/api/designation-applications/" + applicationNo + "/supplements",
        supplementBody());
    assertThat(supplemented.status()).as(supplemented.body()).isEqualTo(202);
    assertThat(runtimeService.getVariable(pi, "supplementedBy")).isEqualTo("zhangjing");
    drain(pi);
    assertThat(status(applicationNo)).isEqualTo("RECEIVED");
    Http.Response again = caseworker.post("/api/designation-applications/" + applicationNo + "/supplements",
        supplementBody());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("rule").asText()).isEqualTo("R-DES-1");
    submitReview(caseworker, applicationNo, "INCOMPLETE", "房屋产权证明、消防验收意见书");
    drain(pi);

    // issue 15 item 6: the second supplement arrives on paper and is recorded in Tasklist (登记补正材料) as the
    // demo caseworker: the card names the application and institution, the choices are the materials told missing
    JsonNode waiting = tasks(caseworker, applicationNo, "Task_RegisterSupplement").get(0);
    String waitingId = waiting.get("id").asText();
    JsonNode form = caseworker.get("/engine-rest/task/" + waitingId + "/form-variables?deserializeValues=false").json();
    assertThat(form.get("caseNo").get("value").asText()).isEqualTo(applicationNo);
    assertThat(form.get("institutionName").get("value").asText()).isEqualTo("淮北市烈山区补正医院");
    assertThat(form.get("missingMaterialOptions").get("value").toString()).contains("房屋产权证明", "消防验收意见书");
    assertThat(form.get("supplementDeadlineText").get("value").asText()).contains("24:00");
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    Http.Response notMissing = caseworker.post("/engine-rest/task/" + waitingId + "/submit-form",
        "{\"variables\":{\"suppliedMaterials\":{\"value\":\"[\\\"营业执照\\\"]\",\"type\":\"Json\"},"
            + "\"supplementReceivedOn\":{\"value\":\"" + today + "\"}}}");
    assertThat(notMissing.status()).as(notMissing.body()).isEqualTo(400);
    assertThat(notMissing.json().get("field").asText()).isEqualTo("suppliedMaterials");
    assertThat(tasks(caseworker, applicationNo, "Task_RegisterSupplement")).as("task still open").hasSize(1);
    submit(caseworker, waitingId, "{\"suppliedMaterials\":{\"value\":\"[\\\"房屋产权证明\\\"]\",\"type\":\"Json\"},"
        + "\"supplementReceivedOn\":{\"value\":\"" + today + "\"},\"supplementNote\":{\"value\":\"消防验收意见书另行补交\"}}");
    drain(pi);
    assertThat(status(applicationNo)).isEqualTo("RECEIVED");
    assertThat(jdbc.queryForObject("SELECT reason FROM audit_log WHERE entity_type = 'DESIGNATION_APPLICATION' AND "
        + "entity_id = ? AND action = 'SUPPLEMENTED' ORDER BY id DESC LIMIT 1", String.class, applicationNo))
        .contains("房屋产权证明", today.toString(), "消防验收意见书另行补交");
    submitReview(caseworker, applicationNo, "INCOMPLETE", "消防验收意见书");
    drain(pi);

    // the period ends without the material: the timer fires, the application is closed
    Job timer = managementService.createJobQuery().processInstanceId(pi).timers().singleResult();
    assertThat(timer.getDuedate()).isInTheFuture();
    managementService.executeJob(timer.getId());
    drain(pi);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(status(applicationNo)).isEqualTo("LAPSED");
    assertThat(auditActions(applicationNo)).containsExactly("FILED", "ELIGIBILITY_CHECKED", "SUPPLEMENT_REQUESTED",
        "SUPPLEMENTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "SUPPLEMENT_REQUESTED", "LAPSED");
  }

  /** What another system reports of a supplement: the day it arrived (today), all materials told missing. */
  private String supplementBody() {
    return "{\"receivedOn\":\"" + LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)) + "\"}";
  }

  private void submitReview(Http caseworker, String applicationNo, String result, String missing) {
    submit(caseworker, task(caseworker, applicationNo, "Task_ReviewCompleteness"),
        "{\"acceptanceResult\":{\"value\":\"" + result + "\"},\"missingMaterials\":{\"value\":\"" + missing + "\"}}");
  }

  @Test
  void aBannedInstitutionIsRefusedAtOnceNamingRvio9AndNoCaseIsStarted() {
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("designation").count();
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM designation_application", Long.class);
    Http.Response r = Http.demo(port, "zhangjing").post("/api/designation-applications",
        "{\"institutionName\":\"淮北百姓缘大药房连锁有限公司\",\"institutionType\":\"PHARMACY\","
            + "\"creditCode\":\"" + BANNED_CREDIT_CODE + "\"}");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("rule").asText()).isEqualTo("R-VIO-9");
    assertThat(r.body()).contains("bannedUntil");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("designation").count())
        .isEqualTo(instances);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM designation_application", Long.class)).isEqualTo(rows);
  }

  @Test
  void aBannedInstitutionStartedThroughTheEngineIsRefusedInWritingWithTheRule() {
    Http caseworker = Http.demo(port, "zhangjing");
    Http.Response started = caseworker.post("/engine-rest/process-definition/key/designation/start",
        "{\"variables\":{\"institutionName\":{\"value\":\"淮北百姓缘大药房连锁有限公司\"},"
            + "\"institutionType\":{\"value\":\"PHARMACY\"},\"creditCode\":{\"value\":\"" + BANNED_CREDIT_CODE + "\"},"
            // what the start form requires of every start by a person (issue 15: its own check on the server)
            + "\"licenceKind\":{\"value\":\"DRUG_TRADING\"},\"licenceNumber\":{\"value\":\"YP-2025-001\"},"
            + "\"licenceValidFrom\":{\"value\":\"2025-01-01\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pi = started.json().get("id").asText();
    drain(pi);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    Map<String, Object> row = jdbc.queryForMap(
        "SELECT application_no, status, refusal_rule, refusal_reason FROM designation_application "
            + "WHERE process_instance_id = ?", pi);
    assertThat(row).containsEntry("STATUS", "REFUSED").containsEntry("REFUSAL_RULE", "R-VIO-9");
    assertThat((String) row.get("REFUSAL_REASON")).contains("3 年内不得申请定点");
    assertThat(auditActions((String) row.get("APPLICATION_NO"))).containsExactly("REFUSED");
  }

  @Test
  void badInputIsAnsweredWithTheFieldAndNothingIsStarted() {
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM designation_application", Long.class);
    Http caseworker = Http.demo(port, "zhangjing");
    String code = RegistryFixtures.creditCode("340600");
    Http.Response type = caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"某医院\",\"institutionType\":\"CLINIC\",\"creditCode\":\"" + code + "\"}");
    assertThat(type.status()).isEqualTo(400);
    assertThat(type.json().get("field").asText()).isEqualTo("institutionType");
    Http.Response checkCharacter = caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"某医院\",\"institutionType\":\"HOSPITAL\",\"creditCode\":\"12340600MB7654321X\"}");
    assertThat(checkCharacter.status()).isEqualTo(400);
    assertThat(checkCharacter.json().get("field").asText()).isEqualTo("creditCode");
    // a region the user does not belong to
    assertThat(caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"某医院\",\"institutionType\":\"HOSPITAL\",\"creditCode\":\"" + code + "\","
            + "\"region\":\"jining\"}").status()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM designation_application", Long.class)).isEqualTo(rows);
    // a complaint about an application that is not under notice, and an empty one
    assertThat(caseworker.post("/api/designation-applications/DA-2026-huaibei-999999/complaints",
        "{\"content\":\"x\"}").status()).isEqualTo(404);
  }

  // ---------------------------------------------------------------- helpers

  private void negotiate(Http caseworker, String no, String outcome) {
    submit(caseworker, task(caseworker, no, "Task_Negotiate"), "{\"serviceContent\":{\"value\":\"住院、门诊服务\"},"
        + "\"paymentMethod\":{\"value\":\"按病种分值付费\"},\"settlementStandard\":{\"value\":\"按市医保结算办法\"},"
        + "\"negotiationMinutes\":{\"value\":\"双方就结算周期达成一致\"},\"participants\":{\"value\":\"张静；王院长\"},"
        + "\"negotiationOutcome\":{\"value\":\"" + outcome + "\"}}");
  }

  private List<JsonNode> tasks(Http user, String businessKey, String taskKey) {
    Http.Response r = user.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey="
        + taskKey);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    return list;
  }

  private String task(Http user, String businessKey, String taskKey) {
    List<JsonNode> list = tasks(user, businessKey, taskKey);
    assertThat(list).as(taskKey + " visible to the user").hasSize(1);
    return list.get(0).get("id").asText();
  }

  private static void submit(Http user, String taskId, String variables) {
    Http.Response r = user.post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + variables + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  /** Executes the due jobs of the instance until none is left (async continuations one after the other). */
  private void drain(String pi) {
    Jobs.drain(managementService, pi, 20);
    assertThat(managementService.createJobQuery().processInstanceId(pi).withException().count()).as("failed jobs")
        .isZero();
  }

  private List<Date> timerDueDates(String pi) {
    return managementService.createJobQuery().processInstanceId(pi).timers().list().stream().map(Job::getDuedate)
        .toList();
  }

  private Job timerDueAt(String pi, Date due) {
    return managementService.createJobQuery().processInstanceId(pi).timers().list().stream()
        .filter(j -> j.getDuedate().equals(due)).findFirst().orElseThrow();
  }

  private String status(String applicationNo) {
    return jdbc.queryForObject("SELECT status FROM designation_application WHERE application_no = ?", String.class,
        applicationNo);
  }

  private List<String> auditActions(String applicationNo) {
    return jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'DESIGNATION_APPLICATION' "
        + "AND entity_id = ? ORDER BY id", String.class, applicationNo);
  }
}
