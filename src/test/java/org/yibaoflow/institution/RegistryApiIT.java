package org.yibaoflow.institution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;

/**
 * The institution API over HTTP: region isolation, 400 problems that change nothing, 409 for illegal and
 * concurrent transitions, the audit trail, the regional suspension threshold (R-VIO-5) with the ban
 * (R-VIO-9), region settings.
 */
@IntegrationTest
class RegistryApiIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;
  @Autowired
  InstitutionDemoSeeder demoSeeder;

  /** A fresh institution with an ACTIVE agreement for this year, created as the system. */
  Agreement freshAgreement(String region, String type) {
    String admin = region.equals("huaibei") ? "340600" : "370800";
    Institution i = institutions.register(new NewInstitution(region, RegistryFixtures.institutionCode(type),
        "测试机构" + System.nanoTime(), type, RegistryFixtures.creditCode(admin), "二级", List.of(), List.of(),
        "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    return agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
  }

  static String transition(String to, String cause, String ruleId, String reason, String pi) {
    return "{\"to\":\"" + to + "\",\"cause\":\"" + cause + "\",\"ruleId\":\"" + ruleId + "\",\"reason\":\"" + reason
        + "\"" + (pi == null ? "" : ",\"processInstanceId\":\"" + pi + "\"") + "}";
  }

  int auditRows(String entityType, long id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = ? AND entity_id = ?", Integer.class,
        entityType, String.valueOf(id));
  }

  /** Audit rows of the registry's entities (other features' background work does not count). */
  int totalAuditRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type IN ('INSTITUTION', 'AGREEMENT',"
        + " 'PERSON', 'PERSON_AGREEMENT', 'REGION_SETTING')", Integer.class);
  }

  @Test
  void demoDataIsIdempotentAndShowsBansAndPenalties() throws Exception {
    int institutionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM institution", Integer.class);
    int bansBefore = jdbc.queryForObject("SELECT COUNT(*) FROM institution_ban", Integer.class);
    demoSeeder.seed();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution", Integer.class)).isEqualTo(institutionsBefore);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution_ban", Integer.class)).isEqualTo(bansBefore);

    LocalDate today = LocalDate.now(clock);
    // 济宁: terminated (R-VIO-9 ban) and with a serious price penalty (R-DES-1)
    Institution yanzhou = institutions.findByCode("jining", "H37080000003");
    Eligibility e = institutions.eligibility(yanzhou.creditCode(), today);
    assertThat(e.eligible()).isFalse();
    assertThat(e.findings()).extracting(Eligibility.Finding::code).containsExactlyInAnyOrder("BANNED",
        "SERIOUS_PENALTY");
    // by institution code too; 淮北's terminated pharmacy is banned, its hospitals are eligible
    // the ban runs 3 years from the day the demo data terminated the agreement (R-VIO-9): that day, not today,
    // since the context may have been seeded before a midnight (Beijing) this test runs after
    LocalDate bannedFrom = jdbc.queryForObject("SELECT b.banned_from FROM institution_ban b JOIN institution i "
        + "ON i.id = b.institution_id WHERE i.code = 'P34060000002'", LocalDate.class);
    assertThat(bannedFrom).isBetween(today.minusDays(1), today);
    assertThat(institutions.eligibility("P34060000002", today).bannedUntil()).isEqualTo(bannedFrom.plusYears(3));
    assertThat(institutions.eligibility("H34060000001", today).eligible()).isTrue();
    // a past penalty that is not serious does not refuse
    assertThat(institutions.eligibility("H34060000002", today).eligible()).isTrue();
  }

  @Test
  void aCaseworkerSeesOnlyTheInstitutionsOfTheirRegion() {
    Http zhangjing = Http.demo(port, "zhangjing");
    JsonNode page = zhangjing.get("/api/institutions?size=100").json();
    assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(4);
    List<String> names = new ArrayList<>();
    page.get("items").forEach(i -> {
      assertThat(i.get("region").asText()).isEqualTo("huaibei");
      names.add(i.get("name").asText());
    });
    assertThat(names).contains("淮北市人民医院", "淮北矿工总医院").doesNotContain("济宁市第一人民医院");
    assertThat(zhangjing.get("/api/institutions?region=jining").json().get("total").asInt()).isZero();

    Institution jining = institutions.findByCode("jining", "H37080000001");
    long jiningAgreement = agreements.ofInstitutionUnchecked(jining.id()).get(0).id();
    for (String path : List.of("/api/institutions/" + jining.id(), "/api/institutions/" + jining.id() + "/agreements",
        "/api/institutions/" + jining.id() + "/history", "/api/agreements/" + jiningAgreement,
        "/api/regions/jining/settings")) {
      Http.Response r = zhangjing.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.contentType()).contains("application/problem+json");
    }
    int before = totalAuditRows();
    assertThat(zhangjing.post("/api/agreements/" + jiningAgreement + "/transitions",
        transition("SUSPENDED", "VIOLATION", "R-VIO-2", "越权", null)).status()).as("a caseworker may not move an agreement: the process does").isEqualTo(403);
    assertThat(agreements.find(jiningAgreement).state()).isEqualTo(AgreementState.ACTIVE);
    assertThat(totalAuditRows()).isEqualTo(before);

    // the caseworker of 济宁 sees it, and the filters work
    Http liuyang = Http.demo(port, "liuyang");
    assertThat(liuyang.get("/api/institutions/" + jining.id()).json().get("institution").get("name").asText())
        .isEqualTo("济宁市第一人民医院");
    JsonNode pharmacies = liuyang.get("/api/institutions?type=PHARMACY&name=" + encode("仁和")).json();
    assertThat(pharmacies.get("total").asInt()).isEqualTo(1);
    assertThat(pharmacies.get("items").get(0).get("agreementState").asText()).isEqualTo("ACTIVE");
    JsonNode terminated = liuyang.get("/api/institutions?state=TERMINATED").json();
    assertThat(terminated.get("items").findValuesAsText("code")).contains("H37080000003");
  }

  @Test
  void badInputIsAProblemNamingFieldAndRuleAndWritesNothing() {
    Http zhangjing = Http.demo(port, "zhangjing");
    int institutionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM institution", Integer.class);
    int auditBefore = totalAuditRows();
    String code = RegistryFixtures.institutionCode("HOSPITAL");
    String body = "{\"region\":\"huaibei\",\"code\":\"" + code + "\",\"name\":\"校验失败医院\",\"type\":\"HOSPITAL\","
        + "\"creditCode\":\"91350100M000100Y44\",\"reason\":\"登记\","
        + "\"licences\":[{\"kind\":\"PRACTICE\",\"number\":\"X1\",\"validFrom\":\"2024-01-01\"}]}";
    Http.Response r = zhangjing.post("/api/institutions", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.json().get("field").asText()).isEqualTo("creditCode");
    assertThat(r.json().get("rule").asText()).isEqualTo("GB 32100");
    assertThat(r.json().get("detailZh").asText()).contains("统一社会信用代码");

    // bean validation: reason missing
    Http.Response noReason = zhangjing.post("/api/institutions", body.replace(",\"reason\":\"登记\"", ""));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
    assertThat(noReason.json().get("rule").asText()).isEqualTo("INPUT");

    // a licence ending before it starts
    Http.Response licence = zhangjing.post("/api/institutions", body.replace("91350100M000100Y44",
        RegistryFixtures.creditCode("340600")).replace("\"validFrom\":\"2024-01-01\"",
        "\"validFrom\":\"2024-01-01\",\"validUntil\":\"2023-01-01\""));
    assertThat(licence.status()).isEqualTo(400);
    assertThat(licence.json().get("field").asText()).isEqualTo("licences[0].validUntil");
    assertThat(licence.json().get("rule").asText()).isEqualTo("R-DES-1");

    assertThat(zhangjing.get("/api/institutions?size=101").json().get("field").asText()).isEqualTo("size");
    assertThat(zhangjing.get("/api/institutions?state=CLOSED").status()).isEqualTo(400);

    Agreement a = freshAgreement("huaibei", "HOSPITAL");
    int auditAfterSetup = totalAuditRows();
    Http.Response badCause = admin().post("/api/agreements/" + a.id() + "/transitions",
        transition("SUSPENDED", "NOT_RECTIFIED", "R-VIO-3", "错误原因", null));
    assertThat(badCause.status()).isEqualTo(400);
    assertThat(badCause.json().get("field").asText()).isEqualTo("cause");
    assertThat(badCause.json().get("rule").asText()).isEqualTo("R-VIO-3");
    Http.Response blankReason = admin().post("/api/agreements/" + a.id() + "/transitions",
        transition("SUSPENDED", "VIOLATION", "R-VIO-2", " ", null));
    assertThat(blankReason.status()).isEqualTo(400);
    assertThat(blankReason.json().get("field").asText()).isEqualTo("reason");
    Http.Response unknownState = admin().post("/api/agreements/" + a.id() + "/transitions",
        transition("CLOSED", "VIOLATION", "R-VIO-2", "未知状态", null));
    assertThat(unknownState.status()).isEqualTo(400);
    assertThat(unknownState.json().get("field").asText()).isEqualTo("to");

    assertThat(agreements.find(a.id())).isEqualTo(a);
    assertThat(totalAuditRows()).isEqualTo(auditAfterSetup);
    assertThat(auditAfterSetup - auditBefore).as("only the fixture's own rows").isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution", Integer.class)).isEqualTo(institutionsBefore + 1);
  }

  @Test
  void anIllegalTransitionIsAConflictNamingTheRule() {
    Http zhangjing = Http.demo(port, "zhangjing");
    Agreement a = freshAgreement("huaibei", "HOSPITAL");
    // terminated by its process (the violation case's delegate), which writes the ban
    TransitionResult terminate = agreements.transition(a.id(), new TransitionCommand(AgreementState.TERMINATED,
        "FRAUD", "R-VIO-3", "经查实虚构住院骗取基金", "pi-terminate-1"));
    assertThat(terminate.agreement().state()).isEqualTo(AgreementState.TERMINATED);
    int audit = auditRows(AgreementService.ENTITY, a.id());

    Http.Response back = admin().post("/api/agreements/" + a.id() + "/transitions",
        transition("ACTIVE", "RECTIFIED", "R-VIO-2", "想恢复", null));
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.json().get("field").asText()).isEqualTo("to");
    assertThat(back.json().get("rule").asText()).isEqualTo("R-VIO-2");
    assertThat(back.json().get("detailZh").asText()).contains("解除", "履行中");
    assertThat(auditRows(AgreementService.ENTITY, a.id())).isEqualTo(audit);

    // R-VIO-9: the ban is on the institution, for 3 years, and eligibility sees it by credit code
    LocalDate today = LocalDate.now(clock);
    JsonNode detail = zhangjing.get("/api/institutions/" + a.institutionId()).json();
    assertThat(detail.get("bans").get(0).get("bannedUntil").asText()).isEqualTo(today.plusYears(3).toString());
    String creditCode = detail.get("institution").get("creditCode").asText();
    Eligibility e = institutions.eligibility(creditCode, today.plusYears(2));
    assertThat(e.eligible()).isFalse();
    assertThat(e.bannedUntil()).isEqualTo(today.plusYears(3));
    assertThat(e.findings()).extracting(Eligibility.Finding::ruleId).contains("R-VIO-9");
    assertThat(institutions.eligibility(creditCode, today.plusYears(3)).eligible()).isTrue();
    // and no new agreement may be signed meanwhile
    Http.Response sign = admin().post("/api/institutions/" + a.institutionId() + "/agreements",
        "{\"periodStart\":\"" + today.plusYears(1).withDayOfYear(1) + "\",\"periodEnd\":\""
            + today.plusYears(2).withDayOfYear(1) + "\",\"reason\":\"续签\"}");
    assertThat(sign.status()).isEqualTo(409);
    assertThat(sign.json().get("rule").asText()).isEqualTo("R-VIO-9");
  }

  @Test
  void twoConcurrentTransitionsGiveOneSuccessAndOneConflict() throws Exception {
    Agreement a = freshAgreement("huaibei", "PHARMACY");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Http.Response>> results = new ArrayList<>();
      for (String user : List.of("zhangjing", "chenmin")) {
        results.add(pool.submit(() -> {
          start.await();
          return admin().post("/api/agreements/" + a.id() + "/transitions",
              transition("SUSPENDED", "VIOLATION", "R-VIO-2", "并发中止 " + user, null));
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Http.Response> f : results) {
        statuses.add(f.get().status());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    Agreement after = agreements.find(a.id());
    assertThat(after.state()).isEqualTo(AgreementState.SUSPENDED);
    assertThat(after.suspensionCount()).isEqualTo(1);
    assertThat(after.version()).isEqualTo(1L);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ?"
        + " AND action = 'CORRECTION'", Integer.class, String.valueOf(a.id()))).isEqualTo(1);
  }

  /** The administrator's correction is audited as such: actor, reason, the deciding case named in the details. */
  @Test
  void everyCorrectionIsAuditedWithActorReasonAndCase() {
    Http chenmin = Http.demo(port, "chenmin");
    Agreement a = freshAgreement("huaibei", "HOSPITAL");
    Http.Response r = admin().post("/api/agreements/" + a.id() + "/transitions",
        transition("SETTLEMENT_SUSPENDED", "RECORDS_NOT_PROVIDED", "R-VIO-7", "未按要求提供病历资料", "pi-audit-42"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode history = chenmin.get("/api/institutions/" + a.institutionId() + "/history").json();
    JsonNode last = history.get(history.size() - 1);
    assertThat(last.get("entityType").asText()).isEqualTo("AGREEMENT");
    assertThat(last.get("action").asText()).isEqualTo("CORRECTION");
    assertThat(last.get("fromState").asText()).isEqualTo("ACTIVE");
    assertThat(last.get("toState").asText()).isEqualTo("SETTLEMENT_SUSPENDED");
    assertThat(last.get("ruleId").asText()).isEqualTo("R-VIO-7");
    assertThat(last.get("reason").asText()).isEqualTo("未按要求提供病历资料");
    assertThat(last.get("actor").asText()).isEqualTo("demo");
    assertThat(last.get("processInstanceId")).as("a correction is not a process's act").isNull();
    assertThat(last.get("details").asText()).contains("decidedIn=pi-audit-42");
    assertThat(last.get("occurredAt").asText()).isNotBlank();
    // registration and signing are in the history too
    assertThat(history.findValuesAsText("action")).contains("REGISTERED", "SIGNED", "CORRECTION");
  }

  @Test
  void theSuspensionThresholdIsRegional() {
    // 济宁 runs with 2 [003 §三(三)], 淮北 with 3 [000 §一] (demo settings)
    Http liuyang = Http.demo(port, "liuyang");
    Agreement jn = freshAgreement("jining", "HOSPITAL");
    assertThat(step(liuyang, jn, "SUSPENDED", "VIOLATION", "R-VIO-2").get("applied")).hasSize(1);
    step(liuyang, jn, "ACTIVE", "RECTIFIED", "R-VIO-2");
    JsonNode second = step(liuyang, jn, "SUSPENDED", "VIOLATION", "R-VIO-2");
    assertThat(second.get("applied")).hasSize(2);
    assertThat(second.get("applied").get(1).get("ruleId").asText()).isEqualTo("R-VIO-5");
    assertThat(second.get("agreement").get("state").asText()).isEqualTo("TERMINATED");
    assertThat(second.get("agreement").get("suspensionCount").asInt()).isEqualTo(2);

    Http zhangjing = Http.demo(port, "zhangjing");
    Agreement hb = freshAgreement("huaibei", "HOSPITAL");
    step(zhangjing, hb, "SUSPENDED", "VIOLATION", "R-VIO-2");
    step(zhangjing, hb, "ACTIVE", "RECTIFIED", "R-VIO-2");
    assertThat(step(zhangjing, hb, "SUSPENDED", "VIOLATION", "R-VIO-2").get("agreement").get("state").asText())
        .isEqualTo("SUSPENDED");
    step(zhangjing, hb, "ACTIVE", "RECTIFIED", "R-VIO-2");
    assertThat(step(zhangjing, hb, "SUSPENDED", "VIOLATION", "R-VIO-2").get("agreement").get("state").asText())
        .isEqualTo("TERMINATED");
  }

  /** A transition as the processes make it (violation case, rectification); the threshold applies there. */
  private JsonNode step(Http user, Agreement a, String to, String cause, String rule) {
    TransitionResult r = agreements.transition(a.id(), new TransitionCommand(AgreementState.valueOf(to), cause, rule,
        "集成测试 " + to, null));
    return JSON.valueToTree(r);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();

  @Test
  void regionSettingsAreReadByTheRegionAndChangedByAdministrators() {
    Http zhangjing = Http.demo(port, "zhangjing");
    JsonNode settings = zhangjing.get("/api/regions/huaibei/settings").json();
    assertThat(settings).hasSize(RegionSetting.values().length);
    JsonNode threshold = find(settings, "suspension-termination-threshold");
    assertThat(threshold.get("value").asInt()).isEqualTo(3);
    assertThat(threshold.get("ruleId").asText()).isEqualTo("R-VIO-5");
    assertThat(threshold.get("source").asText()).isEqualTo("REGION");
    JsonNode deadline = find(settings, "document-deadline");
    assertThat(deadline.get("value").asInt()).isEqualTo(7);
    assertThat(deadline.get("unit").asText()).isEqualTo("DAYS");
    assertThat(deadline.get("ruleId").asText()).isEqualTo("R-VIO-7");
    assertThat(deadline.get("source").asText()).isEqualTo("DEFAULT");
    assertThat(find(settings, "objection-window").get("unit").asText()).isEqualTo("WORKING_DAYS");

    int auditBefore = totalAuditRows();
    String path = "/api/regions/huaibei/settings/suspension-termination-threshold";
    assertThat(zhangjing.put(path, "{\"value\":2,\"reason\":\"试图修改\"}").status()).isEqualTo(403);
    Http admin = Http.demo(port, "demo");
    Http.Response zero = admin.put(path, "{\"value\":0,\"reason\":\"非法值\"}");
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().get("field").asText()).isEqualTo("value");
    assertThat(zero.json().get("rule").asText()).isEqualTo("R-VIO-5");
    assertThat(admin.put(path, "{\"value\":11,\"reason\":\"非法值\"}").status()).isEqualTo(400);
    assertThat(admin.put(path, "{\"value\":2}").json().get("field").asText()).isEqualTo("reason");
    assertThat(admin.put("/api/regions/huaibei/settings/no-such-key", "{\"value\":2,\"reason\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(totalAuditRows()).isEqualTo(auditBefore);
    assertThat(find(zhangjing.get("/api/regions/huaibei/settings").json(), "suspension-termination-threshold")
        .get("value").asInt()).isEqualTo(3);

    String reminder = "/api/regions/huaibei/settings/referral-reminder-interval";
    Http.Response changed = admin.put(reminder, "{\"value\":45,\"reason\":\"移送反馈催办间隔调整为45天\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("value").asInt()).isEqualTo(45);
    assertThat(changed.json().get("source").asText()).isEqualTo("REGION");
    assertThat(jdbc.queryForObject("SELECT reason FROM audit_log WHERE entity_type = 'REGION_SETTING' AND entity_id ="
        + " 'huaibei:referral-reminder-interval' AND to_state = '45' AND actor = 'demo'", String.class))
        .isEqualTo("移送反馈催办间隔调整为45天");
    // back to the shipped value so other tests see the defaults
    assertThat(admin.put(reminder, "{\"value\":30,\"reason\":\"恢复默认\"}").status()).isEqualTo(200);
  }

  private static JsonNode find(JsonNode settings, String key) {
    for (JsonNode s : settings) {
      if (s.get("key").asText().equals(key)) {
        return s;
      }
    }
    throw new AssertionError("no setting " + key);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Direct transitions and signing are an administrator's data correction (issue 13); processes do the rest. */
  private Http admin() {
    return Http.demo(port, "demo");
  }
}
