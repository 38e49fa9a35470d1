package org.yibaoflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.ViolationCase;
import org.yibaoflow.enforcement.ViolationIntakeService;
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.personnel.DeductionReport;
import org.yibaoflow.personnel.PersonnelScoringService;
import org.yibaoflow.personnel.ScoringAnswer;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * An inspection's findings (R-VIO-14): they open the violation case with the inspection's kind as source and one
 * external reference per institution and inspection (R-VIO-1), and the person's deduction (R-PERS-5); bad input is
 * refused before anything is written; a special action names the institution it found; done is done.
 */
class InspectionWorkTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-18T02:00:00Z"), WorkingDayCalendar.ZONE);
  static final InspectionPlan PLAN = new InspectionPlan(1L, "IP-2026-huaibei", "huaibei", 2026, "OPEN", 2, 4, 1,
      new BigDecimal("0.1"), 5, 100, 3, 2, 42L, null, null, "pi", "sup", null, null);
  static final Institution HOSPITAL = new Institution(7L, "huaibei", "H007", "淮北第七医院", "HOSPITAL", "cc", "二级",
      null, null);

  private final InspectionMapper mapper = mock(InspectionMapper.class);
  private final InspectionPlanService plans = mock(InspectionPlanService.class);
  private final InstitutionService institutions = mock(InstitutionService.class);
  private final ViolationCatalogue catalogue = new ViolationCatalogue();
  private final ViolationIntakeService cases = mock(ViolationIntakeService.class);
  private final PersonnelScoringService personnel = mock(PersonnelScoringService.class);
  private final InspectionWork work = new InspectionWork(mapper, plans, institutions, catalogue, cases, personnel,
      mock(AuditService.class), CLOCK);
  private String code;

  @BeforeEach
  void setUp() {
    code = catalogue.options("HOSPITAL").get(0).get("value");
    when(mapper.planNoOf(1L)).thenReturn(PLAN.planNo());
    when(plans.plan(PLAN.planNo())).thenReturn(PLAN);
    when(institutions.find(7L)).thenReturn(HOSPITAL);
    when(institutions.findByCode("huaibei", "H007")).thenReturn(HOSPITAL);
    when(cases.canOpenFor(7L)).thenReturn(true);
    ViolationCase opened = mock(ViolationCase.class);
    when(opened.caseNo()).thenReturn("VC-2026-huaibei-000009");
    when(cases.openForProcess(any(), anyString(), any())).thenReturn(new ViolationIntakeService.Opened(opened, true));
    when(personnel.deductForProcess(anyString(), anyString(), any())).thenReturn(new PersonnelScoringService.Deducted(
        new ScoringAnswer("D1", "IN-1", LocalDate.of(2026, 9, 18), 2026, 1, 1, 11, "B0", "NONE", 0, false, "std",
            null), true));
  }

  Inspection inspection(String kind, Long institutionId, String status) {
    return new Inspection(5L, 1L, "IN-2026-1-5", kind, kind + ":7:1", institutionId, 0, null, "cw1,cw2",
        LocalDate.of(2026, 10, 9), status, null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void findingsOpenACaseSourcedByTheKindAndDeductThePerson() {
    when(mapper.find(5L)).thenReturn(inspection("FLYING", 7L, Inspection.PLANNED));
    InspectionWork.Recorded r = work.record(5L, new InspectionWork.Findings(null, List.of(code),
        new BigDecimal("3200"), "D1", List.of("P1-1"), null, null, "分解住院"), "cw1", "pi");
    ArgumentCaptor<ViolationIntakeService.Intake> intake = ArgumentCaptor.forClass(ViolationIntakeService.Intake.class);
    verify(cases).openForProcess(intake.capture(), eq("cw1"), eq(Map.of()));
    assertThat(intake.getValue().source()).isEqualTo("FLYING_INSPECTION");
    assertThat(intake.getValue().region()).isEqualTo("huaibei");
    assertThat(intake.getValue().externalRef()).isEqualTo("IN-2026-1-5/H007");
    assertThat(intake.getValue().suspectedViolations()).containsExactly(code);
    verify(mapper).attachCase(5L, "VC-2026-huaibei-000009");
    ArgumentCaptor<DeductionReport> report = ArgumentCaptor.forClass(DeductionReport.class);
    verify(personnel).deductForProcess(eq("huaibei"), eq("D1"), report.capture());
    // the inspection number is the deduction's reference: a second deduction of the same inspection is none
    assertThat(report.getValue().inspectionRef()).isEqualTo("IN-2026-1-5");
    assertThat(report.getValue().findings().get(0).codes()).containsExactly("P1-1");
    assertThat(r.caseNo()).isEqualTo("VC-2026-huaibei-000009");
    assertThat(r.pointsDeducted()).isEqualTo(1);
  }

  @Test
  void aRecordedInspectionIsNotRecordedAgain() {
    when(mapper.find(5L)).thenReturn(inspection("ROUTINE", 7L, Inspection.DONE));
    work.record(5L, new InspectionWork.Findings(null, List.of(code), null, null, null, null, null, "x"), "cw1", "pi");
    verify(cases, never()).openForProcess(any(), anyString(), any());
    verify(mapper, never()).complete(anyLong(), any(), any(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void noViolationNoCase() {
    when(mapper.find(5L)).thenReturn(inspection("ROUTINE", 7L, Inspection.PLANNED));
    work.record(5L, new InspectionWork.Findings(null, List.of(), null, null, List.of(), null, null, "未发现问题"),
        "cw1", "pi");
    verify(cases, never()).openForProcess(any(), anyString(), any());
    verify(personnel, never()).deductForProcess(anyString(), anyString(), any());
  }

  @Test
  void badInputIsRefusedNamingTheFieldBeforeAnythingIsWritten() {
    when(mapper.find(5L)).thenReturn(inspection("ROUTINE", 7L, Inspection.PLANNED));
    assertField(new InspectionWork.Findings(null, List.of("NOT_A_CODE"), null, null, null, null, null, "x"),
        "findingCodes", "R-VIO-1");
    assertField(new InspectionWork.Findings(null, List.of(code), null, null, null, null, null, " "),
        "inspectionNote", "R-VIO-14");
    assertField(new InspectionWork.Findings(null, List.of(), null, null, List.of("P1-1"), null, null, "x"),
        "personCode", "R-PERS-5");
    assertField(new InspectionWork.Findings(null, List.of(), new BigDecimal("-1"), null, null, null, null, "x"),
        "suspectedAmount", "R-VIO-1");
    verify(mapper, never()).complete(anyLong(), any(), any(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void aSpecialActionNamesTheInstitutionItFound() {
    when(mapper.find(5L)).thenReturn(inspection("SPECIAL", null, Inspection.PLANNED));
    assertField(new InspectionWork.Findings(null, List.of(code), null, null, null, null, null, "x"),
        "institutionCode", "INPUT");
    work.record(5L, new InspectionWork.Findings("H007", List.of(code), null, null, null, null, null, "专项"), "cw1",
        "pi");
    ArgumentCaptor<ViolationIntakeService.Intake> intake = ArgumentCaptor.forClass(ViolationIntakeService.Intake.class);
    verify(cases).openForProcess(intake.capture(), anyString(), any());
    assertThat(intake.getValue().source()).isEqualTo("SPECIAL_INSPECTION");
    verify(mapper).complete(eq(5L), eq(7L), eq(code), any(), any(), eq("专项"), any(), eq("cw1"), any());
  }

  private void assertField(InspectionWork.Findings f, String field, String rule) {
    assertThatThrownBy(() -> work.record(5L, f, "cw1", "pi")).isInstanceOfSatisfying(DomainRuleException.class,
        e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.rule()).isEqualTo(rule);
        });
  }
}
