package org.yibaoflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/** The rules of the violation case's services with the registry mocked: idempotent measures, causes and rules chosen. */
class ViolationCaseServiceTest {

  static final String NO = "VC-2026-huaibei-000001";
  final ViolationCaseMapper mapper = mock(ViolationCaseMapper.class);
  final ViolationMeasures measures = mock(ViolationMeasures.class);
  final InstitutionService institutions = mock(InstitutionService.class);
  final AgreementService agreements = mock(AgreementService.class);
  final RegionSettingsService settings = mock(RegionSettingsService.class);
  final AuditService audit = mock(AuditService.class);
  final AgreementPointsService points = mock(AgreementPointsService.class);
  final ViolationCaseSupport support = new ViolationCaseSupport(mapper, new ViolationCatalogue(), agreements,
      Clock.fixed(Instant.parse("2026-09-24T02:00:00Z"), WorkingDayCalendar.ZONE));
  final ViolationFindingsService findings = new ViolationFindingsService(mapper, support, institutions, agreements,
      settings, audit);
  final ViolationDecisionService decisions = new ViolationDecisionService(mapper, support, measures, points,
      institutions, agreements, settings, audit);
  final ViolationRectificationService rectification = new ViolationRectificationService(mapper, support, agreements,
      settings, audit);

  @BeforeEach
  void registry() {
    when(institutions.find(7L)).thenReturn(new Institution(7L, "huaibei", "H1", "淮北市某医院", "HOSPITAL", "cc", "二级",
        null, null));
    when(settings.value("huaibei", RegionSetting.RECTIFICATION_PERIOD)).thenReturn(30);
    when(settings.value("huaibei", RegionSetting.DOCUMENT_DEADLINE)).thenReturn(7);
    agreement(AgreementState.ACTIVE);
  }

  /** R-VIO-13: the random second review samples at least the region's minimum (5 % by default). */
  @Test
  void aSamplingRatioBelowTheRegionsMinimumIsRefusedAndWritesNothing() {
    stored("HOSPITAL", null, null);
    when(settings.value("huaibei", RegionSetting.SECOND_REVIEW_SAMPLE_MINIMUM)).thenReturn(5);
    FindingsReport tooSmall = new FindingsReport("GEN_OVERCHARGE", null, new BigDecimal("300"),
        new BigDecimal("0.04"), null, false, false, false, false, false);

    assertThatThrownBy(() -> findings.recordFindings(NO, tooSmall, "pi")).isInstanceOfSatisfying(
        DomainRuleException.class, e -> {
          assertThat(e.field()).isEqualTo("samplingRatio");
          assertThat(e.rule()).isEqualTo("R-VIO-13");
        });
    assertThatThrownBy(() -> findings.checkFindings(NO, tooSmall)).isInstanceOf(DomainRuleException.class);
    verify(mapper, never()).recordFindings(any(), any(), any(), any(), any(), anyBoolean(), any(), any(), any());
    // at the minimum it is accepted
    findings.checkFindings(NO, new FindingsReport("GEN_OVERCHARGE", null, new BigDecimal("300"),
        new BigDecimal("0.05"), null, false, false, false, false, false));
  }

  @Test
  void unknownOrInapplicableFindingsAre400sAndWriteNothing() {
    stored("HOSPITAL", null, null);
    assertThatThrownBy(() -> findings.recordFindings(NO, FindingsReport.of("GEN_OVERCHARGE,NOPE"), "pi")).isInstanceOfSatisfying(DomainRuleException.class,
            e -> assertThat(e.field()).isEqualTo("findingCodes"));
    assertThatThrownBy(() -> findings.recordFindings(NO, FindingsReport.of("YINYANG_PRICE"), "pi"))
        .isInstanceOf(DomainRuleException.class);
    verify(mapper, never()).insertFinding(anyString(), anyString(), any(Integer.class), anyString());
    verify(agreements, never()).transition(anyLong(), any());
  }

  @Test
  void seriousRiskSuspendsSettlementOnceAndACrimeIsTransferredOnce() {
    stored("HOSPITAL", null, null);
    var f = findings.recordFindings(NO, new FindingsReport("FRAUD_FAKE_VISITS", new BigDecimal("100"), null, null, null,
        false, false, true, true, false), "pi");
    assertThat(f.seriousRisk()).isTrue();
    assertThat(f.referralKinds()).containsExactly("JUDICIAL", "DISCIPLINE");
    assertThat(f.referralRequired()).isTrue();
    verify(mapper).recordFindings(eq(NO), any(), any(), any(), any(), eq(true), eq("JUDICIAL,DISCIPLINE"), anyString(),
        any());
    verify(agreements).transition(eq(1L), eq(new TransitionCommand(AgreementState.SETTLEMENT_SUSPENDED,
        "SERIOUS_RISK", "R-VIO-6", "案件 " + NO + " 发现可能造成重大风险的行为，即时暂停医保基金结算", "pi")));

    // a repeated investigation: the transfers already started, the suspension already recorded; a new kind starts
    stored("HOSPITAL", null, "JUDICIAL,DISCIPLINE");
    when(mapper.measureCount(NO, "RISK_SETTLEMENT_SUSPENSION")).thenReturn(1);
    var again = findings.recordFindings(NO, new FindingsReport("FRAUD_FAKE_VISITS", null, null, null, null, false, false,
        true, true, false), "pi");
    assertThat(again.referralRequired()).isFalse();
    var regulator = findings.recordFindings(NO, new FindingsReport("FRAUD_FAKE_VISITS", null, null, null, null, false,
        false, true, false, true), "pi");
    assertThat(regulator.referralKinds()).containsExactly("REGULATOR");
    verify(agreements).transition(anyLong(), any());
  }

  @Test
  void aRetriedExecutionFindsTheMeasureAndChangesNothing() {
    stored("HOSPITAL", "TERMINATION", null);
    when(mapper.findings(NO)).thenReturn(List.of(new ViolationCase.Finding("FRAUD_FICTITIOUS_SERVICES", 4, "x")));
    when(mapper.measureCount(NO, "TERMINATION")).thenReturn(0, 1);
    decisions.executeDecision(NO, "NO_OBJECTION", null, "pi");
    decisions.executeDecision(NO, "NO_OBJECTION", null, "pi");

    ArgumentCaptor<TransitionCommand> command = ArgumentCaptor.forClass(TransitionCommand.class);
    verify(agreements).transition(eq(1L), command.capture());
    assertThat(command.getValue().to()).isEqualTo(AgreementState.TERMINATED);
    assertThat(command.getValue().cause()).isEqualTo("FRAUD");
    assertThat(command.getValue().ruleId()).isEqualTo("R-VIO-3");
    verify(mapper).insertMeasure(eq(NO), eq("TERMINATION"), eq("R-VIO-3"), any(), anyString(), eq("pi"), any());
    // R-EVA-3: the decision in effect books its points, once
    verify(points).recordDecision(any(), eq("TERMINATION"), eq("NO_OBJECTION"), eq("pi"));
  }

  @Test
  void aRevokedDecisionIsNotExecuted() {
    stored("HOSPITAL", "AGREEMENT_SUSPENSION", null);
    var e = decisions.executeDecision(NO, "REVOKED", null, "pi");
    assertThat(e.rectificationOrdered()).isFalse();
    verify(agreements, never()).transition(anyLong(), any());
    verify(points, never()).recordDecision(any(), any(), any(), any());
  }

  @Test
  void aChangedClassMustBeAClassAndOrdersRectificationByItsKind() {
    stored("HOSPITAL", "AGREEMENT_SUSPENSION", null);
    assertThatThrownBy(() -> decisions.executeDecision(NO, "CHANGED", "FINE", "pi"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.field()).isEqualTo("changedMeasureClass"));
    var e = decisions.executeDecision(NO, "CHANGED", "PUBLIC_CRITICISM", "pi");
    assertThat(e.rectificationOrdered()).isTrue();
    assertThat(e.rectificationDays()).isEqualTo(30);
    verify(agreements, never()).transition(anyLong(), any());
    // the points of the class the objection changed the decision to
    verify(points).recordDecision(any(), eq("PUBLIC_CRITICISM"), eq("CHANGED"), eq("pi"));
  }

  @Test
  void notRectifiedWhileSuspendedTerminatesAPharmacyUnderRVio4() {
    stored("PHARMACY", "RECTIFICATION", null);
    agreement(AgreementState.SUSPENDED);
    rectification.recordNotRectified(NO, true, "pi");
    ArgumentCaptor<TransitionCommand> command = ArgumentCaptor.forClass(TransitionCommand.class);
    verify(agreements).transition(eq(1L), command.capture());
    assertThat(command.getValue().cause()).isEqualTo("NOT_RECTIFIED");
    assertThat(command.getValue().ruleId()).isEqualTo("R-VIO-4");
  }

  @Test
  void closingResumesASettlementThisCaseStopped() {
    stored("HOSPITAL", "RECTIFICATION", null);
    agreement(AgreementState.SETTLEMENT_SUSPENDED);
    when(mapper.measureCount(NO, "RISK_SETTLEMENT_SUSPENSION")).thenReturn(1);
    when(mapper.close(eq(NO), anyString(), any())).thenReturn(1);
    rectification.close(NO, "pi");
    ArgumentCaptor<TransitionCommand> command = ArgumentCaptor.forClass(TransitionCommand.class);
    verify(agreements).transition(eq(1L), command.capture());
    assertThat(command.getValue().to()).isEqualTo(AgreementState.ACTIVE);
    assertThat(command.getValue().cause()).isEqualTo("SETTLEMENT_RESUMED");
  }

  @Test
  void closingLeavesAnotherCasesSettlementStopAlone() {
    stored("HOSPITAL", "INTERVIEW", null);
    agreement(AgreementState.SETTLEMENT_SUSPENDED);
    when(mapper.close(eq(NO), anyString(), any())).thenReturn(1);
    rectification.close(NO, "pi");
    verify(agreements, never()).transition(anyLong(), any());
  }

  private void agreement(AgreementState state) {
    when(agreements.find(1L)).thenReturn(new Agreement(1L, 7L, "huaibei", LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-12-31"), state, 0, null, 1L, null));
  }

  private void stored(String type, String measureClass, String referralKind) {
    when(mapper.find(NO)).thenReturn(new ViolationCase(1L, NO, "huaibei", "SMART_MONITORING", null, 7L, type, 1L,
        "GEN_OVERCHARGE", BigDecimal.ZERO, null, ViolationCase.DECIDING, null, null, null, null, false, referralKind,
        measureClass, "TERMINATION".equals(measureClass) ? "R-VIO-3" : "R-VIO-2", null, null, null,
        "RECTIFICATION".equals(measureClass) ? 30 : null, null, null, null, "pi", "zhangjing", null, null, null));
  }
}
