package org.yibaoflow.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/** Public notice (R-DES-3), negotiation and online signing (R-DES-4), without a database. */
class PublicNoticeAndSigningServiceTest {

  static final String NO = "DA-2026-huaibei-000123";
  static final String CODE = "91340600MA2MTQ3R9A";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-22T02:00:00Z"), WorkingDayCalendar.ZONE);

  final DesignationMapper mapper = mock(DesignationMapper.class);
  final RegionSettingsService settings = mock(RegionSettingsService.class);
  final AuditService audit = mock(AuditService.class);
  final RuntimeService runtimeService = mock(RuntimeService.class);
  final RegionAccess regionAccess = mock(RegionAccess.class);
  final InstitutionService institutions = mock(InstitutionService.class);
  final AgreementService agreements = mock(AgreementService.class);
  final PublicNoticeService notice = new PublicNoticeService(mapper, settings, audit, runtimeService,
      mock(org.camunda.bpm.engine.ManagementService.class), mock(EngineAsApplication.class), regionAccess, CLOCK);
  final ApplicationLicences licences = mock(ApplicationLicences.class);
  final SigningService signing = new SigningService(mapper, institutions, agreements, settings, audit, CLOCK,
      licences);

  @Test
  void theNoticeCannotEndWhileAComplaintIsUnverified() {
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_PUBLIC_NOTICE));
    when(mapper.countOpenComplaints(NO)).thenReturn(1);

    assertThatThrownBy(() -> notice.closeNotice(NO)).isInstanceOf(DomainRuleException.class)
        .extracting("rule").isEqualTo("R-DES-3");
    verify(mapper, never()).transition(any(), any(), any(), any());
  }

  @Test
  void aComplaintOutsideTheNoticeIsAConflictAndAnotherRegionsApplicationIsNotFound() {
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_NEGOTIATION));
    when(regionAccess.canSee("huaibei")).thenReturn(true);
    assertThatThrownBy(() -> notice.fileComplaint(NO, "李某", "内容")).isInstanceOf(DomainRuleException.class)
        .extracting("rule").isEqualTo("R-DES-3");
    assertThatThrownBy(() -> notice.fileComplaint(NO, "李某", " ")).isInstanceOf(DomainRuleException.class)
        .extracting("field").isEqualTo("content");
    when(regionAccess.canSee("huaibei")).thenReturn(false);
    assertThatThrownBy(() -> notice.fileComplaint(NO, "李某", "内容")).isInstanceOf(DomainRuleException.class)
        .extracting("status").hasToString("404 NOT_FOUND");
    verifyNoInteractions(runtimeService);
  }

  @Test
  void aVerifiedComplaintKeepsItsConclusion() {
    when(mapper.complaint(7L)).thenReturn(complaint("UNFOUNDED"));
    when(mapper.countOpenComplaints(NO)).thenReturn(0);

    assertThat(notice.verifyComplaint(7L, false, "不属实", "zhangjing")).isZero();
    assertThatThrownBy(() -> notice.verifyComplaint(7L, true, "属实", "zhangjing"))
        .isInstanceOf(DomainRuleException.class).extracting("rule").isEqualTo("R-DES-3");
    verify(mapper, never()).verifyComplaint(anyLong(), any(), any(), any(), any());
  }

  @Test
  void onlyAFoundedComplaintFailsTheApplication() {
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_PUBLIC_NOTICE));
    when(mapper.complaint(7L)).thenReturn(complaint("UNFOUNDED"));
    assertThatThrownBy(() -> notice.failByComplaint(NO, 7L)).isInstanceOf(DomainRuleException.class);

    when(mapper.complaint(7L)).thenReturn(complaint("FOUNDED"));
    when(mapper.recordFailureReason(eq(NO), eq("PUBLIC_NOTICE"), eq("COMPLAINT_FOUNDED"), any(), any())).thenReturn(1);
    assertThat(notice.failByComplaint(NO, 7L)).isEqualTo("公示期间投诉经核实属实，不予定点：核实情况");
  }

  @Test
  void everyNegotiationRoundNeedsItsRecordAndABreakdownEndsTheNegotiation() {
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_NEGOTIATION));
    assertThatThrownBy(() -> signing.recordRound(NO, 1, new SigningService.Round("服务", "按项目", "标准", " ", "张静",
        "AGREED"), null)).isInstanceOf(DomainRuleException.class).extracting("field").isEqualTo("negotiationMinutes");
    assertThatThrownBy(() -> signing.recordRound(NO, 1, new SigningService.Round("服务", "按项目", "标准", "纪要", "张静",
        "MAYBE"), null)).isInstanceOf(DomainRuleException.class).extracting("rule").isEqualTo("R-DES-4");
    verify(mapper, never()).insertRound(any());

    assertThat(signing.recordRound(NO, 1, new SigningService.Round("服务", "按项目", "标准", "纪要", "张静",
        "BROKEN_DOWN"), null)).isEqualTo("BROKEN_DOWN");
    verify(mapper).transition(NO, List.of("NEGOTIATION"), "NEGOTIATION_BROKEN_DOWN",
        java.time.OffsetDateTime.now(CLOCK));
  }

  @Test
  void aRetriedRoundIsNotRecordedTwice() {
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_SIGNING));
    when(mapper.findRound(NO, 2)).thenReturn(new DesignationRecords.NegotiationRound(1L, NO, 2, "s", "p", "t", "m",
        "x", "AGREED", null, null));
    assertThat(signing.recordRound(NO, 2, new SigningService.Round("s", "p", "t", "m", "x", "AGREED"), null))
        .isEqualTo("AGREED");
    verify(mapper, never()).insertRound(any());
  }

  @Test
  void onlineSigningRegistersTheInstitutionAndSignsAnActiveAgreementForTheRegionsTerm() {
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_SIGNING));
    when(settings.value("huaibei", RegionSetting.AGREEMENT_TERM)).thenReturn(1);
    Institution registered = new Institution(9L, "huaibei", "H20260000123", "某医院", "HOSPITAL", CODE, null, null, null);
    when(institutions.register(any())).thenReturn(registered);
    // R-DES-1: the licences the application carried stay with the institution
    NewInstitution.NewLicence practice = new NewInstitution.NewLicence("PRACTICE", "PDY00001", LocalDate.of(2025, 1, 1),
        LocalDate.of(2030, 12, 31), false);
    when(licences.of(NO)).thenReturn(new ApplicationLicences.Declared(java.util.List.of(practice), java.util.List.of()));
    Agreement agreement = new Agreement(42L, 9L, "huaibei", LocalDate.of(2026, 9, 22), LocalDate.of(2027, 9, 21),
        AgreementState.ACTIVE, 0, null, 0L, null);
    when(agreements.sign(eq(9L), eq(LocalDate.of(2026, 9, 22)), eq(LocalDate.of(2027, 9, 21)), eq(AgreementState.ACTIVE),
        any(), eq("pi"))).thenReturn(agreement);

    assertThat(signing.signOnline(NO, "王院长", "陈敏", "pi").id()).isEqualTo(42L);

    verify(institutions).register(org.mockito.ArgumentMatchers.argThat((NewInstitution n) ->
        n.code().equals("H20260000123") && n.creditCode().equals(CODE) && n.region().equals("huaibei")
            && n.licences().equals(java.util.List.of(practice))));
    verify(mapper).insertSigning(new DesignationRecords.Signing(null, NO, "王院长", "陈敏", "ONLINE", 42L,
        java.time.OffsetDateTime.now(CLOCK)));
    verify(mapper).designate(eq(NO), eq(42L), any());
  }

  @Test
  void aRetriedSigningReturnsTheAgreementItCreated() {
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_DESIGNATED));
    when(mapper.signingOf(NO)).thenReturn(new DesignationRecords.Signing(1L, NO, "王院长", "陈敏", "ONLINE", 42L, null));
    Agreement agreement = new Agreement(42L, 9L, "huaibei", LocalDate.of(2026, 9, 22), LocalDate.of(2027, 9, 21),
        AgreementState.ACTIVE, 0, null, 0L, null);
    when(agreements.find(42L)).thenReturn(agreement);

    assertThat(signing.signOnline(NO, "王院长", "陈敏", "pi")).isSameAs(agreement);
    verify(agreements, never()).sign(anyLong(), any(), any(), any(), any(), any());
    verifyNoInteractions(institutions);
  }

  @Test
  void signingNeedsAnAgreedNegotiation() {
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_NEGOTIATION));
    assertThatThrownBy(() -> signing.signOnline(NO, "王院长", "陈敏", "pi")).isInstanceOf(DomainRuleException.class)
        .extracting("rule").isEqualTo("R-DES-4");
    verifyNoInteractions(agreements);
  }

  private static DesignationApplication app(String status) {
    return new DesignationApplication(1L, NO, "huaibei", "某医院", "HOSPITAL", CODE, "pi", status, null, null, null,
        null, null, null);
  }

  private static DesignationRecords.Complaint complaint(String status) {
    return new DesignationRecords.Complaint(7L, "ref", NO, "huaibei", null, "内容", status, "核实情况", null, null,
        null, "pi", null, null);
  }
}
