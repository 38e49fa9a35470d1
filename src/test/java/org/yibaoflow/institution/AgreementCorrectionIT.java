package org.yibaoflow.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Only the process decides (issue 13): the direct operations on agreements are an administrator's data correction
 * and import of existing agreements (存量协议). A caseworker cannot terminate; the administrator's correction is
 * audited as CORRECTION and writes no ban (R-VIO-9) and no forced termination (R-VIO-5); an ACTIVE import is refused
 * while the institution's designation has an unverified complaint (R-DES-3).
 */
@IntegrationTest
class AgreementCorrectionIT {

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

  Institution freshInstitution(String region) {
    return institutions.register(new NewInstitution(region, RegistryFixtures.institutionCode(Institution.HOSPITAL),
        "更正测试医院" + System.nanoTime(), Institution.HOSPITAL,
        RegistryFixtures.creditCode(region.equals("huaibei") ? "340600" : "370800"), "二级", List.of(), List.of(),
        "集成测试", null));
  }

  Agreement freshAgreement(String region) {
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    return agreements.sign(freshInstitution(region).id(), start, start.plusYears(1).minusDays(1),
        AgreementState.ACTIVE, "集成测试", null);
  }

  static String terminate(String reason) {
    return "{\"to\":\"TERMINATED\",\"cause\":\"FRAUD\",\"ruleId\":\"R-VIO-3\""
        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
  }

  int bans(long agreementId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM institution_ban WHERE agreement_id = ?", Integer.class,
        agreementId);
  }

  int auditRows(long agreementId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ?",
        Integer.class, String.valueOf(agreementId));
  }

  @Test
  void aCaseworkerCannotTerminateAnAgreement() {
    Agreement a = freshAgreement("huaibei");
    int audit = auditRows(a.id());
    Http.Response r = Http.demo(port, "zhangjing").post("/api/agreements/" + a.id() + "/transitions",
        terminate("经查实骗保，直接解除"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.json().get("rule").asText()).isEqualTo("SECURITY");
    assertThat(agreements.find(a.id())).isEqualTo(a);
    assertThat(auditRows(a.id())).isEqualTo(audit);
    assertThat(bans(a.id())).isZero();
    // nor may the legal reviewer, the supervisor or the administrative department: the violation case decides
    for (String user : List.of("sunli", "chenmin", "zhoujie", "wuhao", "wangqiang")) {
      assertThat(Http.demo(port, user).post("/api/agreements/" + a.id() + "/transitions", terminate("越权"))
          .status()).as(user).isEqualTo(403);
    }
  }

  @Test
  void anAdministratorsTerminationIsACorrectionWithoutBan() {
    Agreement a = freshAgreement("huaibei");
    Institution institution = institutions.find(a.institutionId());
    Http admin = Http.demo(port, "demo");

    Http.Response noReason = admin.post("/api/agreements/" + a.id() + "/transitions", terminate(null));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asText()).isEqualTo("reason");

    Http.Response r = admin.post("/api/agreements/" + a.id() + "/transitions",
        terminate("补录：该协议已于原系统中依法解除"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("agreement").get("state").asText()).isEqualTo("TERMINATED");

    Map<String, Object> row = jdbc.queryForMap("SELECT action, from_state, to_state, rule_id, reason, actor, details"
        + " FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ? AND to_state = 'TERMINATED'",
        String.valueOf(a.id()));
    // column labels are upper case on H2, lower case on PostgreSQL: the row map is case-insensitive
    assertThat(row.get("action")).isEqualTo("CORRECTION");
    assertThat(row.get("from_state")).isEqualTo("ACTIVE");
    assertThat(row.get("rule_id")).isEqualTo("R-VIO-3");
    assertThat(row.get("actor")).isEqualTo("demo");
    assertThat(row.get("reason")).isEqualTo("补录：该协议已于原系统中依法解除");
    assertThat((String) row.get("details")).contains("data correction");
    // R-VIO-9: the ban is the termination decision's, written only by the processes
    assertThat(bans(a.id())).isZero();
    assertThat(institutions.eligibility(institution.creditCode(), LocalDate.now(clock)).bannedUntil()).isNull();
  }

  @Test
  void theProcessPathStillWritesTheBan() {
    Agreement a = freshAgreement("huaibei");
    agreements.transition(a.id(), new TransitionCommand(AgreementState.TERMINATED, "FRAUD", "R-VIO-3",
        "违约案件决定解除协议", "pi-process-ban"));
    assertThat(bans(a.id())).isEqualTo(1);
  }

  @Test
  void correctionsForceNoTerminationAtTheSuspensionThreshold() {
    // 济宁's threshold is 2 (demo settings, [003 §三(三)]); the processes would terminate at the second suspension
    Agreement a = freshAgreement("jining");
    Http admin = Http.demo(port, "demo");
    String path = "/api/agreements/" + a.id() + "/transitions";
    String suspend = "{\"to\":\"SUSPENDED\",\"cause\":\"VIOLATION\",\"ruleId\":\"R-VIO-2\",\"reason\":\"补录中止\"}";
    String lift = "{\"to\":\"ACTIVE\",\"cause\":\"RECTIFIED\",\"ruleId\":\"R-VIO-2\",\"reason\":\"补录恢复\"}";
    assertThat(admin.post(path, suspend).status()).isEqualTo(200);
    assertThat(admin.post(path, lift).status()).isEqualTo(200);
    Http.Response second = admin.post(path, suspend);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().get("applied")).hasSize(1);
    Agreement after = agreements.find(a.id());
    assertThat(after.state()).isEqualTo(AgreementState.SUSPENDED);
    assertThat(after.suspensionCount()).isEqualTo(2);
    assertThat(bans(a.id())).isZero();
  }

  @Test
  void anActiveImportIsRefusedWhileADesignationComplaintIsUnverified() {
    Institution institution = freshInstitution("huaibei");
    String applicationNo = "TEST-R-DES-3-" + System.nanoTime();
    jdbc.update("INSERT INTO designation_application (application_no, region, institution_name, institution_type,"
        + " credit_code, process_instance_id, status, created_at, updated_at) VALUES (?, 'huaibei', ?, 'HOSPITAL', ?,"
        + " ?, 'PUBLIC_NOTICE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", applicationNo, institution.name(),
        institution.creditCode(), "pi-" + applicationNo);
    jdbc.update("INSERT INTO public_notice_complaint (complaint_ref, application_no, region, content, status,"
        + " received_at, process_instance_id) VALUES (?, ?, 'huaibei', '公示期间收到投诉', 'OPEN', CURRENT_TIMESTAMP, ?)",
        "ref-" + applicationNo, applicationNo, "pi-" + applicationNo);
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    String body = "{\"periodStart\":\"" + start + "\",\"periodEnd\":\"" + start.plusYears(1).minusDays(1)
        + "\",\"reason\":\"存量协议导入\"}";
    Http admin = Http.demo(port, "demo");
    String path = "/api/institutions/" + institution.id() + "/agreements";

    Http.Response refused = admin.post(path, body);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("rule").asText()).isEqualTo("R-DES-3");
    assertThat(agreements.ofInstitutionUnchecked(institution.id())).isEmpty();
    assertThat(Http.demo(port, "zhangjing").post(path, body).status()).as("a caseworker imports nothing")
        .isEqualTo(403);

    jdbc.update("UPDATE public_notice_complaint SET status = 'UNFOUNDED' WHERE application_no = ?", applicationNo);
    Http.Response imported = admin.post(path, body);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT action FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ?",
        String.class, imported.json().get("id").asText())).isEqualTo("IMPORTED");
  }
}
