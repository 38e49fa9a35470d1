package org.yibaoflow.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/** Suspension count and threshold per region (R-VIO-5), the ban on termination (R-VIO-9), the lock. */
class AgreementServiceTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZONE);
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  final FakeAgreements mapper = new FakeAgreements();
  final InstitutionService institutions = mock(InstitutionService.class);
  final RegionSettingsService settings = mock(RegionSettingsService.class);
  final AuditService audit = mock(AuditService.class);
  final List<AgreementTransitioned> events = new ArrayList<>();
  AgreementService service;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() {
    ObjectProvider<AgreementTransitionListener> listeners = mock(ObjectProvider.class);
    when(listeners.orderedStream()).thenAnswer(i -> Stream.of((AgreementTransitionListener) events::add));
    service = new AgreementService(mapper, institutions, settings, audit, CLOCK, listeners);
    when(institutions.find(1L)).thenReturn(new Institution(1L, "huaibei", "H34060000001", "淮北市人民医院", "HOSPITAL",
        "12340600485950026U", "三级甲等", null, null));
    when(settings.value(anyString(), eq(RegionSetting.TERMINATION_BAN))).thenReturn(3);
  }

  private void threshold(int n) {
    when(settings.value(anyString(), eq(RegionSetting.SUSPENSION_TERMINATION_THRESHOLD))).thenReturn(n);
  }

  private TransitionResult suspend(long id) {
    return service.transition(id, new TransitionCommand(AgreementState.SUSPENDED, "VIOLATION", "R-VIO-2", "违规", "pi-1"));
  }

  private TransitionResult rectify(long id) {
    return service.transition(id, new TransitionCommand(AgreementState.ACTIVE, "RECTIFIED", "R-VIO-2", "已整改", "pi-1"));
  }

  @Test
  void threeSuspensionsTerminateWhereTheThresholdIsThree() {
    threshold(3);
    long id = mapper.add(AgreementState.ACTIVE, 0);
    suspend(id);
    rectify(id);
    suspend(id);
    rectify(id);
    assertThat(mapper.find(id).suspensionCount()).isEqualTo(2);
    TransitionResult third = suspend(id);
    assertThat(third.applied()).extracting(TransitionResult.Applied::to)
        .containsExactly(AgreementState.SUSPENDED, AgreementState.TERMINATED);
    assertThat(third.applied().get(1).ruleId()).isEqualTo("R-VIO-5");
    assertThat(third.agreement().state()).isEqualTo(AgreementState.TERMINATED);
    assertThat(third.agreement().suspensionCount()).isEqualTo(3);
    verify(institutions).ban(any(), any(), eq(TODAY), eq(3), anyString(), eq("pi-1"));
  }

  @Test
  void twoSuspensionsTerminateWhereTheThresholdIsTwo() {
    threshold(2);
    long id = mapper.add(AgreementState.ACTIVE, 0);
    assertThat(suspend(id).applied()).hasSize(1);
    rectify(id);
    TransitionResult second = suspend(id);
    assertThat(second.agreement().state()).isEqualTo(AgreementState.TERMINATED);
    assertThat(events).extracting(AgreementTransitioned::to).containsExactly(AgreementState.SUSPENDED,
        AgreementState.ACTIVE, AgreementState.SUSPENDED, AgreementState.TERMINATED);
    // every step audited: 4 transitions
    verify(audit, times(4)).record(any());
  }

  @Test
  void suspensionOnRequestDoesNotCount() {
    threshold(2);
    long id = mapper.add(AgreementState.ACTIVE, 1);
    TransitionResult r = service.transition(id, new TransitionCommand(AgreementState.SUSPENDED,
        AgreementStateMachine.ON_REQUEST, "R-EVA-5", "机构申请", null));
    assertThat(r.agreement().state()).isEqualTo(AgreementState.SUSPENDED);
    assertThat(r.agreement().suspensionCount()).isEqualTo(1);
  }

  @Test
  void terminationForTheSuspensionLimitNeedsTheCount() {
    threshold(3);
    long id = mapper.add(AgreementState.SUSPENDED, 1);
    assertThatThrownBy(() -> service.transition(id, new TransitionCommand(AgreementState.TERMINATED,
        AgreementStateMachine.SUSPENSION_LIMIT, "R-VIO-5", "已达上限", null)))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(e.rule()).isEqualTo("R-VIO-5");
        });
    assertThat(mapper.find(id).state()).isEqualTo(AgreementState.SUSPENDED);
    verify(audit, never()).record(any());
  }

  @Test
  void aLoweredThresholdTerminatesAtTheNextSuspension() {
    // the region changed 3 -> 2 while the agreement already had 2 suspensions
    threshold(2);
    long id = mapper.add(AgreementState.ACTIVE, 2);
    assertThat(suspend(id).agreement().state()).isEqualTo(AgreementState.TERMINATED);
  }

  @Test
  void aStaleVersionIsAConflictAndNothingIsAudited() {
    threshold(3);
    long id = mapper.add(AgreementState.ACTIVE, 0);
    mapper.failNextUpdate = true;
    assertThatThrownBy(() -> suspend(id)).isInstanceOfSatisfying(DomainRuleException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(e.rule()).isEqualTo("CONCURRENCY");
    });
    verify(audit, never()).record(any());
    assertThat(events).isEmpty();
  }

  @Test
  void aReasonIsMandatory() {
    long id = mapper.add(AgreementState.ACTIVE, 0);
    assertThatThrownBy(() -> service.transition(id, new TransitionCommand(AgreementState.SUSPENDED, "VIOLATION",
        "R-VIO-2", " ", null))).isInstanceOfSatisfying(DomainRuleException.class,
        e -> assertThat(e.field()).isEqualTo("reason"));
    verify(settings, never()).value(anyString(), any());
    verify(institutions, never()).ban(any(), any(), any(), anyInt(), any(), any());
  }

  @Test
  void theBanLastsThreeYearsToTheDay() {
    // R-VIO-9: 3 years; a termination on 29 February ends on 28 February
    assertThat(InstitutionService.bannedUntil(LocalDate.of(2026, 3, 10), 3)).isEqualTo(LocalDate.of(2029, 3, 10));
    assertThat(InstitutionService.bannedUntil(LocalDate.of(2024, 2, 29), 3)).isEqualTo(LocalDate.of(2027, 2, 28));
    Ban ban = new Ban(1L, 1L, 1L, "huaibei", "x", LocalDate.of(2026, 3, 10), LocalDate.of(2029, 3, 10), "R-VIO-9");
    assertThat(ban.appliesOn(LocalDate.of(2026, 3, 10))).isTrue();
    assertThat(ban.appliesOn(LocalDate.of(2029, 3, 9))).isTrue();
    assertThat(ban.appliesOn(LocalDate.of(2029, 3, 10))).isFalse();
  }

  /** An in-memory agreement table with the optimistic lock of the real one. */
  static class FakeAgreements implements AgreementMapper {
    final Map<Long, Agreement> rows = new HashMap<>();
    boolean failNextUpdate;
    long next = 1;

    long add(AgreementState state, int count) {
      long id = next++;
      rows.put(id, new Agreement(id, 1L, "huaibei", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), state, count,
          OffsetDateTime.now(CLOCK), 0L, OffsetDateTime.now(CLOCK)));
      return id;
    }

    @Override
    public void insert(Agreement agreement) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Agreement find(long id) {
      return rows.get(id);
    }

    @Override
    public Agreement findByPeriod(long institutionId, LocalDate periodStart) {
      return null;
    }

    @Override
    public List<Agreement> byInstitution(long institutionId) {
      return List.copyOf(rows.values());
    }

    @Override
    public int updateState(long id, long expectedVersion, AgreementState state, int suspensionCount,
        OffsetDateTime stateSince) {
      Agreement a = rows.get(id);
      if (failNextUpdate || a.version() != expectedVersion) {
        failNextUpdate = false;
        return 0;
      }
      rows.put(id, new Agreement(id, a.institutionId(), a.region(), a.periodStart(), a.periodEnd(), state,
          suspensionCount, stateSince, a.version() + 1, a.createdAt()));
      return 1;
    }
  }
}
