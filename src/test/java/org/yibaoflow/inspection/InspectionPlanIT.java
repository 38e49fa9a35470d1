package org.yibaoflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.personnel.NewPerson;
import org.yibaoflow.personnel.PersonDetail;
import org.yibaoflow.personnel.PersonnelService;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;

/**
 * The yearly inspection plan over HTTP (R-VIO-14): the supervisor of the region opens it once (a second request
 * answers the same plan), others are refused (403 role, 403 another region, 404 another region's progress, 400 a
 * year that is not this or next); the flying draw takes at least 10 % of the region's hospitals including the top 5
 * by last year's fund payments, with inspectors from the region's caseworkers, and is repeated exactly from the
 * recorded seed; the progress names the special actions' shortfall by rule ID; the findings of a flying inspection
 * open one violation case (source FLYING_INSPECTION) and one personnel deduction, once.
 */
@IntegrationTest
class InspectionPlanIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  PersonnelService personnel;
  @Autowired
  ViolationCatalogue catalogue;
  @Autowired
  InspectionMapper mapper;
  @Autowired
  InspectionPlanService plans;
  @Autowired
  InspectionWork work;
  @Autowired
  YearEndScreening screening;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;

  @Test
  void theSupervisorOpensThePlanOnceTheDrawIsReproducibleAndFindingsOpenACaseAndADeductionOnce() {
    int year = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
    // six hospitals paid more last year than any other of the region: the five largest must be drawn
    List<Institution> payers = new java.util.ArrayList<>();
    for (int k = 0; k < 6; k++) {
      Institution h = hospital();
      jdbc.update("INSERT INTO evaluation_settlement_volume (institution_id, settle_year, amount) VALUES (?, ?, ?)",
          h.id(), year - 1, new BigDecimal("900000000000").subtract(BigDecimal.valueOf(k)));
      payers.add(h);
    }
    Http chenmin = Http.demo(port, "chenmin");
    String body = "{\"region\":\"huaibei\",\"year\":" + year + "}";

    // refused: a caseworker (role), another region's supervisor, a year that is neither this nor next
    assertThat(Http.demo(port, "zhangjing").post("/api/inspection-plans", body).status()).isEqualTo(403);
    assertThat(Http.demo(port, "zhaolei").post("/api/inspection-plans", body).status()).isEqualTo(403);
    Http.Response old = chenmin.post("/api/inspection-plans", "{\"region\":\"huaibei\",\"year\":" + (year - 1) + "}");
    assertThat(old.status()).isEqualTo(400);
    assertThat(old.json().get("field").asText()).isEqualTo("year");
    assertThat(old.json().get("rule").asText()).isEqualTo("R-VIO-14");
    Http.Response noRegion = chenmin.post("/api/inspection-plans", "{\"year\":" + year + "}");
    assertThat(noRegion.status()).isEqualTo(400);
    assertThat(noRegion.json().get("field").asText()).isEqualTo("region");

    Http.Response opened = chenmin.post("/api/inspection-plans", body);
    assertThat(opened.status()).as(opened.body()).isIn(201, 200);
    String planNo = opened.json().get("planNo").asText();
    assertThat(planNo).isEqualTo("IP-" + year + "-huaibei");
    Http.Response again = chenmin.post("/api/inspection-plans", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("planNo").asText()).isEqualTo(planNo);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_plan WHERE region = 'huaibei' AND plan_year = ?",
        Integer.class, year)).isEqualTo(1);
    InspectionPlan plan = mapper.findPlanByNo(planNo);
    String pi = plan.processInstanceId();
    run(pi, "Task_OpenPlan");
    run(pi, "Task_DrawFlying");

    // the draw: seed recorded and audited; at least 10 % of the hospitals, the five largest payers among them
    plan = mapper.findPlanByNo(planNo);
    assertThat(plan.seed()).isNotNull();
    List<FlyingSample.Hospital> hospitals = mapper.hospitals("huaibei", plan.maxInstitutionId(), year - 1);
    List<Map<String, Object>> flying = jdbc.queryForList("SELECT institution_id, inspectors, draw_reason FROM "
        + "inspection WHERE plan_id = ? AND kind = 'FLYING' ORDER BY institution_id", plan.id());
    Set<Long> drawn = new HashSet<>();
    flying.forEach(r -> drawn.add(((Number) r.get("institution_id")).longValue()));
    int tenPercent = new BigDecimal(hospitals.size()).multiply(new BigDecimal("0.10"))
        .setScale(0, RoundingMode.CEILING).intValue();
    assertThat(drawn.size()).isGreaterThanOrEqualTo(Math.max(tenPercent, 5));
    assertThat(drawn).containsAll(payers.subList(0, 5).stream().map(Institution::id).toList());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action = 'FLYING_DRAWN' "
        + "AND details LIKE ?", Integer.class, planNo, "seed=" + plan.seed() + "%")).isEqualTo(1);
    // 双随机一公开: anyone repeats the draw from the recorded seed and gets the same hospitals and inspectors
    List<FlyingSample.Drawn> repeated = FlyingSample.draw(hospitals, new HashSet<>(mapper.complaintInstitutions(
        "huaibei", java.time.OffsetDateTime.now(clock).minusYears(1), InspectionPlanService.COMPLAINTS_CONCENTRATED)),
        plan.flyingRatio(), plan.flyingTop(), plans.caseworkers("huaibei"), InspectionPlanService.INSPECTORS,
        plan.seed());
    assertThat(repeated.stream().map(d -> d.hospital().institutionId()).collect(java.util.stream.Collectors.toSet()))
        .isEqualTo(drawn);
    Map<Long, String> inspectorsOf = new HashMap<>();
    repeated.forEach(d -> inspectorsOf.put(d.hospital().institutionId(), String.join(",", d.inspectors())));
    Inspection ofTop = mapper.findBySlot(plan.id(), "FLYING:" + payers.get(0).id() + ":1");
    assertThat(ofTop.inspectors()).isEqualTo(inspectorsOf.get(payers.get(0).id()));
    assertThat(ofTop.drawReason()).isEqualTo("TOP_PAYER");
    assertThat(ofTop.inspectorList()).isNotEmpty().allMatch(u -> plans.caseworkers("huaibei").contains(u));

    // progress: the special actions are planned but none done yet, named by rule ID and setting
    JsonNode progress = chenmin.get("/api/inspection-plans/" + planNo + "/progress").json();
    JsonNode special = minimum(progress, "SPECIAL");
    assertThat(special.get("ruleId").asText()).isEqualTo("R-VIO-14");
    assertThat(special.get("setting").asText()).isEqualTo("special-action-min");
    assertThat(special.get("required").asInt()).isEqualTo(4);
    assertThat(special.get("shortfall").asInt()).isEqualTo(4);
    assertThat(minimum(progress, "FLYING").get("shortfall").asInt()).isZero();
    assertThat(Http.demo(port, "zhaolei").get("/api/inspection-plans/" + planNo + "/progress").status())
        .isEqualTo(404);
    assertThat(Http.demo(port, "zhangjing").get("/api/inspection-plans/" + planNo + "/progress").status())
        .isEqualTo(403);

    // batch 0 (flying and special inspections) becomes tasks, each its own job
    Job batch0 = managementService.createJobQuery().processInstanceId(pi).activityId("SubProcess_Batches").list()
        .stream().filter(j -> Integer.valueOf(0).equals(runtimeService.getVariable(j.getExecutionId(), "batchNo")))
        .findFirst().orElseThrow();
    managementService.executeJob(batch0.getId());
    run(pi, "SubProcess_Inspection");
    Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Inspect").list().stream()
        .filter(t -> ofTop.id().equals(((Number) taskService.getVariable(t.getId(), "inspectionId")).longValue()))
        .findFirst().orElseThrow();
    assertThat(task.getAssignee()).isEqualTo(ofTop.inspectorList().get(0));
    assertThat(task.getDueDate()).isEqualTo(java.util.Date.from(WorkingDayCalendar.expiresAt(ofTop.dueOn())));

    PersonDetail person = personnel.register(new NewPerson("huaibei", RegistryFixtures.nationalCode("D"),
        RegistryFixtures.idNumber("340603"), "检查测试医师", "PHYSICIAN", null, List.of(payers.get(0).id()), null,
        "集成测试登记", null));
    String code = catalogue.options("HOSPITAL").get(0).get("value");
    Map<String, Object> findings = new HashMap<>();
    findings.put("findingCodes", List.of(code));
    findings.put("suspectedAmount", 3200);
    findings.put("personCode", person.person().nationalCode());
    findings.put("deductionCodes", List.of("P1-1"));
    findings.put("inspectionNote", "飞行检查发现分解住院");
    // huaibei deducts by severity within the grade (graded rule set): without the points the form answers in
    // Chinese and the task stays open, nothing written (R-PERS-5)
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(), findings))
        .hasMessageContaining("分级扣分");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(mapper.find(ofTop.id()).status()).isEqualTo(Inspection.PLANNED);
    findings.put("deductionPoints", 2);
    taskService.complete(task.getId(), findings);
    run(pi, "Task_RecordFindings");

    Inspection done = mapper.find(ofTop.id());
    assertThat(done.status()).isEqualTo(Inspection.DONE);
    assertThat(done.caseNo()).isNotNull();
    Map<String, Object> vc = jdbc.queryForMap("SELECT source, external_ref, suspected_amount FROM violation_case "
        + "WHERE case_no = ?", done.caseNo());
    assertThat(vc.get("source")).isEqualTo("FLYING_INSPECTION");
    assertThat(vc.get("external_ref")).isEqualTo(done.inspectionNo() + "/" + payers.get(0).code());
    assertThat((BigDecimal) vc.get("suspected_amount")).isEqualByComparingTo("3200");
    // P1-1 is a 1-point case (004 §四(一)1, R-PERS-4), graded 1-3 in huaibei: the 2 points chosen are deducted
    assertThat(jdbc.queryForObject("SELECT points FROM person_inspection WHERE person_id = ? AND inspection_ref = ?",
        Integer.class, person.person().id(), done.inspectionNo())).isEqualTo(2);

    // recorded again (a retried job): nothing more
    InspectionWork.Recorded twice = work.record(ofTop.id(), new InspectionWork.Findings(null, List.of(code),
        new BigDecimal("3200"), person.person().nationalCode(), List.of("P1-1"), null, null, "重复"), "x", pi);
    assertThat(twice.caseNo()).isEqualTo(done.caseNo());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM violation_case WHERE external_ref = ?", Integer.class,
        done.inspectionNo() + "/" + payers.get(0).code())).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_inspection WHERE person_id = ?", Integer.class,
        person.person().id())).isEqualTo(1);
  }

  @Test
  void routineInspectionsReachEveryInstitutionAndTheYearEndScreeningIssuesA核查书AndAnOnSiteInspection() {
    int year = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear() + 1;
    Institution hospital = hospital();
    Institution pharmacy = pharmacy();
    // payments grew by 100 % over the year before: an abnormal indicator (> 30 %)
    jdbc.update("INSERT INTO evaluation_settlement_volume (institution_id, settle_year, amount) VALUES (?, ?, ?)",
        hospital.id(), year - 1, new BigDecimal("1000000"));
    jdbc.update("INSERT INTO evaluation_settlement_volume (institution_id, settle_year, amount) VALUES (?, ?, ?)",
        hospital.id(), year, new BigDecimal("2000000"));
    Http.Response opened = Http.demo(port, "chenmin").post("/api/inspection-plans",
        "{\"region\":\"huaibei\",\"year\":" + year + "}");
    assertThat(opened.status()).as(opened.body()).isIn(201, 200);
    InspectionPlan plan = mapper.findPlanByNo(opened.json().get("planNo").asText());
    assertThat(plan.maxInstitutionId()).as("the plan covers institutions registered before it")
        .isGreaterThanOrEqualTo(pharmacy.id());
    plans.draw(plan.planNo(), plan.processInstanceId());
    for (int b = 1; b < plan.batchCount(); b++) {
      plans.planBatch(plan.planNo(), b);
    }
    // a retried batch job plans nothing twice
    plans.planBatch(plan.planNo(), plan.batchCount() - 1);
    List<Inspection> ofHospital = routine(plan, hospital);
    assertThat(ofHospital).hasSize(plan.routineMin()).extracting(Inspection::dueOn)
        .allMatch(d -> d.getYear() == year);
    // routine-inspection-min = 2 (R-VIO-14): the first due by the end of June, the second by the end of December
    assertThat(ofHospital.get(0).dueOn()).isBetween(LocalDate.of(year, 6, 20), LocalDate.of(year, 6, 30));
    assertThat(ofHospital.get(1).dueOn()).isBetween(LocalDate.of(year, 12, 20), LocalDate.of(year, 12, 31));
    assertThat(routine(plan, pharmacy)).hasSize(plan.pharmacyFrequency());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection WHERE plan_id = ? AND kind = 'SPECIAL'",
        Integer.class, plan.id())).isEqualTo(plan.specialMin());

    List<Long> yearEnd = screening.screen(plan.planNo(), plan.processInstanceId());
    Inspection review = mapper.findBySlot(plan.id(), "YEAR_END:" + hospital.id() + ":1");
    assertThat(review).isNotNull();
    assertThat(yearEnd).contains(review.id());
    assertThat(review.abnormalIndicators()).contains("增长超过 30%");
    assertThat(review.documentNo()).isNotBlank();
    assertThat(jdbc.queryForObject("SELECT kind FROM document WHERE case_no = ? AND occasion = 'YEAR_END'",
        String.class, review.inspectionNo())).isEqualTo("DOCUMENT_REQUEST");
    assertThat(mapper.findBySlot(plan.id(), "YEAR_END:" + pharmacy.id() + ":1")).isNull();
    // screened once: a retried job issues no second 核查书
    screening.screen(plan.planNo(), plan.processInstanceId());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE case_no = ?", Integer.class,
        review.inspectionNo())).isEqualTo(1);
    Long onSite = screening.review(review.id(), false, "材料不能说明增长原因", "zhangjing", plan.processInstanceId());
    Inspection site = mapper.find(onSite);
    assertThat(site.kind()).isEqualTo("YEAR_END_ON_SITE");
    assertThat(site.institutionId()).isEqualTo(hospital.id());
    assertThat(mapper.find(review.id()).materialsPassed()).isFalse();
  }

  private List<Inspection> routine(InspectionPlan plan, Institution institution) {
    List<Inspection> found = new java.util.ArrayList<>();
    for (int r = 1; r <= 52; r++) {
      Inspection i = mapper.findBySlot(plan.id(), "ROUTINE:" + institution.id() + ":" + r);
      if (i == null) {
        break;
      }
      found.add(i);
    }
    return found;
  }

  private static JsonNode minimum(JsonNode progress, String kind) {
    for (JsonNode m : progress.get("minimums")) {
      if (kind.equals(m.get("kind").asText())) {
        return m;
      }
    }
    throw new AssertionError("no minimum " + kind + " in " + progress);
  }

  private void run(String pi, String activityId) {
    for (Job j : managementService.createJobQuery().processInstanceId(pi).activityId(activityId).list()) {
      managementService.executeJob(j.getId());
    }
  }

  Institution hospital() {
    return designated("HOSPITAL", "检查计划测试医院");
  }

  Institution pharmacy() {
    return designated("PHARMACY", "检查计划测试药店");
  }

  Institution designated(String type, String name) {
    Institution i = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode(type),
        name + System.nanoTime(), type, RegistryFixtures.creditCode("340600"), "HOSPITAL".equals(type) ? "二级" : null,
        List.of(), List.of(), "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
    return i;
  }
}
