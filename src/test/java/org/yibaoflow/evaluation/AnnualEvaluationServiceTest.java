package org.yibaoflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/** The cases the registry shows by itself (R-EVA-4, R-EVA-5) and the published criteria (R-DES-6). */
class AnnualEvaluationServiceTest {

  static EvaluationFacts facts(String state, Integer onRequestDays, boolean revoked, boolean expired,
      BigDecimal settlement) {
    return new EvaluationFacts(3, 1, 0, state, onRequestDays, revoked, expired, settlement, 10, 2);
  }

  @Test
  void nonRenewalCasesFromTheRegistryMostFundamentalFirst() {
    assertThat(AnnualEvaluationService.suggestNonRenewal(facts("ACTIVE", null, true, true, BigDecimal.ZERO), 180))
        .isEqualTo("LICENCE_REVOKED");
    assertThat(AnnualEvaluationService.suggestNonRenewal(facts("ACTIVE", null, false, true, null), 180))
        .isEqualTo("LICENCE_EXPIRED");
    assertThat(AnnualEvaluationService.suggestNonRenewal(facts("ACTIVE", null, false, false, BigDecimal.ZERO), 180))
        .isEqualTo("NO_SETTLEMENT");
    // no figure delivered is not "no settlement"
    assertThat(AnnualEvaluationService.suggestNonRenewal(facts("ACTIVE", null, false, false, null), 180)).isEqualTo("NONE");
    assertThat(AnnualEvaluationService.suggestNonRenewal(facts("SUSPENDED", 181, false, false, new BigDecimal("5")), 180))
        .isEqualTo("ON_REQUEST_SUSPENSION_EXCEEDED");
    assertThat(AnnualEvaluationService.suggestNonRenewal(facts("SUSPENDED", 180, false, false, new BigDecimal("5")), 180))
        .isEqualTo("NONE");
  }

  @Test
  void aSanctionSuspensionStillRunningDefersButAnOnRequestOneDoesNot() {
    assertThat(AnnualEvaluationService.suggestDeferral(facts("SUSPENDED", null, false, false, null)))
        .isEqualTo("SUSPENDED_AFTER_SIGNING_PERIOD");
    assertThat(AnnualEvaluationService.suggestDeferral(facts("SUSPENDED", 30, false, false, null))).isEqualTo("NONE");
    assertThat(AnnualEvaluationService.suggestDeferral(facts("ACTIVE", null, false, false, null))).isEqualTo("NONE");
  }

  @Test
  void theCriteriaNameTheRegionsScoresAndTheConversion() {
    assertThat(AnnualEvaluationService.criteria(85, 70, 2)).contains("≥ 85 分为合格", "70–84 分为基本合格", "< 70 分为不合格",
        "扣 2 分", "R-DES-6", "R-EVA-3");
    assertThat(facts("ACTIVE", null, false, false, null).personnelSuspendedPercent()).isEqualTo(20);
  }

  // --- the service with its collaborators mocked

  static final String BK = "huaibei-2026-H00000000001";
  final EvaluationMapper mapper = mock(EvaluationMapper.class);
  final AgreementService agreements = mock(AgreementService.class);
  final InstitutionService institutions = mock(InstitutionService.class);
  final AuditService audit = mock(AuditService.class);
  final RenewalControl control = mock(RenewalControl.class);
  final AnnualEvaluationService service = new AnnualEvaluationService(mapper, mock(EvaluationFactsSource.class), agreements,
      institutions, mock(RegionSettingsService.class), audit,
      Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"), WorkingDayCalendar.ZONE), control);

  EvaluationItem item(Integer deduction, String applied, Long newAgreementId) {
    return new EvaluationItem(1L, 2L, 11L, 7L, "huaibei", 2026, BK, "pi", "DECIDED", 3, deduction, 0, 0, true, null,
        0, 0, null, null, null, null, "QUALIFIED", 0, 100, "RENEW", "NONE", "R-EVA-1", null, null, null,
        newAgreementId, null, applied, null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  @Test
  void theFinalScoreIsTheScoreLessTheDeductionNeverBelowZero() {
    when(mapper.item(BK)).thenReturn(item(12, null, null));
    when(institutions.find(7L)).thenReturn(new Institution(7L, "huaibei", "H1", "医院", "HOSPITAL", "x", null, null,
        null));
    assertThat(service.recordScore(BK, 90, "NONE", "NONE", "pi")).isEqualTo(78);
    assertThat(service.recordScore(BK, 5, "NONE", "NONE", "pi")).isZero();
    assertThatThrownBy(() -> service.recordScore(BK, 101, "NONE", "NONE", "pi"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.getMessage()).isNotBlank());
    // 阴阳价格 (003 §二(二)13) is a pharmacy case
    assertThatThrownBy(() -> service.recordScore(BK, 90, "YINYANG_PRICE", "NONE", "pi"))
        .isInstanceOf(DomainRuleException.class);
    assertThatThrownBy(() -> service.recordScore(BK, 90, "NONE", "NO_SUCH_CASE", "pi"))
        .isInstanceOf(DomainRuleException.class);
  }

  @Test
  void aRetriedRenewalSignsNothingTheSecondTime() {
    Agreement next = new Agreement(12L, 7L, "huaibei", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
        AgreementState.ACTIVE, 0, OffsetDateTime.now(), 0L, OffsetDateTime.now());
    when(mapper.item(BK)).thenReturn(item(0, "RENEWED", 12L));
    when(agreements.find(12L)).thenReturn(next);
    assertThat(service.renew(BK, "ONLINE", "pi")).isEqualTo(next);
    verify(agreements, never()).sign(anyLong(), any(), any(), any(), any(), any());
    verify(mapper, never()).markApplied(any(), any(), any(), any(), any(), any());
  }

  @Test
  void aRenewalSignsTheNextYearOnceAndRecordsTheChannel() {
    Agreement current = new Agreement(11L, 7L, "huaibei", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"),
        AgreementState.ACTIVE, 0, OffsetDateTime.now(), 0L, OffsetDateTime.now());
    Agreement next = new Agreement(12L, 7L, "huaibei", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
        AgreementState.ACTIVE, 0, OffsetDateTime.now(), 0L, OffsetDateTime.now());
    when(mapper.item(BK)).thenReturn(item(0, null, null));
    when(agreements.find(11L)).thenReturn(current);
    when(agreements.sign(any(Long.class), any(), any(), any(), any(), any())).thenReturn(next);
    service.renew(BK, "OFFLINE", "pi");
    verify(agreements).sign(7L, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), AgreementState.ACTIVE,
        "2026 年度考核后续签协议（线下签订）", "pi");
    verify(mapper).markApplied(any(), any(), any(), any(), any(), any());
  }

  @Test
  void aChangedDecisionThatNamesNoGradeIsRefused() {
    when(mapper.item(BK)).thenReturn(item(0, null, null));
    assertThat(service.recordObjection(BK, "YY-1", "UPHELD", "原决定", "pi")).isNull();
    assertThat(service.recordObjection(BK, "YY-1", "CHANGED", "变更为基本合格", "pi")).isEqualTo(Grade.BASICALLY_QUALIFIED);
    assertThatThrownBy(() -> service.recordObjection(BK, "YY-1", "CHANGED", "减轻处理", "pi"))
        .isInstanceOf(DomainRuleException.class);
  }
}
