package org.yibaoflow.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.yibaoflow.institution.Eligibility;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.EngineUser;
import org.yibaoflow.platform.RegionAccess;

/** Rules of DesignationService without a database: eligibility (R-DES-1, R-VIO-9) and evaluation (R-DES-2). */
class DesignationServiceTest {

  static final String NO = "DA-2026-huaibei-000001";
  static final String CODE = "91340600MA2MTQ3R9A";
  /** 2026-09-22 00:30 Asia/Shanghai is still 2026-09-21 in UTC: the check uses the Chinese date. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-21T16:30:00Z"), ZoneOffset.UTC);
  static final LocalDate TODAY = LocalDate.of(2026, 9, 22);

  final DesignationMapper mapper = mock(DesignationMapper.class);
  final InstitutionService institutions = mock(InstitutionService.class);
  final AuditService audit = mock(AuditService.class);
  final RuntimeService runtimeService = mock(RuntimeService.class);
  final RegionAccess regionAccess = mock(RegionAccess.class);
  final DesignationPlanMapper plans = mock(DesignationPlanMapper.class);
  final ApplicationLicences licences = mock(ApplicationLicences.class);
  final DesignationService service = new DesignationService(mapper, institutions, mock(RegionSettingsService.class),
      audit, runtimeService, mock(org.camunda.bpm.engine.ManagementService.class), mock(EngineAsApplication.class),
      regionAccess, mock(CaseNumbers.class),
      new DesignationPlanService(plans, regionAccess, audit, CLOCK), licences, CLOCK);

  @org.junit.jupiter.api.BeforeEach
  void theRegionHasAPlanInForceAndCaseRegionsAreChosenAsInProduction() {
    when(regionAccess.caseRegion(org.mockito.ArgumentMatchers.any())).thenCallRealMethod();
    // R-DES-5: the regions of these tests accept new designations unless a test says otherwise
    when(plans.inForce("huaibei", TODAY)).thenReturn(List.of(new DesignationPlan(1L, "huaibei", "淮北市资源配置规划",
        "淮医保〔2025〕1号", TODAY.minusYears(1), null, "demo", null)));
    // R-DES-1: the applications of these tests carry the licences their type needs, valid (ApplicationLicencesTest)
    when(licences.of(org.mockito.ArgumentMatchers.any())).thenReturn(new ApplicationLicences.Declared(List.of(
        new org.yibaoflow.institution.NewInstitution.NewLicence("PRACTICE", "P1", TODAY.minusYears(1), null, false),
        new org.yibaoflow.institution.NewInstitution.NewLicence("DRUG_TRADING", "D1", TODAY.minusYears(1), null,
            false)), List.of()));
  }

  @Test
  void aRegionWithoutAResourcePlanInForceRefusesInWritingUnderRdes5() {
    when(plans.inForce("huaibei", TODAY)).thenReturn(List.of());
    when(mapper.findByApplicationNo(NO)).thenReturn(application(DesignationApplication.STATUS_RECEIVED));
    when(institutions.eligibility(CODE, TODAY)).thenReturn(new Eligibility(CODE, TODAY, true, null, List.of()));

    assertThat(service.checkEligibility(NO)).isFalse();

    verify(mapper).refuse(eq(NO), eq("R-DES-5"),
        eq("不予受理定点申请：本统筹地区定点医药机构资源配置规划未出台实施，暂停新增定点医药机构（R-DES-5）"), any());
  }

  @Test
  void anIneligibleApplicationIsRefusedNamingTheBanBeforeOtherFindings() {
    when(mapper.findByApplicationNo(NO)).thenReturn(application(DesignationApplication.STATUS_RECEIVED));
    when(institutions.eligibility(CODE, TODAY)).thenReturn(new Eligibility(CODE, TODAY, false, TODAY.plusYears(3),
        List.of(new Eligibility.Finding("R-VIO-9", "BANNED", "被解除协议的机构 3 年内不得申请定点", "banned"),
            new Eligibility.Finding("R-DES-1", "LICENCE_INVALID", "证照 X 已被吊销", "revoked"))));

    assertThat(service.checkEligibility(NO)).isFalse();

    verify(mapper).refuse(eq(NO), eq("R-VIO-9"),
        eq("不予受理定点申请：被解除协议的机构 3 年内不得申请定点（R-VIO-9）；证照 X 已被吊销（R-DES-1）"), any());
  }

  @Test
  void aRetriedCheckOfARefusedApplicationChangesNothing() {
    when(mapper.findByApplicationNo(NO)).thenReturn(application(DesignationApplication.STATUS_REFUSED));

    assertThat(service.checkEligibility(NO)).isFalse();

    verifyNoInteractions(institutions, audit);
    verify(mapper, never()).refuse(anyString(), anyString(), anyString(), any());
  }

  @Test
  void theEvaluationNeedsAScoreAConclusionAndAnOpinion() {
    when(mapper.findByApplicationNo(NO)).thenReturn(application(DesignationApplication.STATUS_ACCEPTED));

    assertThatThrownBy(() -> service.recordEvaluation(NO, 101, "PASS", "好", true))
        .isInstanceOf(DomainRuleException.class).extracting("field").isEqualTo("expertScore");
    assertThatThrownBy(() -> service.recordEvaluation(NO, 80, "MAYBE", "好", true))
        .isInstanceOf(DomainRuleException.class).extracting("field").isEqualTo("expertResult");
    assertThatThrownBy(() -> service.recordEvaluation(NO, 80, "PASS", " ", true))
        .isInstanceOf(DomainRuleException.class).extracting("field").isEqualTo("expertOpinion");
    verify(mapper, never()).updateStatus(anyString(), anyString(), anyString(), any(), any());
  }

  @Test
  void anExpertPassDoesNotPassTheEvaluationWhenTheSystemCheckFoundAProblem() {
    when(mapper.findByApplicationNo(NO)).thenReturn(application(DesignationApplication.STATUS_UNDER_EVALUATION));
    when(mapper.updateStatus(eq(NO), eq("UNDER_EVALUATION"), eq("EVALUATION_FAILED"), any(), any())).thenReturn(1);

    assertThat(service.recordEvaluation(NO, 90, "PASS", "符合评估标准", false)).isFalse();
  }

  @Test
  void anAdverseDepartmentReplyFailsTheEvaluationEvenWhenExpertAndSystemPass() {
    // R-DES-2: expert evaluation, system check and written inquiries together
    when(mapper.findByApplicationNo(NO)).thenReturn(application(DesignationApplication.STATUS_UNDER_EVALUATION));
    when(mapper.inquiries(NO, 0)).thenReturn(List.of(new DesignationRecords.Inquiry(1L, NO, 0, "DRUG",
        "药品储存不规范", true, null, null)));
    when(mapper.updateStatus(eq(NO), eq("UNDER_EVALUATION"), eq("EVALUATION_FAILED"), any(), any())).thenReturn(1);

    assertThat(service.recordEvaluation(NO, 90, "PASS", "符合评估标准", true)).isFalse();
  }

  @Test
  void anExpertPassWithCleanChecksPassesTheEvaluation() {
    when(mapper.findByApplicationNo(NO)).thenReturn(application(DesignationApplication.STATUS_UNDER_EVALUATION));
    when(mapper.inquiries(NO, 0)).thenReturn(List.of(new DesignationRecords.Inquiry(1L, NO, 0, "HEALTH",
        "无违法违规记录", false, null, null)));
    when(mapper.updateStatus(eq(NO), eq("UNDER_EVALUATION"), eq("EVALUATION_PASSED"), any(), any())).thenReturn(1);

    assertThat(service.recordEvaluation(NO, 90, "PASS", "符合评估标准", true)).isTrue();
  }

  @Test
  void aBarAfterAFailedReEvaluationRefusesTheApplicationInWritingUnderRdes1() {
    when(mapper.findByApplicationNo(NO)).thenReturn(application(DesignationApplication.STATUS_RECEIVED));
    when(institutions.eligibility(CODE, TODAY)).thenReturn(new Eligibility(CODE, TODAY, true, null, List.of()));
    when(mapper.barsByCreditCode(CODE)).thenReturn(List.of(new DesignationRecords.Bar(1L, "DA-2025-huaibei-000009",
        "huaibei", CODE, TODAY.minusMonths(2), TODAY.plusMonths(10), "R-DES-1")));

    assertThat(service.checkEligibility(NO)).isFalse();

    verify(mapper).refuse(eq(NO), eq("R-DES-1"), org.mockito.ArgumentMatchers.contains("再次评估不通过（申请 DA-2025-huaibei-000009）"),
        any());
  }

  @Test
  void anExpiredBarNoLongerRefuses() {
    when(mapper.findByApplicationNo(NO)).thenReturn(application(DesignationApplication.STATUS_RECEIVED));
    when(institutions.eligibility(CODE, TODAY)).thenReturn(new Eligibility(CODE, TODAY, true, null, List.of()));
    // "1 年内": the bar ends on its until-date (exclusive)
    when(mapper.barsByCreditCode(CODE)).thenReturn(List.of(new DesignationRecords.Bar(1L, "DA-2025-huaibei-000009",
        "huaibei", CODE, TODAY.minusYears(1), TODAY, "R-DES-1")));

    assertThat(service.checkEligibility(NO)).isTrue();
    verify(mapper, never()).refuse(anyString(), anyString(), anyString(), any());
  }

  @Test
  void acceptedMaterialNeedsAtLeastOneKnownDepartmentForTheInquiries() {
    assertThatThrownBy(() -> service.recordAcceptance(NO, true, null, List.of()))
        .isInstanceOf(DomainRuleException.class).extracting("field", "rule")
        .containsExactly("inquiryDepartments", "R-DES-2");
    assertThatThrownBy(() -> service.recordAcceptance(NO, true, null, List.of("HEALTH", "POLICE")))
        .isInstanceOf(DomainRuleException.class).extracting("field").isEqualTo("inquiryDepartments");
    verify(mapper, never()).updateStatus(anyString(), anyString(), anyString(), any(), any());
    assertThat(EvaluationService.inquiryDepartments(List.of("MARKET", "HEALTH", "MARKET")))
        .containsExactly("MARKET", "HEALTH");
  }

  @Test
  void aCreditCodeWithAWrongCheckCharacterIsRefusedAtTheDoor() {
    when(regionAccess.canSee("huaibei")).thenReturn(true);
    assertThatThrownBy(() -> service.apply("huaibei", "某医院", "HOSPITAL", "12340600MB7654321X"))
        .isInstanceOf(DomainRuleException.class).extracting("field").isEqualTo("creditCode");
    verifyNoInteractions(runtimeService);
  }

  @Test
  void aUserOfSeveralRegionsMustNameTheRegion() {
    when(regionAccess.visibleRegions()).thenReturn(List.of("huaibei", "jining"));
    when(regionAccess.currentUser()).thenReturn(new EngineUser("wuhao", List.of(), List.of("huaibei", "jining")));

    assertThatThrownBy(() -> service.apply(null, "某医院", "HOSPITAL", "12340600MB7654321X"))
        .isInstanceOf(DomainRuleException.class).extracting("field").isEqualTo("region");
    verifyNoInteractions(runtimeService, institutions);
  }

  private static DesignationApplication application(String status) {
    return new DesignationApplication(1L, NO, "huaibei", "淮北百姓缘大药房连锁有限公司", "PHARMACY", CODE, "pi", status, null,
        null, null, null, null, null);
  }
}
