package org.yibaoflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.TestClock;

/** Transfers over HTTP (R-VIO-11): the dossier checklist in Tasklist, feedback, supervisors' open list. */
@IntegrationTest
class ReferralIT {

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
  void theDossierChecklistOfItsKindReachesTheForm() {
    ProcessInstance pi = start("DISCIPLINE");
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    // what Tasklist's Camunda Forms do: form-variables undeserialized, Json values parsed for valuesKey
    JsonNode variables = Http.demo(port, "zhangjing").get("/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false").json();
    assertThat(variables.get("dossierChecklist").get("type").asText()).isEqualTo("Json");
    assertThat(variables.get("dossierChecklist").get("value").asText()).contains("问题线索移送函", "\"label\"", "\"value\"");
  }

  @Test
  void feedbackOverHttpIsRecordedAndSupervisorsSeeOpenTransfersWithTheirAge() {
    ProcessInstance pi = start("JUDICIAL");
    String no = businessKey(pi);
    complete(pi, Map.of("receivingBody", "淮北市公安局"));
    complete(pi, Map.of("legalApproval", "APPROVE"));
    complete(pi, Map.of("supervisorApproval", "APPROVE"));
    String today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
    // a letterNo sent with the form is ignored: the transfer records the 文号 of the generated 移送函 (issue 17)
    complete(pi, Map.of("receivingBody", "淮北市公安局", "transferredOn", today, "letterNo", "伪造〔2026〕8号"));
    Jobs.executeDue(managementService, pi.getId());
    assertThat(jdbc.queryForObject("SELECT letter_no FROM referral WHERE referral_no = ?", String.class, no))
        .isEqualTo(jdbc.queryForObject("SELECT doc_number FROM document WHERE case_no = ? AND kind = 'REFERRAL_LETTER'",
            String.class, no))
        .isNotEqualTo("伪造〔2026〕8号");

    clock.set(OffsetDateTime.now(clock).plusDays(45).toInstant());
    JsonNode open = Http.demo(port, "chenmin").get("/api/referrals").json();
    JsonNode mine = null;
    for (JsonNode r : open) {
      if (r.get("referral").get("referralNo").asText().equals(no)) {
        mine = r;
      }
    }
    assertThat(mine).as("supervisor sees the open transfer").isNotNull();
    assertThat(mine.get("ageDays").asInt()).isEqualTo(45);
    assertThat(Http.demo(port, "zhaolei").get("/api/referrals").body()).doesNotContain(no);

    Http.Response bad = Http.demo(port, "zhangjing").post("/api/referrals/" + no + "/feedback",
        "{\"type\":\"MAYBE\",\"content\":\"x\"}");
    assertThat(bad.status()).isEqualTo(400);
    Http.Response ok = Http.demo(port, "zhangjing").post("/api/referrals/" + no + "/feedback",
        "{\"type\":\"ACCEPTED\",\"content\":\"已立案侦查\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(202);
    Jobs.executeDue(managementService, pi.getId());

    assertThat(jdbc.queryForObject("SELECT status FROM referral WHERE referral_no = ?", String.class, no))
        .isEqualTo("ACCEPTED");
    assertThat(jdbc.queryForObject("SELECT content FROM referral_feedback WHERE referral_no = ?", String.class, no))
        .isEqualTo("已立案侦查");
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'REFERRAL' AND entity_id = ? "
        + "ORDER BY id", String.class, no)).containsExactly("REGISTERED", "TRANSFERRED", "FEEDBACK_ACCEPTED");
  }

  @Test
  void feedbackForATransferNotYetSentIsAConflict() {
    ProcessInstance pi = start("REGULATOR");
    Http.Response r = Http.demo(port, "zhangjing").post("/api/referrals/" + businessKey(pi) + "/feedback",
        "{\"type\":\"RESULT\",\"content\":\"已处理\"}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("rule").asText()).isEqualTo("R-VIO-11");
  }

  private ProcessInstance start(String kind) {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("referral", Map.of("region", "huaibei",
        "referralKind", kind, "caseSummary", "伪造住院病历骗取医保基金", "subjectRef", "WG-2026-huaibei-000009"));
    Jobs.executeDue(managementService, pi.getId());
    return pi;
  }

  private String businessKey(ProcessInstance pi) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
  }

  private void complete(ProcessInstance pi, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(), variables);
  }
}
