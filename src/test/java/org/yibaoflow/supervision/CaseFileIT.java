package org.yibaoflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.support.ChineseOnly;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.TestClock;

/**
 * The case file (案卷) over HTTP: a violation case whose records are awaited shows its party, the agreement with the
 * settlement suspension of R-VIO-7 in its history, the running document deadline and the audit trail; once the
 * deadline has passed and the agreement is terminated the closed case keeps all of it (history service). Caseworkers
 * of the region read it, other regions get 404, experts 403.
 */
@IntegrationTest
class CaseFileIT {

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
  TestClock clock;
  @Autowired
  ViolationCatalogue catalogue;

  @Test
  void aViolationCaseOpenAndClosed() {
    SupervisionFixtures fixtures = new SupervisionFixtures(port, institutions, agreements, runtimeService, taskService,
        managementService, clock);
    SupervisionFixtures.OpenedCase c = fixtures.awaitingDocuments("huaibei", "案卷测试医院");
    String path = "/api/cases/" + c.caseNo();

    Http.Response read = Http.demo(port, "chenmin").get(path);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    JsonNode open = read.json();
    assertThat(open.get("kind").asText()).isEqualTo("VIOLATION");
    assertThat(open.get("kindZh").asText()).isEqualTo("违约案件");
    assertThat(open.get("region").asText()).isEqualTo("huaibei");
    assertThat(open.get("closed").asBoolean()).isFalse();
    assertThat(open.get("party").asText()).isEqualTo(c.institution().name());
    assertThat(open.get("institution").get("code").asText()).isEqualTo(c.institution().code());
    assertThat(open.get("agreement").get("id").asLong()).isEqualTo(c.agreementId());
    assertThat(open.get("agreement").get("state").asText()).isEqualTo("SETTLEMENT_SUSPENDED");
    assertThat(values(open.get("agreementHistory"), "ruleId", "toState")).contains("R-VIO-7:SETTLEMENT_SUSPENDED");
    assertThat(values(open.get("processes"), "processKey")).containsExactly("violation-case", "document-production");
    // the deadline runs twice: as the timer and as the due date of 登记收到的资料, which races it (issue 15)
    assertThat(values(open.get("openTasksAndDeadlines"), "kind", "kindZh"))
        .containsExactlyInAnyOrder("TASK:办理期限", "TIMER:资料提供期限");
    assertThat(values(open.get("stepsDone"), "step")).containsExactly("调查取证");
    assertThat(values(open.get("audit"), "entityType", "action")).contains("VIOLATION_CASE:OPENED",
        "VIOLATION_CASE:FINDINGS_RECORDED", "AGREEMENT:TRANSITION");
    assertThat(values(open.get("decisions"), "code", "what")).contains("DOCUMENTS_REQUESTED:责令提供资料（暂停结算）");
    // what the page shows: in Chinese, no code or id (R-VIO-1 source, R-VIO-7 states, the caseworker by name)
    assertThat(open.get("statusZh").asText()).isEqualTo("责令提供资料");
    assertThat(open.get("regionZh").asText()).isEqualTo("淮北市");
    assertThat(facts(open.get("caseFacts"))).containsEntry("案件来源", "智能监控").containsEntry("立案人", "张静")
        .containsEntry("涉嫌违规", catalogue.find("RECORDS_NOT_PROVIDED").orElseThrow().name());
    assertThat(facts(open.get("agreementFacts"))).containsEntry("协议状态", "暂停结算");
    assertThat(values(open.get("agreementHistory"), "ruleId", "toStateZh")).contains("R-VIO-7:暂停结算");
    assertShownInChinese(open);

    assertThat(Http.demo(port, "zhangjing").get(path).status()).as("the region's caseworker").isEqualTo(200);
    assertThat(Http.demo(port, "sunli").get(path).status()).as("the region's legal reviewer").isEqualTo(200);
    assertThat(Http.demo(port, "liuyang").get(path).status()).as("济宁's caseworker").isEqualTo(404);
    assertThat(Http.demo(port, "zhaolei").get(path).status()).as("济宁's supervisor").isEqualTo(404);
    assertThat(Http.demo(port, "wangqiang").get(path).status()).as("an expert").isEqualTo(403);
    assertThat(Http.anonymous(port).get(path).status()).isEqualTo(401);
    assertThat(Http.demo(port, "chenmin").get("/api/cases/VC-1999-huaibei-999999").status()).isEqualTo(404);

    // the 7 days pass without records: the agreement is terminated (R-VIO-7) and the case closes
    managementService.executeJob(fixtures.documentTimer(c).getId());
    fixtures.drive(c.processInstanceId());
    JsonNode closed = Http.demo(port, "zhangjing").get(path).json();
    assertThat(closed.get("closed").asBoolean()).isTrue();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("agreement").get("state").asText()).isEqualTo("TERMINATED");
    assertThat(values(closed.get("agreementHistory"), "ruleId", "toState")).contains("R-VIO-7:SETTLEMENT_SUSPENDED",
        "R-VIO-7:TERMINATED");
    assertThat(closed.get("openTasksAndDeadlines")).isEmpty();
    assertThat(values(closed.get("processes"), "state")).containsOnly("COMPLETED");
    assertThat(values(closed.get("decisions"), "code")).contains("DOCUMENTS_REQUESTED", "DOCUMENTS_NOT_PROVIDED");
    assertThat(closed.get("statusZh").asText()).isEqualTo("已结案");
    assertThat(values(closed.get("processes"), "stateZh")).containsOnly("已办结");
    assertThat(values(closed.get("agreementHistory"), "toStateZh")).contains("解除");
    assertShownInChinese(closed);
    assertThat(values(closed.get("audit"), "entityType", "action")).contains("VIOLATION_CASE:CLOSED");
  }

  @Test
  void aDesignationApplicationsFile() {
    String name = "案卷测试新建医院" + System.nanoTime() % 100000;
    Http.Response filed = Http.demo(port, "zhangjing").post("/api/designation-applications",
        "{\"institutionName\":\"" + name + "\",\"institutionType\":\"HOSPITAL\",\"creditCode\":\""
            + org.yibaoflow.support.RegistryFixtures.creditCode("340600") + "\","
            // R-DES-1: a first-time applicant carries its practice licence, else eligibility refuses it at once
            + "\"licences\":[{\"kind\":\"PRACTICE\",\"number\":\"PDY-CASEFILE-1\",\"validFrom\":\"2024-01-01\","
            + "\"validUntil\":\"2030-12-31\"}]}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String no = filed.json().get("applicationNo").asText();
    org.yibaoflow.support.Jobs.drain(managementService, filed.json().get("processInstanceId").asText(), 10);

    JsonNode file = Http.demo(port, "chenmin").get("/api/cases/" + no).json();
    assertThat(file.get("kind").asText()).isEqualTo("DESIGNATION");
    assertThat(file.get("kindZh").asText()).isEqualTo("定点申请");
    assertThat(file.get("party").asText()).isEqualTo(name);
    assertThat(file.get("closed").asBoolean()).isFalse();
    assertThat(values(file.get("processes"), "processKey")).containsExactly("designation");
    assertThat(values(file.get("openTasksAndDeadlines"), "kind")).contains("TASK");
    assertThat(file.get("facts").get("institutionName").asText()).isEqualTo(name);
    assertThat(facts(file.get("caseFacts"))).containsEntry("机构名称", name).containsEntry("机构类型", "定点医疗机构")
        .containsEntry("立案人", "张静");
    assertThat(file.get("audit")).isNotEmpty();
    assertShownInChinese(file);
    assertThat(Http.demo(port, "liuyang").get("/api/cases/" + no).status()).isEqualTo(404);
  }

  /** The case file's facts as label → value. */
  static Map<String, String> facts(JsonNode list) {
    Map<String, String> m = new LinkedHashMap<>();
    list.forEach(f -> m.put(f.get("label").asText(), f.get("value").asText()));
    return m;
  }

  /** A moment as the case file shows it: Beijing time, "2026年12月7日 11:30" (a deadline may end at 24:00). */
  static final Pattern BEIJING = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");

  /**
   * Every field the page shows is in Chinese: no English word, no raw code (statuses, reasons, region or user ids),
   * CaseworkerBrowserIT's check (ChineseOnly) over the display fields; case numbers are no words of their own.
   */
  static void assertShownInChinese(JsonNode file) {
    List<String> shown = new ArrayList<>(List.of(file.get("kindZh").asText(), file.get("regionZh").asText(),
        file.get("statusZh").asText(), file.get("party").asText()));
    for (String list : List.of("caseFacts", "institutionFacts", "agreementFacts")) {
      file.get(list).forEach(f -> shown.addAll(List.of(f.get("label").asText(), f.get("value").asText())));
    }
    collect(file.get("processes"), shown, "process", "stateZh", "startedBeijing", "endedBeijing");
    collect(file.get("openTasksAndDeadlines"), shown, "kindZh", "step", "process", "assigneeName", "dueBeijing");
    collect(file.get("stepsDone"), shown, "step", "process", "assigneeName", "endedBeijing");
    collect(file.get("decisions"), shown, "what", "detail");
    collect(file.get("linkedCases"), shown, "kindZh", "relation");
    for (String list : List.of("audit", "agreementHistory")) {
      collect(file.get(list), shown, "subjectZh", "fromStateZh", "toStateZh", "reasonZh", "actorName",
          "occurredBeijing");
    }
    List<String> texts = shown.stream().map(CaseFileIT::withoutCaseNumbers).toList();
    List<String>[] found = ChineseOnly.find(texts);
    assertThat(found[0]).as("English words or ids shown in " + file.get("caseNo")).isEmpty();
    assertThat(found[1]).as("raw codes shown in " + file.get("caseNo")).isEmpty();
    List<String> times = new ArrayList<>();
    collect(file.get("processes"), times, "startedBeijing");
    collect(file.get("audit"), times, "occurredBeijing");
    assertThat(times).isNotEmpty().allSatisfy(t -> assertThat(t).matches(BEIJING));
  }

  private static void collect(JsonNode array, List<String> into, String... fields) {
    for (JsonNode n : array) {
      for (String f : fields) {
        if (n.hasNonNull(f)) {
          into.add(n.get(f).asText());
        }
      }
    }
  }

  /** VC-2026-huaibei-000001, RY-2026-jining-000003, huaibei-2024-H34060012345: numbers, not words. */
  static String withoutCaseNumbers(String text) {
    return text.replaceAll("[A-Za-z]+-\\d{4}-[A-Za-z0-9]+(-\\d+)?", "");
  }

  static List<String> values(JsonNode array, String... fields) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      List<String> parts = new ArrayList<>();
      for (String f : fields) {
        parts.add(n.path(f).asText());
      }
      out.add(String.join(":", parts));
    }
    return out;
  }
}
