package org.yibaoflow.fine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.enforcement.DecisionTookEffect;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;

/**
 * The administrative fine over HTTP (R-VIO-10): a violation case's decision in effect with a fine proposal opens
 * one fine (twice published, one fine) whose task only the administrative department of the case's region sees; an
 * amount outside the range is a Chinese message in the form and the task stays open; statements and payments are
 * refused (409) while nothing waits for them, bad input is 400 naming the field, other regions get 404, other roles
 * 403.
 */
@IntegrationTest
class FineIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  Clock clock;

  @Test
  void aDecisionInEffectOpensOneFineThatOnlyTheRegionsAdministrativeDepartmentSees() {
    // 12,000 yuan defrauded by an ordinary fraud code: 2x = 24,000 to 5x = 60,000 (R-VIO-10)
    String caseNo = fraudCase("huaibei", "FRAUD_OTHER", "12000.00", "24000.00", 2);
    publish(caseNo);
    publish(caseNo); // a retried job: still one fine
    List<String> fines = jdbc.queryForList("SELECT fine_no FROM administrative_fine WHERE case_no = ?", String.class,
        caseNo);
    assertThat(fines).hasSize(1);
    String fineNo = fines.get(0);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("administrative-fine")
        .processInstanceBusinessKey(fineNo).count()).isEqualTo(1);

    JsonNode fine = Http.demo(port, "zhoujie").get("/api/fines/" + fineNo).json();
    assertThat(new BigDecimal(fine.get("minAmount").asText())).isEqualByComparingTo("24000");
    assertThat(new BigDecimal(fine.get("maxAmount").asText())).isEqualByComparingTo("60000");
    assertThat(fine.get("status").asText()).isEqualTo("DECIDING");
    assertThat(Http.demo(port, "zhoujie").get("/api/fines?status=DECIDING").body()).contains(fineNo);
    assertThat(Http.demo(port, "hejun").get("/api/fines").body()).doesNotContain(fineNo);
    assertThat(Http.demo(port, "hejun").get("/api/fines/" + fineNo).status()).isEqualTo(404);
    assertThat(Http.demo(port, "wangqiang").get("/api/fines").status()).isEqualTo(403);
    assertThat(Http.demo(port, "zhoujie").get("/api/fines?status=WHATEVER").status()).isEqualTo(400);

    String taskQuery = "/engine-rest/task?processInstanceBusinessKey=" + fineNo;
    JsonNode mine = Http.demo(port, "zhoujie").get(taskQuery).json();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_DecideFine");
    assertThat(Http.demo(port, "hejun").get(taskQuery).json()).isEmpty();
    assertThat(Http.demo(port, "zhangjing").get(taskQuery).json()).as("caseworkers: not their task").isEmpty();
  }

  @Test
  void anAmountOutsideTheRangeStaysInTheFormAndNothingIsRefusedThatWaits() {
    // 三假 (fictitious services): the maximum, 5 x 8,000 = 40,000 and nothing else (R-VIO-10)
    String caseNo = fraudCase("huaibei", "FRAUD_FICTITIOUS_SERVICES", "8000.00", "40000.00", 5);
    publish(caseNo);
    String fineNo = jdbc.queryForObject("SELECT fine_no FROM administrative_fine WHERE case_no = ?", String.class,
        caseNo);
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(fineNo).singleResult();
    Http zhoujie = Http.demo(port, "zhoujie");
    Http.Response tooLow = zhoujie.post("/engine-rest/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"fineDecision\":{\"value\":\"IMPOSE\"},\"fineAmount\":{\"value\":30000}}}");
    assertThat(tooLow.status()).as(tooLow.body()).isEqualTo(400);
    assertThat(tooLow.json().get("field").asText()).isEqualTo("fineAmount");
    assertThat(tooLow.json().get("message").asText()).contains("罚款金额须在", "40000.00");
    Http.Response noReason = zhoujie.post("/engine-rest/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"fineDecision\":{\"value\":\"DECLINE\"}}}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asText()).isEqualTo("declineReasons");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task stays open").isEqualTo(1);

    // nothing waits for a statement or a payment yet
    assertThat(zhoujie.post("/api/fines/" + fineNo + "/statement", "{\"statement\":\"请求从轻\"}").status())
        .isEqualTo(409);
    String today = OffsetDateTime.now(clock).toLocalDate().toString();
    assertThat(zhoujie.post("/api/fines/" + fineNo + "/payment", "{\"paidOn\":\"" + today
        + "\",\"amount\":40000,\"receiptNo\":\"PJ-1\"}").status()).isEqualTo(409);
    Http.Response noReceipt = zhoujie.post("/api/fines/" + fineNo + "/payment", "{\"paidOn\":\"" + today
        + "\",\"amount\":40000}");
    assertThat(noReceipt.status()).isEqualTo(400);
    assertThat(noReceipt.body()).contains("receiptNo");
    assertThat(Http.demo(port, "hejun").post("/api/fines/" + fineNo + "/statement", "{\"statement\":\"x\"}").status())
        .isIn(403, 404);
    assertThat(Http.demo(port, "sunli").post("/api/fines/" + fineNo + "/statement", "{\"statement\":\"x\"}").status())
        .isEqualTo(403);

    Http.Response ok = zhoujie.post("/engine-rest/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"fineDecision\":{\"value\":\"IMPOSE\"},\"fineAmount\":{\"value\":40000}}}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    String pi = task.getProcessInstanceId();
    Jobs.drain(managementService, pi, 5);
    assertThat(jdbc.queryForObject("SELECT status FROM administrative_fine WHERE fine_no = ?", String.class, fineNo))
        .isEqualTo("NOTIFIED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE case_no = ? AND kind = 'FINE_NOTICE'",
        Integer.class, fineNo)).isEqualTo(1);
    assertThat(zhoujie.post("/api/fines/" + fineNo + "/statement", "{\"statement\":\"已主动退回，请求从轻处罚\"}").status())
        .isEqualTo(202);
    assertThat(taskService.createTaskQuery().processInstanceId(pi).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ReviewStatement");
  }

  private void publish(String caseNo) {
    new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new DecisionTookEffect(caseNo, "violation-pi")));
  }

  /** A violation case as its executed decision leaves it: a fraud finding, the recovery and the fine proposal. */
  private String fraudCase(String region, String code, String recovery, String proposal, int multiple) {
    Institution i = institutions.register(new NewInstitution(region, RegistryFixtures.institutionCode("HOSPITAL"),
        "罚款测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级", List.of(),
        List.of(), "集成测试", null));
    String caseNo = "WY-IT-" + System.nanoTime();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.update("INSERT INTO violation_case (case_no, region, source, institution_id, institution_type, agreement_id, "
        + "suspected_violations, suspected_amount, summary, status, defrauded_amount, fine_multiple, measure_class, "
        + "measure_rule, recovery_amount, refusal_amount, fine_proposal, process_instance_id, created_by, created_at, "
        + "updated_at) VALUES (?, ?, 'SMART_MONITORING', ?, 'HOSPITAL', 0, ?, ?, '虚构诊疗服务', 'DECIDING', ?, ?, "
        + "'TERMINATION', 'R-VIO-3', ?, 0, ?, ?, 'zhangjing', ?, ?)", caseNo, region, i.id(), code,
        new BigDecimal(recovery), new BigDecimal(recovery), multiple, new BigDecimal(recovery), new BigDecimal(proposal),
        "pi-" + caseNo, now, now);
    jdbc.update("INSERT INTO violation_finding (case_no, code, severity, clause) VALUES (?, ?, 4, '001 §三(四)')",
        caseNo, code);
    return caseNo;
  }
}
