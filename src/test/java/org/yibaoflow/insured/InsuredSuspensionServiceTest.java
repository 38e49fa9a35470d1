package org.yibaoflow.insured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * R-VIO-12 for insured persons without the engine: the months inside the region's range (product default 3..12,
 * 条例第四十一条; a minimum set above the maximum counts as the maximum), the id number as GB 11643 has it, the day
 * the period's timer fires and which days a suspension covers.
 */
class InsuredSuspensionServiceTest {

  private final RegionSettingsService settings = mock(RegionSettingsService.class);
  private final InsuredSuspensionService service = new InsuredSuspensionService(null, null, null, settings, null, null,
      null, null, null, null);

  @Test
  void monthsOutsideTheRegionsRangeAreRefusedNamingTheField() {
    range(3, 12);
    assertThat(service.checkMonths("huaibei", 3, "months")).isEqualTo(3);
    assertThat(service.checkMonths("huaibei", 12, "months")).isEqualTo(12);
    for (Integer bad : new Integer[] {null, 2, 13, 0}) {
      assertThatThrownBy(() -> service.checkMonths("huaibei", bad, "months"))
          .isInstanceOfSatisfying(DomainRuleException.class, e -> {
            assertThat(e.field()).isEqualTo("months");
            assertThat(e.rule()).isEqualTo("R-VIO-12");
            assertThat(e.getMessage()).isNotBlank();
          });
    }
  }

  @Test
  void aRegionMayNarrowTheRangeAndAMinimumAboveTheMaximumCountsAsTheMaximum() {
    range(6, 9);
    assertThatThrownBy(() -> service.checkMonths("huaibei", 5, "changedMonths"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.field()).isEqualTo("changedMonths"));
    assertThat(service.checkMonths("huaibei", 9, "months")).isEqualTo(9);
    range(10, 4);
    assertThat(service.range("huaibei")).containsExactly(4, 4);
  }

  @Test
  void theIdNumberIsCheckedAsGb11643() {
    // 11010519491231002X: the standard's example, check character X
    assertThat(InsuredPersons.checkIdNumber(" 11010519491231002x ")).isEqualTo("11010519491231002X");
    for (String bad : new String[] {null, "", "110105194912310021", "11010519491331002X", "12345"}) {
      assertThatThrownBy(() -> InsuredPersons.checkIdNumber(bad))
          .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.field()).isEqualTo("idNumber"));
    }
  }

  @Test
  void theTimerFiresAtTheStartOfTheDayAfterTheLastDayBeijingTimeAndThePeriodIsCovered() {
    InsuredSuspension s = new InsuredSuspension(1L, "ZT-1", "huaibei", 1L, "WY-1", 6, "r", InsuredSuspension.SUSPENDED,
        LocalDate.parse("2026-09-24"), LocalDate.parse("2026-09-24"), LocalDate.parse("2027-03-23"), null, "pi", "u",
        null);
    assertThat(InsuredSuspensionService.endsAt(s).toInstant()).isEqualTo(Instant.parse("2027-03-23T16:00:00Z"));
    assertThat(s.covers(LocalDate.parse("2026-09-23"))).isFalse();
    assertThat(s.covers(LocalDate.parse("2026-09-24"))).isTrue();
    assertThat(s.covers(LocalDate.parse("2027-03-23"))).isTrue();
    assertThat(s.covers(LocalDate.parse("2027-03-24"))).isFalse();
    InsuredSuspension revoked = new InsuredSuspension(1L, "ZT-1", "huaibei", 1L, "WY-1", 6, "r",
        InsuredSuspension.REVOKED, LocalDate.parse("2026-09-24"), null, null, null, "pi", "u", null);
    assertThat(revoked.covers(LocalDate.parse("2026-10-01"))).isFalse();
  }

  private void range(int min, int max) {
    when(settings.value("huaibei", RegionSetting.INSURED_SUSPENSION_MIN_MONTHS)).thenReturn(min);
    when(settings.value("huaibei", RegionSetting.INSURED_SUSPENSION_MAX_MONTHS)).thenReturn(max);
  }
}
