package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;

/**
 * R-VIO-12 over HTTP: a caseworker proposes stopping a physician's settlement qualification from a fraud case of the
 * region (one per case and person; years within the region's range; a case without fraud or of another region is
 * 400; another region's caseworker 404; other roles 403); the process starts as the engine's, not the user's; once
 * the stop is in effect {@code payable} answers false for its period and true after it.
 */
@IntegrationTest
class QualificationStopIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  PersonnelService personnel;
  @Autowired
  QualificationStopService stops;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;

  @Test
  void aStopProposedFromAFraudCaseStopsPaymentForItsYears() {
    Institution site = site();
    PersonDetail doctor = personnel.register(new NewPerson("huaibei", RegistryFixtures.nationalCode("D"),
        RegistryFixtures.idNumber("340603"), "停止资格测试", "PHYSICIAN", null, List.of(site.id()),
        LocalDate.now(clock).minusMonths(1), "集成测试登记", null));
    String code = doctor.person().nationalCode();
    String fraud = violationCase("huaibei", site, "FRAUD_FORGED_RECORDS");
    String minor = violationCase("huaibei", site, "MGMT_NO_SYSTEM");
    String path = "/api/personnel/" + code + "/qualification-stops";
    Http zhangjing = Http.demo(port, "zhangjing");

    assertThat(zhangjing.post(path, body(fraud, 6)).status()).as("years beyond the seed's 5").isEqualTo(400);
    Http.Response zero = zhangjing.post(path, body(fraud, 0));
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.body()).contains("years");
    Http.Response noFraud = zhangjing.post(path, body(minor, 2));
    assertThat(noFraud.status()).isEqualTo(400);
    assertThat(noFraud.json().get("field").asText()).isEqualTo("caseNo");
    assertThat(Http.demo(port, "liuyang").post(path, body(fraud, 2)).status()).as("another region").isEqualTo(404);
    assertThat(Http.demo(port, "zhoujie").post(path, body(fraud, 2)).status()).as("not the department's").isEqualTo(403);

    Http.Response created = zhangjing.post(path, body(fraud, 2));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String stopNo = created.json().get("stopNo").asText();
    assertThat(zhangjing.post(path, body(fraud, 2)).status()).as("one per case and person").isEqualTo(200);
    var pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(stopNo).singleResult();
    assertThat(pi.getProcessDefinitionKey()).isEqualTo("qualification-stop");
    assertThat(pi.getTenantId()).isEqualTo("huaibei");

    // in effect (as the process's steps record it): 2 years from today, payable false inside, true after
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    stops.serveNotice(stopNo, pi.getId());
    QualificationStop s = stops.takeEffect(stopNo, "NO_OBJECTION", null, "YY-IT", pi.getId());
    assertThat(s.stoppedUntil()).isEqualTo(today.plusYears(2).minusDays(1));
    JsonNode during = zhangjing.get("/api/personnel/" + code + "/payable?date=" + today.plusYears(1)).json();
    assertThat(during.get("payable").asBoolean()).isFalse();
    assertThat(during.get("rule").asText()).isEqualTo("R-VIO-12");
    assertThat(zhangjing.get("/api/personnel/" + code + "/payable?date=" + today.plusYears(2)).json()
        .get("payable").asBoolean()).isTrue();
    assertThat(zhangjing.get(path).body()).contains(stopNo, "STOPPED");
  }

  private static String body(String caseNo, int years) {
    return "{\"caseNo\":\"" + caseNo + "\",\"years\":" + years + ",\"reasons\":\"伪造住院病历，参与骗取医保基金\"}";
  }

  private Institution site() {
    Institution i = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode("HOSPITAL"),
        "停止资格测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级", List.of(),
        List.of(), "集成测试", null));
    LocalDate start = LocalDate.of(2024, 1, 1);
    Agreement a = agreements.sign(i.id(), start, LocalDate.of(2030, 12, 31), AgreementState.ACTIVE, "集成测试", null);
    assertThat(a.state()).isEqualTo(AgreementState.ACTIVE);
    return i;
  }

  private String violationCase(String region, Institution i, String code) {
    String caseNo = "WY-IT-" + System.nanoTime();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.update("INSERT INTO violation_case (case_no, region, source, institution_id, institution_type, agreement_id, "
        + "suspected_violations, suspected_amount, status, process_instance_id, created_by, created_at, updated_at) "
        + "VALUES (?, ?, 'SMART_MONITORING', ?, 'HOSPITAL', 0, ?, ?, 'DECIDING', ?, 'zhangjing', ?, ?)", caseNo, region,
        i.id(), code, new BigDecimal("1000"), "pi-" + caseNo, now, now);
    jdbc.update("INSERT INTO violation_finding (case_no, code, severity, clause) VALUES (?, ?, 4, '001 §三(四)')",
        caseNo, code);
    return caseNo;
  }
}
