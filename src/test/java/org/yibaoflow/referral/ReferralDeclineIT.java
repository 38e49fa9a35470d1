package org.yibaoflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.TestClock;

/**
 * A declined transfer closed from Tasklist as the demo caseworker (issue 15 item 4, R-VIO-11): the close reasons
 * are a checklist with Chinese labels; no reason, or 其他 without an explanation, is a Chinese message naming the
 * field and the task stays open; the audit records the reasons in words.
 */
@IntegrationTest
class ReferralDeclineIT {

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

  @Test
  void aDeclinedTransferIsClosedWithReasonsChosenFromTheList() {
    Http zhangjing = Http.demo(port, "zhangjing");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("referral", Map.of("region", "huaibei",
        "referralKind", "REGULATOR", "caseSummary", "药店串换药品", "subjectRef", "WG-2026-huaibei-000011"));
    Jobs.executeDue(managementService, pi.getId());
    String no = runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey();
    complete(pi, Map.of("receivingBody", "淮北市市场监督管理局"));
    complete(pi, Map.of("legalApproval", "APPROVE"));
    complete(pi, Map.of("supervisorApproval", "APPROVE"));
    String today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
    complete(pi, Map.of("receivingBody", "淮北市市场监督管理局", "transferredOn", today));
    Jobs.executeDue(managementService, pi.getId());
    Http.Response declined = zhangjing.post("/api/referrals/" + no + "/feedback",
        "{\"type\":\"DECLINED\",\"content\":\"不属于本机关管辖\"}");
    assertThat(declined.status()).as(declined.body()).isEqualTo(202);
    Jobs.executeDue(managementService, pi.getId());

    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_HandleDecline")
        .singleResult();
    JsonNode form = zhangjing.get("/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false")
        .json();
    assertThat(form.get("closeReasonOptions").get("value").asText()).contains("同一事项已由其他机关立案或处理",
        "OTHER");

    Http.Response none = submit(zhangjing, task, "{\"declineDecision\":{\"value\":\"CLOSE\"},"
        + "\"closeReason\":{\"value\":\"不再移送\"}}");
    assertThat(none.status()).as(none.body()).isEqualTo(400);
    assertThat(none.json().get("field").asText()).isEqualTo("closeReasons");
    Http.Response otherUnexplained = submit(zhangjing, task, "{\"declineDecision\":{\"value\":\"CLOSE\"},"
        + "\"closeReasons\":{\"value\":\"[\\\"OTHER\\\"]\",\"type\":\"Json\"}}");
    assertThat(otherUnexplained.status()).as(otherUnexplained.body()).isEqualTo(400);
    assertThat(otherUnexplained.json().get("field").asText()).isEqualTo("closeReason");
    assertThat(otherUnexplained.json().get("message").asText()).contains("其他");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isOne();

    Http.Response ok = submit(zhangjing, task, "{\"declineDecision\":{\"value\":\"CLOSE\"},"
        + "\"closeReasons\":{\"value\":\"[\\\"HANDLED_ELSEWHERE\\\"]\",\"type\":\"Json\"},"
        + "\"closeReason\":{\"value\":\"已由县局处理\"}}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    Jobs.executeDue(managementService, pi.getId());

    assertThat(jdbc.queryForObject("SELECT status FROM referral WHERE referral_no = ?", String.class, no))
        .isEqualTo("CLOSED");
    assertThat(jdbc.queryForObject("SELECT reason FROM audit_log WHERE entity_type = 'REFERRAL' AND entity_id = ? "
        + "AND action = 'CLOSED'", String.class, no)).isEqualTo("同一事项已由其他机关立案或处理。说明：已由县局处理");
  }

  private static Http.Response submit(Http user, Task task, String variables) {
    return user.post("/engine-rest/task/" + task.getId() + "/submit-form", "{\"variables\":" + variables + "}");
  }

  private void complete(ProcessInstance pi, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(), variables);
  }
}
