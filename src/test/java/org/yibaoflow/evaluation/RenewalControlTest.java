package org.yibaoflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * R-EVA-5 kept by the server (the data's non-renewal case decides; the caseworker cannot remove it, a supervisor
 * can with a reason, audited) and R-EVA-2 timing (a non-renewal takes effect when the current period ends).
 */
class RenewalControlTest {

  static final String BK = "huaibei-2026-H00000000001";
  /** Monday 2026-11-02 10:00 Asia/Shanghai: the objection window of a result served now closes mid-November. */
  final Clock clock = Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"), WorkingDayCalendar.ZONE);
  final RenewalControlMapper mapper = mock(RenewalControlMapper.class);
  final AgreementService agreements = mock(AgreementService.class);
  final AuditService audit = mock(AuditService.class);
  final RenewalControl control = new RenewalControl(mapper, agreements, audit, clock);

  void stored(String required, String chosen, String overrideReason, LocalDate effectiveOn) {
    when(mapper.find(BK)).thenReturn(new RenewalControlMapper.Control(BK, "huaibei", required, chosen, overrideReason,
        overrideReason == null ? null : "chenmin", null, effectiveOn));
  }

  @Test
  void aRevokedLicenceDecidesWhateverTheCaseworkerChose() {
    stored("LICENCE_REVOKED", null, null, null);

    assertThat(control.choose(BK, "NONE")).isEqualTo("LICENCE_REVOKED");

    verify(audit).record(argThat(e -> "NON_RENEWAL_KEPT".equals(e.action()) && "R-EVA-5".equals(e.ruleId())));
    stored("LICENCE_REVOKED", "NONE", null, null);
    assertThat(control.decidingCase(BK)).isEqualTo("LICENCE_REVOKED");
  }

  @Test
  void withoutADataCaseTheCaseworkersChoiceDecides() {
    stored("NONE", null, null, null);
    assertThat(control.choose(BK, "LICENCE_LENDING")).isEqualTo("LICENCE_LENDING");
    verify(audit, never()).record(any());
  }

  @Test
  void onlyASupervisorWithAReasonSetsTheDataCaseAsideAudited() {
    stored("NO_SETTLEMENT", "NONE", null, null);
    assertThatThrownBy(() -> control.override(BK, " ", "chenmin")).isInstanceOfSatisfying(DomainRuleException.class,
        e -> assertThat(e.field()).isEqualTo("renewalOverrideReason"));
    verify(mapper, never()).override(any(), any(), any(), any());

    control.override(BK, "结算系统漏报，已核实全年有结算", "chenmin");

    verify(mapper).override(eq(BK), eq("结算系统漏报，已核实全年有结算"), eq("chenmin"), any());
    verify(audit).record(argThat(e -> "NON_RENEWAL_OVERRIDDEN".equals(e.action()) && "R-EVA-5".equals(e.ruleId())
        && e.details().contains("chenmin")));
    stored("NO_SETTLEMENT", "NONE", "结算系统漏报，已核实全年有结算", null);
    assertThat(control.decidingCase(BK)).isEqualTo("NONE");
  }

  @Test
  void aNonRenewalTakesEffectTheDayAfterThePeriodEndsNotWhenTheWindowCloses() {
    stored("NONE", "NONE", null, null);
    when(agreements.find(11L)).thenReturn(new Agreement(11L, 7L, "huaibei", LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-12-31"), AgreementState.ACTIVE, 0, OffsetDateTime.now(clock), 0L,
        OffsetDateTime.now(clock)));
    when(mapper.schedule(eq(BK), any(), any())).thenReturn(1);

    Date at = control.schedule(BK, 11L);

    assertThat(at).isEqualTo(Date.from(OffsetDateTime.parse("2027-01-01T00:00:00+08:00").toInstant()));
    verify(mapper).schedule(eq(BK), eq(LocalDate.parse("2027-01-01")), any());
    // the effect before that day is refused (a timer fired early changes nothing)
    stored("NONE", "NONE", null, LocalDate.parse("2027-01-01"));
    assertThatThrownBy(() -> control.requireEffective(BK)).isInstanceOfSatisfying(DomainRuleException.class,
        e -> assertThat(e.rule()).isEqualTo("R-EVA-2"));
  }

  @Test
  void aPeriodAlreadyOverTakesEffectToday() {
    stored("NONE", "NONE", null, null);
    when(agreements.find(11L)).thenReturn(new Agreement(11L, 7L, "huaibei", LocalDate.parse("2025-01-01"),
        LocalDate.parse("2025-12-31"), AgreementState.ACTIVE, 0, OffsetDateTime.now(clock), 0L,
        OffsetDateTime.now(clock)));
    when(mapper.schedule(eq(BK), any(), any())).thenReturn(1);
    assertThat(control.schedule(BK, 11L))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-02T00:00:00+08:00").toInstant()));
    stored("NONE", "NONE", null, LocalDate.parse("2026-11-02"));
    control.requireEffective(BK);
  }
}
