package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/** A person's own suspension until a date (R-PERS-6/7) and termination with a re-sign bar (R-PERS-2/8). */
class PersonOwnAgreementTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  final PersonnelMapper mapper = mock(PersonnelMapper.class);
  final AuditService audit = mock(AuditService.class);
  final PersonnelService service = new PersonnelService(mapper, mock(InstitutionService.class),
      mock(AgreementService.class), mock(RegionSettingsService.class), mock(RegionAccess.class), audit, CLOCK);

  void given(String state, boolean follows) {
    when(mapper.findAgreement(1L)).thenReturn(new PersonAgreement(1L, 2L, 3L, "淮北市人民医院", "huaibei", state,
        LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1), null, null, follows, null, 4L, null));
    when(mapper.updateAgreement(eq(1L), eq(4L), any(), any(), any(), any(Boolean.class), any())).thenReturn(1);
  }

  @Test
  void ownSuspensionHasAnEndDateAndTakesOverTheInstitutionsSuspension() {
    given("SUSPENDED", true);
    service.suspend(1L, TODAY.plusMonths(3), "R-PERS-6", "累计扣分7分，中止3个月", "pi-7");
    verify(mapper).updateAgreement(eq(1L), eq(4L), eq("SUSPENDED"), eq(TODAY.plusMonths(3)), any(), eq(false), any());
    ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
    verify(audit).record(entry.capture());
    assertThat(entry.getValue().ruleId()).isEqualTo("R-PERS-6");
    assertThat(entry.getValue().processInstanceId()).isEqualTo("pi-7");
    assertThat(entry.getValue().details()).contains("suspendedUntil=2026-06-10");
  }

  @Test
  void terminationCarriesTheBar() {
    given("ACTIVE", false);
    service.terminate(1L, TODAY.plusYears(1), "R-PERS-2", "年度测试不合格", null);
    verify(mapper).updateAgreement(eq(1L), eq(4L), eq("TERMINATED"), eq(null), eq(TODAY.plusYears(1)), eq(false),
        any());
  }

  @Test
  void refusalsChangeNothing() {
    given("TERMINATED", false);
    expect(() -> service.suspend(1L, TODAY.plusMonths(3), "R-PERS-6", "x", null), HttpStatus.CONFLICT, "state");
    expect(() -> service.terminate(1L, TODAY.plusYears(1), "R-PERS-8", "x", null), HttpStatus.CONFLICT, "state");
    given("ACTIVE", false);
    expect(() -> service.suspend(1L, TODAY, "R-PERS-6", "x", null), HttpStatus.BAD_REQUEST, "until");
    expect(() -> service.terminate(1L, null, "R-PERS-8", "x", null), HttpStatus.BAD_REQUEST, "barUntil");
    expect(() -> service.suspend(1L, TODAY.plusDays(1), "R-PERS-6", " ", null), HttpStatus.BAD_REQUEST, "reason");
    expect(() -> service.suspend(1L, TODAY.plusDays(1), "points", "x", null), HttpStatus.BAD_REQUEST, "ruleId");
    verify(mapper, never()).updateAgreement(anyLong(), anyLong(), any(), any(), any(), any(Boolean.class), any());
    verify(audit, never()).record(any());
  }

  @Test
  void aConcurrentChangeIsAConflict() {
    given("ACTIVE", false);
    when(mapper.updateAgreement(eq(1L), eq(4L), any(), any(), any(), any(Boolean.class), any())).thenReturn(0);
    expect(() -> service.suspend(1L, TODAY.plusMonths(6), "R-PERS-6", "x", null), HttpStatus.CONFLICT, "version");
    verify(audit, never()).record(any());
  }

  private static void expect(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, HttpStatus status,
      String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DomainRuleException.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.field()).isEqualTo(field);
    });
  }
}
