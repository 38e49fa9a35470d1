package org.yibaoflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Cases for the supervision tests, opened the way caseworkers open them (POST /api/violation-cases, tasks completed
 * over /engine-rest): a case waiting in 调查取证 (a user task due in 10 working days) and a case whose records were
 * not provided (the document-production deadline, R-VIO-7, a process timer).
 */
final class SupervisionFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  record OpenedCase(String caseNo, String processInstanceId, Institution institution, long agreementId) {
  }

  private final int port;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final Clock clock;

  SupervisionFixtures(int port, InstitutionService institutions, AgreementService agreements,
      RuntimeService runtimeService, TaskService taskService, ManagementService managementService, Clock clock) {
    this.port = port;
    this.institutions = institutions;
    this.agreements = agreements;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.clock = clock;
  }

  static String caseworker(String region) {
    return region.equals("huaibei") ? "zhangjing" : "liuyang";
  }

  /** A case waiting in 调查取证. */
  OpenedCase investigating(String region, String namePrefix) {
    Institution hospital = institutions.register(new NewInstitution(region, RegistryFixtures.institutionCode("HOSPITAL"),
        namePrefix + System.nanoTime() % 100000, "HOSPITAL",
        RegistryFixtures.creditCode(region.equals("huaibei") ? "340600" : "370800"), "二级", List.of(), List.of(),
        "监督看板测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    long agreementId = agreements.sign(hospital.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE,
        "监督看板测试", null).id();
    ObjectNode n = JSON.createObjectNode();
    n.put("source", "SMART_MONITORING");
    n.put("institutionCode", hospital.code());
    n.putArray("suspectedViolations").add("RECORDS_NOT_PROVIDED");
    n.put("suspectedAmount", 5000);
    n.put("summary", "智能监控预警");
    Http.Response r = Http.demo(port, caseworker(region)).post("/api/violation-cases", n.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode opened = r.json();
    String pi = opened.get("processInstanceId").asText();
    drive(pi);
    return new OpenedCase(opened.get("caseNo").asText(), pi, hospital, agreementId);
  }

  /** A case whose records were not provided: settlement suspended, the document deadline running (R-VIO-7). */
  OpenedCase awaitingDocuments(String region, String namePrefix) {
    OpenedCase c = investigating(region, namePrefix);
    Task task = taskService.createTaskQuery().processInstanceId(c.processInstanceId())
        .taskDefinitionKey("Task_Investigate").singleResult();
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    vars.putObject("findingCodes").put("value", "RECORDS_NOT_PROVIDED").put("type", "String");
    vars.putObject("investigationNote").put("value", "未提供电子病历").put("type", "String");
    Http.Response r = Http.demo(port, caseworker(region)).post("/engine-rest/task/" + task.getId() + "/complete",
        body.toString());
    assertThat(r.status()).as(r.body()).isIn(200, 204);
    drive(c.processInstanceId());
    return c;
  }

  /** The document-production timer of a case awaiting documents. */
  Job documentTimer(OpenedCase c) {
    ProcessInstance documents = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(c.processInstanceId()).singleResult();
    return managementService.createJobQuery().processInstanceId(documents.getId()).timers().singleResult();
  }

  /** Runs the due jobs of the case and its called instances until none is left. */
  void drive(String pi) {
    for (int round = 0; round < 20; round++) {
      List<String> ids = new ArrayList<>(List.of(pi));
      ProcessInstance p = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult();
      if (p != null) {
        runtimeService.createProcessInstanceQuery().rootProcessInstanceId(p.getRootProcessInstanceId()).list()
            .forEach(x -> ids.add(x.getId()));
      }
      long due = ids.stream().mapToLong(id -> managementService.createJobQuery().processInstanceId(id).executable()
          .count()).sum();
      if (due == 0) {
        return;
      }
      Jobs.executeDue(managementService, ids.toArray(String[]::new));
    }
  }

  static Map<String, JsonNode> byCase(JsonNode items) {
    Map<String, JsonNode> m = new java.util.HashMap<>();
    items.forEach(i -> m.merge(i.path("caseNo").asText() + "/" + i.path("kind").asText(), i, (a, b) -> a));
    return m;
  }
}
