package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.yibaoflow.institution.AgreementState.ACTIVE;
import static org.yibaoflow.institution.AgreementState.EXPIRED;
import static org.yibaoflow.institution.AgreementState.SETTLEMENT_SUSPENDED;
import static org.yibaoflow.institution.AgreementState.SUSPENDED;
import static org.yibaoflow.institution.AgreementState.TERMINATED;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.yibaoflow.institution.AgreementTransitioned;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/** R-PERS-11: the personnel's agreements at an institution follow the institution's agreement. */
class PersonnelRippleTest {

  final PersonnelMapper mapper = mock(PersonnelMapper.class);
  final AuditService audit = mock(AuditService.class);
  final PersonnelRipple ripple = new PersonnelRipple(mapper, audit, Clock.systemUTC());

  static PersonAgreement pa(long id, String state, boolean follows) {
    return new PersonAgreement(id, 100 + id, 7L, "淮北市人民医院", "huaibei", state, LocalDate.of(2026, 1, 1),
        LocalDate.of(2028, 1, 1), null, null, follows, null, 3L, null);
  }

  @Test
  void followTable() {
    // suspension and termination of the institution [004 §三(四)]
    assertThat(PersonnelRipple.follow(pa(1, "ACTIVE", false), ACTIVE, SUSPENDED))
        .contains(new PersonnelRipple.Change("SUSPENDED", true));
    assertThat(PersonnelRipple.follow(pa(1, "ACTIVE", false), SUSPENDED, TERMINATED))
        .contains(new PersonnelRipple.Change("TERMINATED", true));
    assertThat(PersonnelRipple.follow(pa(1, "SUSPENDED", false), SUSPENDED, TERMINATED))
        .contains(new PersonnelRipple.Change("TERMINATED", true));
    // the institution resumes: only the suspensions it caused end
    assertThat(PersonnelRipple.follow(pa(1, "SUSPENDED", true), SUSPENDED, ACTIVE))
        .contains(new PersonnelRipple.Change("ACTIVE", false));
    assertThat(PersonnelRipple.follow(pa(1, "SUSPENDED", false), SUSPENDED, ACTIVE)).isEmpty();
    // an own suspension stays what it is when the institution is suspended too
    assertThat(PersonnelRipple.follow(pa(1, "SUSPENDED", false), ACTIVE, SUSPENDED)).isEmpty();
    assertThat(PersonnelRipple.follow(pa(1, "TERMINATED", false), ACTIVE, TERMINATED)).isEmpty();
    // settlement suspension, expiry: not "中止或解除"
    assertThat(PersonnelRipple.follow(pa(1, "ACTIVE", false), ACTIVE, SETTLEMENT_SUSPENDED)).isEmpty();
    assertThat(PersonnelRipple.follow(pa(1, "ACTIVE", false), ACTIVE, EXPIRED)).isEmpty();
  }

  @Test
  void everyPersonFollowsAndIsAuditedWithTheCase() {
    when(mapper.agreementsAt(7L)).thenReturn(List.of(pa(1, "ACTIVE", false), pa(2, "ACTIVE", false),
        pa(3, "TERMINATED", false)));
    when(mapper.updateAgreement(anyLong(), anyLong(), any(), any(), any(), anyBoolean(), any())).thenReturn(1);
    ripple.onTransition(new AgreementTransitioned(50L, 7L, "huaibei", ACTIVE, SUSPENDED, "VIOLATION", "R-VIO-2",
        "违规", "pi-9"));
    verify(mapper).updateAgreement(eq(1L), eq(3L), eq("SUSPENDED"), any(), any(), eq(true), any());
    verify(mapper).updateAgreement(eq(2L), eq(3L), eq("SUSPENDED"), any(), any(), eq(true), any());
    ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
    verify(audit, times(2)).record(entries.capture());
    assertThat(entries.getAllValues()).allSatisfy(e -> {
      assertThat(e.ruleId()).isEqualTo("R-PERS-11");
      assertThat(e.processInstanceId()).isEqualTo("pi-9");
      assertThat(e.reason()).contains("违规");
      assertThat(e.toState()).isEqualTo("SUSPENDED");
    });
  }

  @Test
  void aConcurrentChangeOfOnePersonFailsTheWholeTransition() {
    when(mapper.agreementsAt(7L)).thenReturn(List.of(pa(1, "ACTIVE", false), pa(2, "ACTIVE", false)));
    when(mapper.updateAgreement(eq(1L), anyLong(), any(), any(), any(), anyBoolean(), any())).thenReturn(1);
    when(mapper.updateAgreement(eq(2L), anyLong(), any(), any(), any(), anyBoolean(), any())).thenReturn(0);
    assertThatThrownBy(() -> ripple.onTransition(new AgreementTransitioned(50L, 7L, "huaibei", ACTIVE, TERMINATED,
        "FRAUD", "R-VIO-3", "骗保", null))).isInstanceOfSatisfying(DomainRuleException.class,
        e -> assertThat(e.rule()).isEqualTo("R-PERS-11"));
    // the exception leaves the transaction to roll back the first person and the institution's change
    verify(audit, times(1)).record(any());
  }

  @Test
  void nothingToDoForSettlementSuspension() {
    when(mapper.agreementsAt(7L)).thenReturn(List.of(pa(1, "ACTIVE", false)));
    ripple.onTransition(new AgreementTransitioned(50L, 7L, "huaibei", ACTIVE, SETTLEMENT_SUSPENDED, "SERIOUS_RISK",
        "R-VIO-6", "风险", null));
    verify(mapper, never()).updateAgreement(anyLong(), anyLong(), any(), any(), any(), anyBoolean(), any());
  }
}
