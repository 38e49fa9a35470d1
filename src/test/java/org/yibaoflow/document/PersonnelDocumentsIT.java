package org.yibaoflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.personnel.NewPerson;
import org.yibaoflow.personnel.PersonnelService;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Issue 17 in personnel-scoring (004 §六(一), R-PERS-12): reaching 5 points (R-PERS-6) generates the 人员记分告知书 at
 * 记录约谈情况, reaching 6 the 人员处理决定书 at 书面通知执业机构; each states the person, the deductions and the
 * year's points, the rule, the institution it is addressed to, and how to object and by when (the region's window
 * of working days, R-TIME-1).
 */
@IntegrationTest
class PersonnelDocumentsIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  PersonnelService personnel;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  WorkingDayCalendar calendar;
  @Autowired
  RegionSettingsService settings;
  @Autowired
  java.time.Clock clock;

  @Test
  void fivePointsServeTheScoringNoticeAndSixTheDecisionWithPointsRuleAndObjectionDeadline() throws Exception {
    Institution site = site();
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    String deadline = ChineseDates.inWords(calendar.addWorkingDays(today,
        settings.value("jining", RegionSetting.OBJECTION_WINDOW)).deadline());

    // 3 + 1 + 1 = 5 points (R-PERS-4, R-PERS-5): the interview, with the scoring notice
    String interviewed = person(site);
    JsonNode five = deduct(interviewed, "JC-DOC1-" + interviewed, "P3-1", "P1-1", "P1-2");
    assertThat(five.get("measure").asText()).isEqualTo("INTERVIEW");
    String text = document(five.get("caseNo").asText(), "PERSONNEL_SCORING_NOTICE");
    assertThat(text).contains("人员记分告知书", "文书测试医师", "分解住院", "（3分）", "（1分）", "累计记5分",
        "R-PERS-6", site.name(), deadline, "约谈").doesNotContain("{{", "null");

    // 6 points: suspension, after the written decision and its objection window
    String suspended = person(site);
    JsonNode six = deduct(suspended, "JC-DOC2-" + suspended, "P6-1");
    assertThat(six.get("measure").asText()).isEqualTo("SUSPEND_3_MONTHS");
    String decision = document(six.get("caseNo").asText(), "PERSONNEL_DECISION");
    assertThat(decision).contains("人员处理决定书", "累计记6分", "（6分）", "R-PERS-6", site.name(), deadline,
        "中止").doesNotContain("{{", "null");
    // another region's caseworker sees none of it
    assertThat(Http.demo(port, "zhangjing").get("/api/cases/" + six.get("caseNo").asText() + "/documents").status())
        .isEqualTo(404);
  }

  /** The text of the case's document of a kind, downloaded by the region's caseworker. */
  String document(String caseNo, String kind) throws Exception {
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("personnel-scoring").singleResult();
    for (int round = 0; round < 10; round++) {
      Jobs.executeDue(managementService, pi.getId());
    }
    JsonNode list = Http.demo(port, "liuyang").get("/api/cases/" + caseNo + "/documents").json();
    JsonNode doc = null;
    for (JsonNode d : list) {
      if (d.get("kind").asText().equals(kind)) {
        doc = d;
      }
    }
    assertThat(doc).as(kind + " of " + caseNo + " in " + list).isNotNull();
    assertThat(doc.get("number").asText()).startsWith("济医保协〔");
    var file = DocumentIT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
        + "/api/documents/" + doc.get("id").asLong())).GET(), "liuyang");
    assertThat(file.statusCode()).isEqualTo(200);
    return DocumentRenderer.text(file.body());
  }

  Institution site() {
    Institution i = institutions.register(new NewInstitution("jining", RegistryFixtures.institutionCode("HOSPITAL"),
        "济宁文书测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("370800"), "二级", List.of(),
        List.of(), "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    agreements.sign(i.id(), start, start.plusYears(2).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
    return i;
  }

  String person(Institution site) {
    return personnel.register(new NewPerson("jining", RegistryFixtures.nationalCode("D"),
        RegistryFixtures.idNumber("370811"), "文书测试医师", "PHYSICIAN", null, List.of(site.id()),
        LocalDate.now(clock).minusMonths(1), "集成测试登记", null)).person().nationalCode();
  }

  JsonNode deduct(String code, String ref, String... codes) {
    StringBuilder findings = new StringBuilder();
    for (String c : codes) {
      findings.append(findings.length() == 0 ? "" : ",").append("{\"codes\":[\"").append(c)
          .append("\"],\"description\":\"").append(c.equals("P1-1") ? "分解住院" : "检查发现的违规行为").append("\"}");
    }
    Http.Response r = Http.demo(port, "liuyang").post("/api/personnel/" + code + "/deductions",
        "{\"inspectionRef\":\"" + ref + "\",\"inspectedOn\":\"" + LocalDate.now(clock) + "\",\"findings\":["
            + findings + "]}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }
}
