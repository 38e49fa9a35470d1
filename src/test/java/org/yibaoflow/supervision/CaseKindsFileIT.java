package org.yibaoflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibaoflow.supervision.CaseFileIT.assertShownInChinese;
import static org.yibaoflow.supervision.CaseFileIT.facts;
import static org.yibaoflow.supervision.CaseFileIT.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.personnel.NewPerson;
import org.yibaoflow.personnel.PersonnelService;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;
import org.yibaoflow.support.TestClock;

/**
 * The case file of the other kinds of case, each worked through its process as people do, then read as the region's
 * supervisor: a personnel measure (R-PERS-6) and the objection against it (R-PERS-12), a referral (R-VIO-11) and an
 * annual evaluation (R-EVA-1). Each shows its steps, documents, dates and decisions in Chinese, its linked cases, and
 * answers 404 to the other region.
 */
@IntegrationTest
class CaseKindsFileIT {

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
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;
  @Autowired
  org.yibaoflow.document.DocumentService documents;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aPersonnelMeasureAndTheObjectionThatChangedIt() {
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    Institution site = institution("jining", "济宁案卷记分医院", today.withDayOfYear(1), 2);
    String code = personnel.register(new NewPerson("jining", RegistryFixtures.nationalCode("D"),
        RegistryFixtures.idNumber("370811"), "案卷测试医师", "PHYSICIAN", null, List.of(site.id()), today.minusMonths(1),
        "案卷测试登记", null)).person().nationalCode();
    Http liuyang = Http.demo(port, "liuyang");
    Http zhaolei = Http.demo(port, "zhaolei");
    // 6 points: a 3-month suspension (R-PERS-6), after the notice and the objection window (R-PERS-12)
    Http.Response deducted = liuyang.post("/api/personnel/" + code + "/deductions", "{\"inspectionRef\":\"JC-CF-"
        + code + "\",\"inspectedOn\":\"" + today + "\",\"findings\":[{\"codes\":[\"P6-1\"],\"description\":\"检查发现\"}]}");
    assertThat(deducted.status()).as(deducted.body()).isEqualTo(201);
    String caseNo = deducted.json().get("caseNo").asText();
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("personnel-scoring").singleResult().getId();
    drive(pi);
    ProcessInstance objection = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult();
    String objectionNo = objection.getBusinessKey();
    assertThat(liuyang.post("/api/objections/" + objectionNo + "/filings", "{\"reasons\":\"并非本人经办的处方\"}")
        .status()).isEqualTo(202);
    submit(liuyang, objection.getId(), "{\"reviewOutcome\":{\"value\":\"CHANGED\"},\"changedDecision\":{\"value\":"
        + "\"改为扣3分\"},\"reviewReasons\":{\"value\":\"仅一项违规成立\"}}");
    submit(zhaolei, objection.getId(), "{\"reviewApproval\":{\"value\":\"APPROVE\"}}");
    drive(objection.getId());
    // nobody objects to the administrative department: the changed decision becomes final
    managementService.executeJob(managementService.createJobQuery().processInstanceId(objection.getId())
        .activityId("Event_SecondWindowExpired").singleResult().getId());
    drive(pi);
    submit(liuyang, pi, "{\"adjustedPoints\":{\"value\":3},\"changeNote\":{\"value\":\"按复核决定改为扣3分\"}}");
    drive(pi);

    JsonNode file = zhaolei.get("/api/cases/" + caseNo).json();
    assertThat(file.get("kindZh").asText()).isEqualTo("相关人员处理");
    assertThat(file.get("regionZh").asText()).isEqualTo("济宁市");
    assertThat(file.get("party").asText()).isEqualTo("案卷测试医师");
    assertThat(facts(file.get("caseFacts"))).containsEntry("人员姓名", "案卷测试医师").containsKey("文书送达日");
    assertThat(values(file.get("processes"), "processKey")).containsExactly("personnel-scoring");
    // steps done: a task completed without being claimed has no assignee in the history, so only its name is sure
    assertThat(values(file.get("stepsDone"), "step")).contains("按变更决定调整扣分");
    // R-PERS-6: the objection changed 6 points to 3, below the 5 of an interview: no measure any more
    assertThat(values(file.get("decisions"), "code", "ruleId")).containsExactly("NONE:R-PERS-6");
    assertThat(file.get("decisions").get(0).get("what").asText()).startsWith("记分处理：无");
    assertThat(values(file.get("linkedCases"), "caseNo", "kindZh", "relation"))
        .contains(objectionNo + ":异议:由本案发起");
    assertThat(documents(zhaolei, caseNo)).isNotEmpty();
    assertShownInChinese(file);

    JsonNode objectionFile = zhaolei.get("/api/cases/" + objectionNo).json();
    assertThat(objectionFile.get("kindZh").asText()).isEqualTo("异议");
    assertThat(objectionFile.get("statusZh").asText()).isEqualTo("决定已生效");
    assertThat(objectionFile.get("closed").asBoolean()).isTrue();
    assertThat(facts(objectionFile.get("caseFacts"))).containsEntry("决定类型", "相关人员处理决定")
        .containsEntry("结论", "变更原决定").containsEntry("所涉案件", caseNo);
    assertThat(values(objectionFile.get("stepsDone"), "step")).contains("异议复核", "复核审批");
    assertThat(values(objectionFile.get("decisions"), "code", "what")).containsExactly("CHANGED:异议结果：变更原决定");
    assertThat(values(objectionFile.get("linkedCases"), "caseNo", "relation")).contains(caseNo + ":上级案件");
    assertThat(documents(zhaolei, objectionNo)).contains("异议复核决定书");
    assertShownInChinese(objectionFile);

    assertThat(Http.demo(port, "chenmin").get("/api/cases/" + caseNo).status()).as("淮北's supervisor").isEqualTo(404);
    assertThat(Http.demo(port, "zhangjing").get("/api/cases/" + objectionNo).status()).isEqualTo(404);
  }

  @Test
  void aReferralAndTheCaseItIsAbout() {
    SupervisionFixtures.OpenedCase subject = fixtures().investigating("huaibei", "案卷移送医院");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("referral", Map.of("region", "huaibei",
        "referralKind", "JUDICIAL", "caseSummary", "伪造住院病历骗取医保基金", "subjectRef", subject.caseNo()));
    Jobs.executeDue(managementService, pi.getId());
    String no = runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey();
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    complete(pi, Map.of("receivingBody", "淮北市公安局"));
    complete(pi, Map.of("legalApproval", "APPROVE"));
    complete(pi, Map.of("supervisorApproval", "APPROVE"));
    complete(pi, Map.of("receivingBody", "淮北市公安局", "transferredOn", today.toString(), "letterNo", "淮医保移〔2026〕9号"));
    Jobs.executeDue(managementService, pi.getId());

    JsonNode file = Http.demo(port, "chenmin").get("/api/cases/" + no).json();
    assertThat(file.get("kindZh").asText()).isEqualTo("案件移送");
    assertThat(file.get("statusZh").asText()).isEqualTo("已移送");
    assertThat(facts(file.get("caseFacts"))).containsEntry("移送类别", "司法机关").containsEntry("接收机关", "淮北市公安局")
        .containsEntry("移送日期", Labels.date(today))
        // the number of the 移送函 generated and stored for this transfer, not the one typed into the form (issue 17)
        .containsEntry("移送函文号", documents.latestOfProcess(pi.getId(), org.yibaoflow.document.DocumentKind.REFERRAL_LETTER).number());
    assertThat(values(file.get("decisions"), "code", "what", "ruleId"))
        .containsExactly("JUDICIAL:移送司法机关：淮北市公安局:R-VIO-11");
    assertThat(file.get("stepsDone")).hasSize(4);
    // R-VIO-11: the transfer is chased until the receiving body answers
    assertThat(values(file.get("openTasksAndDeadlines"), "kindZh")).contains("移送催办");
    assertThat(values(file.get("linkedCases"), "caseNo", "relation")).contains(subject.caseNo() + ":所涉案件");
    assertThat(documents(Http.demo(port, "chenmin"), no)).contains("移送函");
    assertShownInChinese(file);
    JsonNode subjectFile = Http.demo(port, "zhangjing").get("/api/cases/" + subject.caseNo()).json();
    assertThat(values(subjectFile.get("linkedCases"), "caseNo", "relation")).contains(no + ":针对本案");
    assertThat(Http.demo(port, "zhaolei").get("/api/cases/" + no).status()).isEqualTo(404);
  }

  @Test
  void anAnnualEvaluationRenewedOnline() {
    // a past year, so that no campaign of this year is touched (EvaluationCampaignIT opens 淮北's)
    int year = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear() - 2;
    Institution hospital = institution("huaibei", "淮北案卷考核医院", LocalDate.of(year, 1, 1), 1);
    long agreementId = jdbc.queryForObject("SELECT id FROM agreement WHERE institution_id = ?", Long.class,
        hospital.id());
    String bk = "huaibei-" + year + "-" + hospital.code();
    String pi = startEvaluation(hospital, agreementId, year, bk);
    Http zhangjing = Http.demo(port, "zhangjing");
    Http chenmin = Http.demo(port, "chenmin");
    submit(zhangjing, pi, "{\"evaluationScore\":{\"value\":92,\"type\":\"Integer\"},\"nonRenewalCase\":{\"value\":"
        + "\"NONE\"},\"deferralCase\":{\"value\":\"NONE\"},\"scoringOpinion\":{\"value\":\"按公开的考核标准评分\"}}");
    drive(pi);
    submit(chenmin, pi, "{\"reviewDecision\":{\"value\":\"APPROVE\"},\"signingChannel\":{\"value\":\"ONLINE\"}}");
    drive(pi);
    // the written notice is served; nobody objects within the window (R-PERS-12): the result takes effect
    ProcessInstance objection = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult();
    drive(objection.getId());
    Job window = managementService.createJobQuery().processInstanceId(objection.getId()).timers().singleResult();
    managementService.executeJob(window.getId());
    drive(objection.getId());
    drive(pi);

    JsonNode file = chenmin.get("/api/cases/" + bk).json();
    assertThat(file.get("kindZh").asText()).isEqualTo("年度考核");
    assertThat(facts(file.get("caseFacts"))).containsEntry("考核年度", String.valueOf(year))
        .containsEntry("考核等次", "合格").containsEntry("结论", "续签").containsEntry("签约方式", "网上签约")
        .containsKey("文书送达日");
    assertThat(values(file.get("decisions"), "code", "what")).containsExactly("RENEW:考核等次：合格，结论：续签");
    assertThat(values(file.get("stepsDone"), "step")).contains("考核评分", "考核结果审核");
    assertThat(values(file.get("linkedCases"), "caseNo", "kindZh")).contains(objection.getBusinessKey() + ":异议");
    assertThat(facts(file.get("agreementFacts"))).containsEntry("协议状态", "履行中");
    assertThat(documents(chenmin, bk)).contains("考核结果通知书");
    assertShownInChinese(file);
    assertThat(Http.demo(port, "zhaolei").get("/api/cases/" + bk).status()).isEqualTo(404);
  }

  // --- fixtures

  private Institution institution(String region, String name, LocalDate from, int years) {
    Institution i = institutions.register(new NewInstitution(region, RegistryFixtures.institutionCode("HOSPITAL"),
        name + System.nanoTime() % 100000, "HOSPITAL",
        RegistryFixtures.creditCode(region.equals("huaibei") ? "340600" : "370800"), "二级", List.of(), List.of(),
        "案卷测试", null));
    agreements.sign(i.id(), from, from.plusYears(years).minusDays(1), AgreementState.ACTIVE, "案卷测试", null);
    return i;
  }

  /** What the campaign runner does for one agreement (EvaluationCampaignService.runNextBatch), for a past year. */
  private String startEvaluation(Institution hospital, long agreementId, int year, String bk) {
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_campaign WHERE region = 'huaibei' AND eval_year = ?",
        Integer.class, year) == 0) {
      jdbc.update("INSERT INTO evaluation_campaign (region, eval_year, status, total_agreements, opened_by, opened_at) "
          + "VALUES ('huaibei', ?, 'ALL_STARTED', 1, 'chenmin', ?)", year, now);
    }
    Long campaign = jdbc.queryForObject("SELECT id FROM evaluation_campaign WHERE region = 'huaibei' AND eval_year = ?",
        Long.class, year);
    Map<String, Object> vars = new HashMap<>(Map.of("region", "huaibei", "evalYear", year, "agreementId", agreementId,
        "institutionId", hospital.id(), "institutionName", hospital.name()));
    String pi = runtimeService.startProcessInstanceByKey("annual-evaluation", bk, vars).getId();
    jdbc.update("INSERT INTO evaluation_item (campaign_id, agreement_id, institution_id, region, eval_year, "
        + "business_key, process_instance_id, status, started_at, updated_at) VALUES (?, ?, ?, 'huaibei', ?, ?, ?, "
        + "'STARTED', ?, ?)", campaign, agreementId, hospital.id(), year, bk, pi, now, now);
    drive(pi);
    return pi;
  }

  private void submit(Http user, String pi, String variables) {
    JsonNode tasks = user.get("/engine-rest/task?processInstanceId=" + pi).json();
    assertThat(tasks.size()).as("the open task of " + pi).isEqualTo(1);
    Http.Response r = user.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
        "{\"variables\":" + variables + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  private void complete(ProcessInstance pi, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(), variables);
  }

  /** Runs the due jobs of the case and the instances it called until none is left (SupervisionFixtures.drive). */
  private void drive(String pi) {
    fixtures().drive(pi);
  }

  private SupervisionFixtures fixtures() {
    return new SupervisionFixtures(port, institutions, agreements, runtimeService, taskService, managementService,
        clock);
  }

  /** The kinds of the case's documents, as the case file lists them (GET /api/cases/{caseNo}/documents). */
  private static List<String> documents(Http user, String caseNo) {
    Http.Response r = user.get("/api/cases/" + caseNo + "/documents");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return values(r.json(), "kindName");
  }
}
