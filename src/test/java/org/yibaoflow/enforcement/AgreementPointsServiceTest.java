package org.yibaoflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/** The agreement-points ledger (R-EVA-3): points by the region's scale, the year, once per case, the totals. */
class AgreementPointsServiceTest {

  static final String NO = "VC-2026-jining-000007";
  final AgreementPointsMapper mapper = mock(AgreementPointsMapper.class);
  final AgreementService agreements = mock(AgreementService.class);
  final AuditService audit = mock(AuditService.class);
  // 2026-12-31 17:30 UTC is already 1 January 2027 in Asia/Shanghai: the decision counts in 2027
  final Clock clock = Clock.fixed(Instant.parse("2026-12-31T17:30:00Z"), java.time.ZoneOffset.UTC);
  final AgreementPointsScale scale = new AgreementPointsScale(AgreementPointsScaleTest.DEFAULTS,
      Map.of("jining", Map.of("PUBLIC_CRITICISM", 5)));
  final AgreementPointsService service = new AgreementPointsService(mapper, scale, agreements, audit, clock);

  @Test
  void aDecisionInEffectBooksTheRegionsPointsInTheYearItTookEffectAudited() {
    AgreementPoints booked = entry(5, 2027, "pi-1");
    when(mapper.findByCase(NO)).thenReturn(null, booked);

    assertThat(service.recordDecision(violationCase(), "PUBLIC_CRITICISM", "NO_OBJECTION", "pi-1")).isEqualTo(booked);

    ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
    verify(mapper).insert(eq("jining"), eq(42L), eq(NO), eq("PUBLIC_CRITICISM"), eq(5), eq(2027), reason.capture(),
        eq("pi-1"), eq(OffsetDateTime.now(clock)));
    assertThat(reason.getValue()).contains(NO, "通报批评", "5 分", "2027");
    ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
    verify(audit).record(entry.capture());
    assertThat(entry.getValue().entityType()).isEqualTo("AGREEMENT");
    assertThat(entry.getValue().entityId()).isEqualTo("42");
    assertThat(entry.getValue().action()).isEqualTo("POINTS_RECORDED");
    assertThat(entry.getValue().ruleId()).isEqualTo("R-EVA-3");
    assertThat(entry.getValue().details()).contains("points=5", "year=2027", "caseNo=" + NO);
  }

  @Test
  void aRetriedJobFindsTheCasesEntryAndRecordsNothing() {
    AgreementPoints booked = entry(5, 2027, "pi-1");
    when(mapper.findByCase(NO)).thenReturn(booked);

    assertThat(service.recordDecision(violationCase(), "PUBLIC_CRITICISM", "NO_OBJECTION", "pi-1")).isEqualTo(booked);

    verify(mapper, never()).insert(anyString(), anyLong(), anyString(), anyString(), anyInt(), anyInt(), anyString(),
        any(), any());
    verifyNoInteractions(audit);
  }

  @Test
  void withoutAJobsProcessInstanceTheCasesInstanceIsBooked() {
    when(mapper.findByCase(NO)).thenReturn(null, entry(12, 2027, "case-pi"));
    service.recordDecision(violationCase(), "TERMINATION", "CHANGED", null);
    verify(mapper).insert(eq("jining"), eq(42L), eq(NO), eq("TERMINATION"), eq(12), eq(2027), anyString(),
        eq("case-pi"), any());
  }

  @Test
  void theYearSumsTheEntriesAndNamesTheCasesInstances() {
    when(mapper.ofYear(42L, 2027)).thenReturn(List.of(entry(5, 2027, "pi-1"), entry(8, 2027, "pi-2"),
        entry(2, 2027, null)));
    var year = service.yearOf(42L, 2027);
    assertThat(year.points()).isEqualTo(15);
    assertThat(year.decisions()).isEqualTo(3);
    assertThat(year.caseProcessInstanceIds()).containsExactly("pi-1", "pi-2");
    when(mapper.ofYear(42L, 2026)).thenReturn(List.of());
    assertThat(service.yearOf(42L, 2026)).isEqualTo(new AgreementPointsService.YearTotal(0, 0, List.of()));
  }

  @Test
  void theLedgerIsRegionCheckedAndAYearOutOfRangeIsA400() {
    when(mapper.ofYear(42L, 2027)).thenReturn(List.of(entry(5, 2027, "pi-1"), entry(8, 2027, "pi-2")));
    var ledger = service.visible(42L, 2027);
    assertThat(ledger.total()).isEqualTo(13);
    assertThat(ledger.year()).isEqualTo(2027);
    verify(agreements).visible(42L);

    assertThatThrownBy(() -> service.visible(42L, 1999)).isInstanceOfSatisfying(DomainRuleException.class,
        e -> assertThat(e.field()).isEqualTo("year"));
    when(agreements.visible(43L)).thenThrow(DomainRuleException.notFound("服务协议 / agreement", "43"));
    assertThatThrownBy(() -> service.visible(43L, null)).isInstanceOf(DomainRuleException.class);
    verify(mapper, never()).ofAgreement(43L);
  }

  static ViolationCase violationCase() {
    return new ViolationCase(1L, NO, "jining", "SMART_MONITORING", null, 7L, "HOSPITAL", 42L, "GEN_OVERCHARGE",
        BigDecimal.ZERO, null, ViolationCase.NOTICE_SERVED, null, null, null, null, false, null, "PUBLIC_CRITICISM",
        "R-VIO-2", null, null, null, 30, null, null, null, "case-pi", "liuyang", null, null, null);
  }

  static AgreementPoints entry(int points, int year, String pi) {
    return new AgreementPoints(1L, "jining", 42L, NO, "PUBLIC_CRITICISM", points, year, "r", pi, null);
  }
}
