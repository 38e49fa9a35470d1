package org.yibaoflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
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
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.TestClock;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Written documents over HTTP: a violation case driven to its decision notice (处理决定书) has its 告知书 and 处理决定书
 * generated, numbered by the region's scheme, and downloadable by the caseworker with the case number, the
 * institution, the amounts and the objection deadline (R-PERS-12) in them; another region's user gets 404; the
 * service is recorded once; numbers stay gap-free under 20 concurrent documents; a region's own template is used.
 */
@IntegrationTest
class DocumentIT {

  static final ObjectMapper JSON = new ObjectMapper();

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
  DocumentService documents;
  @Autowired
  RegionSettingsService settings;
  @Autowired
  WorkingDayCalendar calendar;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;
  @Autowired
  TestClock testClock;

  @Test
  void aViolationCasesDecisionNoticeIsGeneratedAndTheCaseworkerDownloadsIt() throws Exception {
    Institution hospital = institution("huaibei");
    Http zhangjing = Http.demo(port, "zhangjing");
    JsonNode opened = zhangjing.post("/api/violation-cases", intake(hospital)).json();
    String caseNo = opened.get("caseNo").asText();
    String pi = opened.get("processInstanceId").asText();
    complete(zhangjing, pi, "Task_Investigate", Map.of("findingCodes", "FRAUD_OTHER", "defraudedAmount", 3000,
        "investigationNote", "虚构诊疗项目"));
    complete(Http.demo(port, "sunli"), pi, "Task_LegalReview", Map.of("legalApproval", "APPROVE",
        "legalOpinion", "事实清楚"));
    complete(Http.demo(port, "chenmin"), pi, "Task_SupervisorApproval", Map.of("supervisorApproval", "APPROVE"));
    drive(pi);

    JsonNode list = zhangjing.get("/api/cases/" + caseNo + "/documents").json();
    assertThat(kinds(list)).containsExactly("HEARING_NOTICE", "DECISION");
    JsonNode decision = list.get(1);
    int year = LocalDate.now(clock).getYear();
    assertThat(decision.get("kindName").asText()).isEqualTo("处理决定书");
    assertThat(decision.get("number").asText()).matches("淮医保协〔" + year + "〕\\d+号");
    assertThat(decision.get("sha256").asText()).hasSize(64);
    assertThat(decision.get("fileName").asText()).isEqualTo("处理决定书-" + caseNo + ".docx");
    assertThat(decision.get("servedAt").isNull()).isTrue();
    assertThat(runtimeService.getVariable(pi, "documentNumber")).isEqualTo(decision.get("number").asText());
    assertThat(list.get(0).get("number").asText()).as("告知书 and 处理决定书 share the region's sequence")
        .isNotEqualTo(decision.get("number").asText());

    long id = decision.get("id").asLong();
    HttpResponse<byte[]> file = download(id, "zhangjing");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
    assertThat(DocumentService.sha256(file.body())).isEqualTo(decision.get("sha256").asText());
    String text = DocumentRenderer.text(file.body());
    // R-PERS-12: the window of the region (working days) counted from today, the day the notice is served
    LocalDate deadline = calendar.addWorkingDays(LocalDate.now(clock),
        settings.value("huaibei", RegionSetting.OBJECTION_WINDOW)).deadline();
    assertThat(text).contains(caseNo, hospital.name(), decision.get("number").asText(), "淮北市医疗保障基金管理中心",
        "3,000.00元", ChineseDates.inWords(deadline) + "前", (String) runtimeService.getVariable(pi, "decision"))
        .doesNotContain("{{", "null");

    // another region's caseworker learns nothing
    assertThat(download(id, "liuyang").statusCode()).isEqualTo(404);
    assertThat(Http.demo(port, "liuyang").get("/api/cases/" + caseNo + "/documents").status()).isEqualTo(404);
    assertThat(Http.demo(port, "liuyang").post("/api/documents/" + id + "/service",
        "{\"servedOn\":\"" + LocalDate.now(clock) + "\",\"method\":\"DIRECT\"}").status()).isEqualTo(404);

    // served two days after the notice was generated: the caseworker records it in 送达处理决定书 (issue 17);
    // bad input leaves the task open with the Chinese message; the objection window counts from that day
    LocalDate servedOn = LocalDate.now(clock).plusDays(2);
    testClock.set(servedOn.atTime(10, 0).atZone(WorkingDayCalendar.ZONE).toInstant());
    try {
      serveInTask(zhangjing, pi, id, servedOn);
      recordService(zhangjing, id, pi, servedOn, decision.get("sha256").asText());
    } finally {
      testClock.reset();
    }
  }

  /** 送达处理决定书 in Tasklist: the form links the generated decision and offers the manners of service. */
  void serveInTask(Http zhangjing, String pi, long id, LocalDate servedOn) throws Exception {
    Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ServeNotice").singleResult();
    assertThat(task).as("送达处理决定书").isNotNull();
    JsonNode form = zhangjing.get("/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false").json();
    assertThat(form.get("documentLink").get("value").asText()).endsWith("(/api/documents/" + id + ")");
    assertThat(form.get("serviceMethodOptions").get("type").asText()).isEqualTo("Json");
    assertThat(form.get("serviceMethodOptions").get("value").asText()).contains("直接送达", "邮寄送达", "电子送达");
    Http.Response future = completeTask(zhangjing, task, Map.of("servedOn", servedOn.plusDays(1).toString(),
        "serviceMethod", "MAIL"));
    assertThat(future.status()).isNotEqualTo(204);
    assertThat(future.body()).contains("不能晚于今天", "servedOn");
    // before the day the notice was generated (two days before servedOn): the document service's own rule
    Http.Response early = completeTask(zhangjing, task, Map.of("servedOn", servedOn.minusDays(3).toString(),
        "serviceMethod", "MAIL"));
    assertThat(early.status()).isNotEqualTo(204);
    assertThat(early.body()).contains("送达日期须在文书生成之日至今天之间", "servedOn");
    Http.Response pigeon = completeTask(zhangjing, task, Map.of("servedOn", servedOn.toString(),
        "serviceMethod", "PIGEON"));
    // the form's own list refuses it first (FormSchemaCheck), naming the field in Chinese
    assertThat(pigeon.body()).contains("「送达方式」只能从列表中选择", "serviceMethod");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    // the date the window counts from cannot be sent with the form: only the form's fields are accepted
    Http.Response injected = completeTask(zhangjing, task, Map.of("servedOn", servedOn.toString(),
        "serviceMethod", "DIRECT", "noticeServedOn", "2020-01-01"));
    assertThat(injected.status()).isEqualTo(400);
    assertThat(injected.body()).contains("noticeServedOn");
    Http.Response ok = completeTask(zhangjing, task, Map.of("servedOn", servedOn.toString(), "serviceMethod", "DIRECT",
        "servedBy", "张静、李明"));
    assertThat(ok.status()).as(ok.body()).isIn(200, 204);
    drive(pi);
    assertThat(jdbc.queryForObject("SELECT notice_served_on FROM violation_case WHERE process_instance_id = ?",
        LocalDate.class, pi)).isEqualTo(servedOn);
  }

  Http.Response completeTask(Http user, Task task, Map<String, Object> variables) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach((k, v) -> vars.putObject(k).put("value", String.valueOf(v)).put("type", "String"));
    return user.post("/engine-rest/task/" + task.getId() + "/complete", body.toString());
  }

  /** The service recorded in the task, as the API sees it: once, 400 naming the field, 409 for another record. */
  void recordService(Http zhangjing, long id, String pi, LocalDate servedOn, String sha256) throws Exception {
    String today = servedOn.toString();
    Http.Response badMethod = zhangjing.post("/api/documents/" + id + "/service",
        "{\"servedOn\":\"" + today + "\",\"method\":\"PIGEON\"}");
    assertThat(badMethod.status()).isEqualTo(400);
    assertThat(badMethod.json().get("field").asText()).isEqualTo("method");
    Http.Response future = zhangjing.post("/api/documents/" + id + "/service",
        "{\"servedOn\":\"" + servedOn.plusDays(1) + "\",\"method\":\"MAIL\"}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("field").asText()).isEqualTo("servedOn");
    JsonNode served = zhangjing.get("/api/cases/" + runtimeService.getVariable(pi, "caseNo") + "/documents").json()
        .get(1);
    assertThat(served.get("id").asLong()).isEqualTo(id);
    assertThat(served.get("servedAt").asText()).isEqualTo(today);
    assertThat(served.get("serviceMethod").asText()).isEqualTo("DIRECT");
    assertThat(served.get("servedBy").asText()).isEqualTo("张静、李明");
    assertThat(zhangjing.post("/api/documents/" + id + "/service",
        "{\"servedOn\":\"" + today + "\",\"method\":\"DIRECT\"}").status()).isEqualTo(200);
    assertThat(zhangjing.post("/api/documents/" + id + "/service",
        "{\"servedOn\":\"" + today + "\",\"method\":\"MAIL\"}").status()).isEqualTo(409);
    // immutable: the stored file is the one served
    assertThat(DocumentService.sha256(download(id, "zhangjing").body())).isEqualTo(sha256);

    // R-PERS-12, R-TIME-1: the objection window counts from the recorded service, not from the decision
    ProcessInstance objection = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi)
        .processDefinitionKey("objection").singleResult();
    assertThat(jdbc.queryForObject("SELECT notice_served_on FROM objection WHERE process_instance_id = ?",
        LocalDate.class, objection.getId())).isEqualTo(servedOn);
    assertThat(runtimeService.getVariable(pi, "noticeServedOn")).isEqualTo(today);
    Job window = managementService.createJobQuery().processInstanceId(objection.getId()).timers().singleResult();
    LocalDate lastDay = calendar.addWorkingDays(servedOn, settings.value("huaibei", RegionSetting.OBJECTION_WINDOW))
        .deadline();
    assertThat(window.getDuedate().toInstant()).isEqualTo(WorkingDayCalendar.expiresAt(lastDay));
  }

  @Test
  void numbersAreGapFreeAndUniqueUnder20ConcurrentDocuments() throws Exception {
    String region = "docit" + System.nanoTime() % 1_000_000_000L;
    int threads = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Document>> work = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String caseNo = "VC-TEST-" + region + "-" + i;
        work.add(() -> documents.generate(new DocumentService.Request(region, caseNo, caseNo, DocumentKind.DECISION,
            "Task_ServeNotice#1", null, Map.of("institutionName", "并发测试机构"))));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<Document> f : pool.invokeAll(work)) {
        numbers.add(f.get().number());
      }
      int year = LocalDate.now(clock).getYear();
      List<String> expected = new ArrayList<>();
      for (int n = 1; n <= threads; n++) {
        expected.add(DocumentNumbers.DEFAULT_PREFIX + "〔" + year + "〕" + n + "号");
      }
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
    // a retried step gets its document back, with its number: nothing drawn twice
    Document again = documents.generate(new DocumentService.Request(region, "VC-TEST-" + region + "-0",
        null, DocumentKind.DECISION, "Task_ServeNotice#1", null, Map.of()));
    assertThat(jdbc.queryForObject("SELECT last_value FROM document_number_counter WHERE region = ?", Long.class,
        region)).isEqualTo(20L);
    assertThat(again.number()).endsWith("号");
  }

  @Test
  void anAdministratorUploadsARegionsTemplateAndItIsCheckedFirst() throws Exception {
    String kind = "RENEWAL_NOTICE";
    assertThat(putTemplate("jining", kind, "not a word file".getBytes(StandardCharsets.UTF_8), "demo").statusCode())
        .isEqualTo(400);
    HttpResponse<byte[]> noNumber = putTemplate("jining", kind, docx("{{institutionName}}：{{caseNo}} 续签"), "demo");
    assertThat(noNumber.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noNumber.body()).get("field").asText()).isEqualTo("template");
    assertThat(JSON.readTree(noNumber.body()).get("detailZh").asText()).contains("{{number}}");
    byte[] acceptance = TemplateGenerator.generate(DocumentKind.ACCEPTANCE);
    // a template the generator wrote for another kind still carries the required tags: accepted
    HttpResponse<byte[]> ok = putTemplate("jining", kind, acceptance, "demo");
    assertThat(ok.statusCode()).as(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(putTemplate("jining", kind, acceptance, "zhaolei").statusCode()).as("supervisor").isEqualTo(403);
    assertThat(putTemplate("jining", "NOPE", acceptance, "demo").statusCode()).isEqualTo(400);
    HttpResponse<byte[]> got = send(HttpRequest.newBuilder(uri("/api/regions/jining/document-templates/" + kind))
        .GET(), "zhaolei");
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(DocumentRenderer.text(got.body())).contains("予以受理");
    // huaibei still has the shipped default
    HttpResponse<byte[]> huaibei = send(HttpRequest.newBuilder(uri("/api/regions/huaibei/document-templates/" + kind))
        .GET(), "chenmin");
    assertThat(DocumentRenderer.text(huaibei.body())).contains("续签手续");
  }

  // ------------------------------------------------------------------ helpers

  static byte[] docx(String text) throws IOException {
    try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
      d.createParagraph().createRun().setText(text);
      d.write(out);
      return out.toByteArray();
    }
  }

  static List<String> kinds(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(d -> d.get("kind").asText()).toList();
  }

  HttpResponse<byte[]> download(long id, String user) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri("/api/documents/" + id)).GET(), user);
  }

  HttpResponse<byte[]> putTemplate(String region, String kind, byte[] docx, String user) throws Exception {
    return send(HttpRequest.newBuilder(uri("/api/regions/" + region + "/document-templates/" + kind))
        .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(docx)), user);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder b, String user) throws IOException, InterruptedException {
    String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(b.header("Authorization", "Basic " + token).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  Institution institution(String region) {
    String admin = region.equals("huaibei") ? "340600" : "370800";
    Institution i = institutions.register(new NewInstitution(region, RegistryFixtures.institutionCode("HOSPITAL"),
        "文书测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode(admin), "二级", List.of(), List.of(),
        "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
    return i;
  }

  static String intake(Institution i) {
    ObjectNode n = JSON.createObjectNode();
    n.put("source", "SMART_MONITORING");
    n.put("institutionCode", i.code());
    n.putArray("suspectedViolations").add("FRAUD_OTHER");
    n.put("suspectedAmount", 3000);
    n.put("summary", "智能监控预警：虚构诊疗项目");
    return n.toString();
  }

  void complete(Http user, String pi, String taskKey, Map<String, Object> variables) {
    drive(pi);
    Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach((k, v) -> vars.putObject(k).putPOJO("value", v)
        .put("type", v instanceof String ? "String" : v instanceof Integer ? "Integer" : "Object"));
    Http.Response r = user.post("/engine-rest/task/" + task.getId() + "/complete", body.toString());
    assertThat(r.status()).as(r.body()).isIn(200, 204);
  }

  void drive(String pi) {
    for (int round = 0; round < 20; round++) {
      ProcessInstance p = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult();
      List<String> ids = new ArrayList<>(List.of(pi));
      if (p != null) {
        runtimeService.createProcessInstanceQuery().rootProcessInstanceId(p.getRootProcessInstanceId()).list()
            .forEach(x -> ids.add(x.getId()));
      }
      if (ids.stream().allMatch(id -> managementService.createJobQuery().processInstanceId(id).executable()
          .count() == 0)) {
        return;
      }
      Jobs.executeDue(managementService, ids.toArray(String[]::new));
    }
  }
}
