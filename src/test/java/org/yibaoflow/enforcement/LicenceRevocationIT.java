package org.yibaoflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;

/**
 * R-VIO-3/4: recording a revoked licence opens a violation case toward termination (the finding LICENCE_REVOKED is
 * a mandatory termination), once, instead of leaving the agreement ACTIVE with nothing to follow.
 */
@IntegrationTest
class LicenceRevocationIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  ViolationFindingsService findings;
  @Autowired
  ViolationDecisionService decisions;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;

  @Test
  void aRevokedLicenceOpensACaseWhoseDecisionIsTermination() {
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    Institution pharmacy = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode(
        "PHARMACY"), "吊销测试药店" + System.nanoTime(), "PHARMACY", RegistryFixtures.creditCode("340600"), null,
        List.of(new NewInstitution.NewLicence("DRUG_TRADING", "皖AA" + System.nanoTime(), today.minusYears(2),
            today.plusYears(3), false)), List.of(), "集成测试", null));
    agreements.sign(pharmacy.id(), today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1),
        AgreementState.ACTIVE, "集成测试", null);
    long licenceId = jdbc.queryForObject("SELECT id FROM institution_licence WHERE institution_id = ?", Long.class,
        pharmacy.id());
    Http zhangjing = Http.demo(port, "zhangjing");
    String path = "/api/institutions/" + pharmacy.id() + "/licences/" + licenceId + "/revocation";
    String body = "{\"revokedOn\":\"" + today + "\",\"reason\":\"市场监管部门吊销药品经营许可证\"}";

    Http.Response r = zhangjing.post(path, body);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String caseNo = r.json().get("caseNo").asText();
    assertThat(jdbc.queryForObject("SELECT revoked FROM institution_licence WHERE id = ?", Boolean.class, licenceId))
        .isTrue();
    JsonNode view = zhangjing.get("/api/violation-cases/" + caseNo).json();
    assertThat(view.toString()).contains("REGULATOR_NOTICE", "LICENCE_REVOKED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'INSTITUTION' AND entity_id = ?"
        + " AND action = 'LICENCE_REVOKED' AND rule_id = 'R-VIO-4'", Integer.class, pharmacy.id().toString()))
        .isEqualTo(1);
    // the investigation confirms it: the decision is the mandatory termination of a pharmacy
    findings.recordFindings(caseNo, FindingsReport.of("LICENCE_REVOKED"), null);
    var decision = decisions.determineMeasures(caseNo, null);
    assertThat(decision.measureClass()).isEqualTo("TERMINATION");
    assertThat(decision.ruleId()).isEqualTo("R-VIO-4");

    // recorded again: the same case, nothing new
    Http.Response again = zhangjing.post(path, body);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("caseNo").asText()).isEqualTo(caseNo);
    // other regions see nothing; a date in the future is a 400 naming the field
    assertThat(Http.demo(port, "liuyang").post(path, body).status()).isEqualTo(404);
    Http.Response future = zhangjing.post(path, "{\"revokedOn\":\"" + today.plusDays(3) + "\",\"reason\":\"x\"}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("field").asText()).isEqualTo("revokedOn");
  }
}
