package org.yibaoflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.yibaoflow.calendar.ArrangementSource;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.RegionAccess;

/**
 * The plan's progress against the R-VIO-14 minimums: met when every institution had its routine inspections, the
 * special actions and the flying sample are complete; missed with the shortfall named by rule and setting, and the
 * institutions that can no longer make it by year end reminded.
 */
class PlanProgressServiceTest {

  /** 2 hospitals (routine min 2) and 1 pharmacy (frequency 1); special min 4; 10 % flying of 2 hospitals = 1. */
  static final InspectionPlan PLAN = new InspectionPlan(1L, "IP-2026-huaibei", "huaibei", 2026, "OPEN", 2, 4, 1,
      new BigDecimal("0.1000"), 5, 100, 3, 2, 42L, null, null, "pi", "sup", null, null);

  private final InspectionMapper mapper = mock(InspectionMapper.class);
  private final InspectionPlanService plans = mock(InspectionPlanService.class);
  private final AuditService audit = mock(AuditService.class);
  private final PlanProgressService service = new PlanProgressService(mapper, plans, mock(RegionAccess.class), audit);

  void given(LocalDate today, int specialDone, List<InspectionMapper.Tally> tally) {
    when(plans.plan(PLAN.planNo())).thenReturn(PLAN);
    when(plans.today()).thenReturn(today);
    when(plans.schedule()).thenReturn(new PlanSchedule(new WorkingDayCalendar(ArrangementSource.none())));
    when(mapper.tally(1L)).thenReturn(tally);
    when(mapper.specialDone(1L)).thenReturn(specialDone);
    when(mapper.idsOfKind(1L, "SPECIAL")).thenReturn(List.of(1L, 2L, 3L, 4L));
    when(mapper.idsOfKind(1L, "FLYING")).thenReturn(List.of(9L));
    when(mapper.hospitals("huaibei", 100, 2025)).thenReturn(List.of(
        new FlyingSample.Hospital(10, "H10", null), new FlyingSample.Hospital(11, "H11", null)));
  }

  @Test
  void minimumsMet() {
    given(LocalDate.of(2026, 12, 18), 4, List.of(new InspectionMapper.Tally(10, "H10", "ROUTINE", 2, 2),
        new InspectionMapper.Tally(11, "H11", "ROUTINE", 2, 2), new InspectionMapper.Tally(20, "P20", "ROUTINE", 1, 1),
        new InspectionMapper.Tally(10, "H10", "FLYING", 1, 1)));
    PlanProgressService.Progress p = service.progress(PLAN);
    assertThat(p.minimums()).allSatisfy(m -> {
      assertThat(m.shortfall()).as(m.kind()).isZero();
      assertThat(m.ruleId()).isEqualTo("R-VIO-14");
    });
    assertThat(p.atRisk()).isEmpty();
    assertThat(service.remind(PLAN.planNo(), "pi")).isZero();
    verify(audit, never()).record(any());
  }

  @Test
  void minimumsMissedNameTheShortfallAndTheInstitutionsAtRisk() {
    // Friday 2026-12-18: 9 working days left, one inspection takes 10 (PlanSchedule.LEAD)
    given(LocalDate.of(2026, 12, 18), 1, List.of(new InspectionMapper.Tally(10, "H10", "ROUTINE", 1, 2),
        new InspectionMapper.Tally(11, "H11", "ROUTINE", 2, 2), new InspectionMapper.Tally(20, "P20", "ROUTINE", 1, 1)));
    PlanProgressService.Progress p = service.progress(PLAN);
    PlanProgressService.Minimum routine = minimum(p, "ROUTINE");
    assertThat(routine.setting()).contains("routine-inspection-min");
    assertThat(routine.required()).isEqualTo(3);
    assertThat(routine.met()).isEqualTo(2);
    assertThat(routine.shortfall()).isEqualTo(1);
    PlanProgressService.Minimum special = minimum(p, "SPECIAL");
    assertThat(special.setting()).isEqualTo("special-action-min");
    assertThat(special.shortfall()).isEqualTo(3);
    assertThat(p.atRisk()).extracting(PlanProgress.Row::code).containsExactly("H10");

    assertThat(service.remind(PLAN.planNo(), "pi")).isEqualTo(1);
    ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
    verify(audit).record(entry.capture());
    assertThat(entry.getValue().action()).isEqualTo("REMINDER");
    assertThat(entry.getValue().ruleId()).isEqualTo("R-VIO-14");
    assertThat(entry.getValue().details()).contains("H10:ROUTINE:1/2");
  }

  @Test
  void earlyInTheYearAMissingInspectionIsNotYetAtRisk() {
    given(LocalDate.of(2026, 3, 2), 0, List.of(new InspectionMapper.Tally(10, "H10", "ROUTINE", 0, 2)));
    assertThat(service.progress(PLAN).atRisk()).isEmpty();
  }

  private static PlanProgressService.Minimum minimum(PlanProgressService.Progress p, String kind) {
    return p.minimums().stream().filter(m -> m.kind().equals(kind)).findFirst().orElseThrow();
  }
}
