package org.yibaoflow.designation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/** Filing designation applications over HTTP: eligibility (R-DES-1, R-VIO-9) and the completeness review. */
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

  @Test
  void anEligibleApplicationIsFiledAcceptedByTheCaseworkerAndPassesTheEvaluation() {
    Http caseworker = Http.demo(port, "zhangjing");
    Http.Response filed = caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"淮北市杜集区新建医院\",\"institutionType\":\"HOSPITAL\","
            + "\"creditCode\":\"12340600MB7654321X\"}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String applicationNo = filed.json().get("applicationNo").asText();
    String pi = filed.json().get("processInstanceId").asText();
    assertThat(applicationNo).startsWith("DA-").contains("-huaibei-");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
        .isEqualTo(applicationNo);
    executeJobs(pi);

    JsonNode task = caseworker.get("/engine-rest/task?processInstanceBusinessKey=" + applicationNo).json().get(0);
    assertThat(task.get("name").asText()).isEqualTo("受理审查");
    Http.Response submit = caseworker.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        "{\"variables\":{\"acceptanceResult\":{\"value\":\"COMPLETE\"}}}");
    assertThat(submit.status()).as(submit.body()).isEqualTo(204);
    executeJobs(pi);
    assertThat(status(applicationNo)).isEqualTo("ACCEPTED");
    executeJobs(pi); // the system check (R-DES-2)

    // the expert of 淮北 scores it through Tasklist's submit-form
    Http expert = Http.demo(port, "wangqiang");
    JsonNode expertTask = expert.get("/engine-rest/task?processInstanceBusinessKey=" + applicationNo).json().get(0);
    assertThat(expertTask.get("name").asText()).isEqualTo("专家评估");
    Http.Response scored = expert.post("/engine-rest/task/" + expertTask.get("id").asText() + "/submit-form",
        "{\"variables\":{\"expertScore\":{\"value\":88,\"type\":\"Integer\"},"
            + "\"expertResult\":{\"value\":\"PASS\"},\"expertOpinion\":{\"value\":\"符合评估标准\"}}}");
    assertThat(scored.status()).as(scored.body()).isEqualTo(204);
    executeJobs(pi);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    Map<String, Object> row = jdbc.queryForMap(
        "SELECT region, status, created_by, refusal_rule FROM designation_application WHERE application_no = ?",
        applicationNo);
    assertThat(row).containsEntry("REGION", "huaibei").containsEntry("STATUS", "EVALUATION_PASSED")
        .containsEntry("CREATED_BY", "zhangjing");
    assertThat(row.get("REFUSAL_RULE")).isNull();
    assertThat(auditActions(applicationNo)).containsExactly("FILED", "ELIGIBILITY_CHECKED", "SYSTEM_CHECKED",
        "EVALUATED");
  }

  @Test
  void incompleteMaterialIsSupplementedOnceThenLapsesTheSecondTime() {
    Http caseworker = Http.demo(port, "zhangjing");
    Http.Response filed = caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"淮北市烈山区补正医院\",\"institutionType\":\"HOSPITAL\","
            + "\"creditCode\":\"12340600MB7654322X\",\"region\":\"huaibei\"}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String applicationNo = filed.json().get("applicationNo").asText();
    String pi = filed.json().get("processInstanceId").asText();
    executeJobs(pi);
    submitReview(caseworker, applicationNo, "INCOMPLETE", "执业许可证副本");
    executeJobs(pi);
    assertThat(status(applicationNo)).isEqualTo("INCOMPLETE");
    assertThat((Integer) runtimeService.getVariable(pi, "supplementDays")).isPositive();

    // R-DES-1: the supplement, correlated by the application number, returns the case to the review
    runtimeService.createMessageCorrelation("ApplicationSupplemented").processInstanceBusinessKey(applicationNo)
        .correlate();
    executeJobs(pi);
    assertThat(status(applicationNo)).isEqualTo("RECEIVED");
    submitReview(caseworker, applicationNo, "INCOMPLETE", "房屋产权证明");
    executeJobs(pi);

    // the period ends without the material: the timer fires, the application is closed
    Job timer = managementService.createJobQuery().processInstanceId(pi).timers().singleResult();
    assertThat(timer.getDuedate()).isInTheFuture();
    managementService.executeJob(timer.getId());
    executeJobs(pi);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(status(applicationNo)).isEqualTo("LAPSED");
    assertThat(auditActions(applicationNo)).containsExactly("FILED", "ELIGIBILITY_CHECKED", "SUPPLEMENT_REQUESTED",
        "SUPPLEMENTED", "SUPPLEMENT_REQUESTED", "LAPSED");
  }

  private void submitReview(Http caseworker, String applicationNo, String result, String missing) {
    JsonNode task = caseworker.get("/engine-rest/task?processInstanceBusinessKey=" + applicationNo).json().get(0);
    assertThat(task.get("name").asText()).isEqualTo("受理审查");
    Http.Response submit = caseworker.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        "{\"variables\":{\"acceptanceResult\":{\"value\":\"" + result + "\"},"
            + "\"missingMaterials\":{\"value\":\"" + missing + "\"}}}");
    assertThat(submit.status()).as(submit.body()).isEqualTo(204);
  }

  private String status(String applicationNo) {
    return jdbc.queryForObject("SELECT status FROM designation_application WHERE application_no = ?", String.class,
        applicationNo);
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
            + "\"institutionType\":{\"value\":\"PHARMACY\"},\"creditCode\":{\"value\":\"" + BANNED_CREDIT_CODE + "\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pi = started.json().get("id").asText();
    executeJobs(pi);

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
    Http.Response type = caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"某医院\",\"institutionType\":\"CLINIC\",\"creditCode\":\"12340600MB7654321X\"}");
    assertThat(type.status()).isEqualTo(400);
    assertThat(type.json().get("field").asText()).isEqualTo("institutionType");
    Http.Response code = caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"某医院\",\"institutionType\":\"HOSPITAL\",\"creditCode\":\"1234\"}");
    assertThat(code.status()).isEqualTo(400);
    assertThat(code.json().get("field").asText()).isEqualTo("creditCode");
    // a region the user does not belong to
    assertThat(caseworker.post("/api/designation-applications",
        "{\"institutionName\":\"某医院\",\"institutionType\":\"HOSPITAL\",\"creditCode\":\"12340600MB7654321X\","
            + "\"region\":\"jining\"}").status()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM designation_application", Long.class)).isEqualTo(rows);
  }

  private List<String> auditActions(String applicationNo) {
    return jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'DESIGNATION_APPLICATION' "
        + "AND entity_id = ? ORDER BY id", String.class, applicationNo);
  }

  private void executeJobs(String pi) {
    for (Job job : managementService.createJobQuery().processInstanceId(pi).executable().list()) {
      managementService.executeJob(job.getId());
    }
  }
}
