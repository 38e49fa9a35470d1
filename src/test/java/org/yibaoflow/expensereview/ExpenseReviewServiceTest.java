package org.yibaoflow.expensereview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.DomainRuleException;

/** R-VIO-13 [000 §二(二)]: the sample's size and reproducibility, the minimum ratio, the scaled refusal. */
class ExpenseReviewServiceTest {

  static final List<Long> POPULATION = LongStream.rangeClosed(1, 1_001).boxed().toList();

  @Test
  void theSampleIsAtLeastTheRatioOfThePopulationAndTheSameSeedDrawsTheSameClaims() {
    List<Long> drawn = ExpenseReviewService.draw(POPULATION, new BigDecimal("0.05"), 42L);
    // 5 % of 1,001 is 50.05: at least the ratio means 51 claims
    assertThat(drawn).hasSize(51).doesNotHaveDuplicates().allMatch(POPULATION::contains).isSorted();
    assertThat(ExpenseReviewService.draw(POPULATION, new BigDecimal("0.05"), 42L)).isEqualTo(drawn);
    assertThat(ExpenseReviewService.draw(POPULATION, new BigDecimal("0.05"), 43L)).isNotEqualTo(drawn);
    assertThat(ExpenseReviewService.draw(List.of(), new BigDecimal("0.05"), 42L)).isEmpty();
    assertThat(ExpenseReviewService.draw(List.of(7L), new BigDecimal("0.05"), 42L)).containsExactly(7L);
    assertThat(ExpenseReviewService.draw(POPULATION, BigDecimal.ONE, 1L)).isEqualTo(POPULATION);
  }

  @Test
  void violationsInTheSampleAreRefusedScaledByTheRatioThoseOfTheScreeningAsFound() {
    var sample = new ExpenseReviewMapper.Found("H1", ExpenseReviewService.SAMPLE, 2, new BigDecimal("300"),
        new BigDecimal("1000000"));
    ClaimBatch.Refusal scaled = ExpenseReviewService.refusal(sample, new BigDecimal("0.0500"), "GEN_OVERCHARGE");
    // 300 found in a 5 % sample stands for 300 / 0.05 = 6,000
    assertThat(scaled.refusedAmount()).isEqualByComparingTo("6000");
    assertThat(scaled.ratio()).isEqualByComparingTo("0.05");
    // never more than the claims the sample stood for
    var small = new ExpenseReviewMapper.Found("H1", ExpenseReviewService.SAMPLE, 1, new BigDecimal("300"),
        new BigDecimal("4000"));
    assertThat(ExpenseReviewService.refusal(small, new BigDecimal("0.05"), "X").refusedAmount())
        .isEqualByComparingTo("4000");
    var screening = new ExpenseReviewMapper.Found("H1", ExpenseReviewService.SCREENING, 1, new BigDecimal("1234.5"),
        new BigDecimal("1234.5"));
    ClaimBatch.Refusal asFound = ExpenseReviewService.refusal(screening, new BigDecimal("0.05"), "X");
    assertThat(asFound.refusedAmount()).isEqualByComparingTo("1234.50");
    assertThat(asFound.ratio()).isEqualByComparingTo("1");
  }

  @Test
  void aRatioBelowTheRegionsMinimumIsRefusedNamingTheFieldAndRule() {
    RegionSettingsService settings = mock(RegionSettingsService.class);
    when(settings.value("huaibei", RegionSetting.SECOND_REVIEW_SAMPLE_MINIMUM)).thenReturn(5);
    when(settings.value("jining", RegionSetting.SECOND_REVIEW_SAMPLE_MINIMUM)).thenReturn(8);
    ExpenseBatchService service = new ExpenseBatchService(null, null, null, settings, null, null, null, null, null,
        null);
    assertThat(service.ratio("huaibei", null)).isEqualByComparingTo("0.05");
    assertThat(service.ratio("huaibei", new BigDecimal("5"))).isEqualByComparingTo("0.05");
    assertThat(service.ratio("huaibei", new BigDecimal("12.5"))).isEqualByComparingTo("0.125");
    for (String bad : List.of("4.99", "1", "100.01", "5.001")) {
      assertThatThrownBy(() -> service.ratio("huaibei", new BigDecimal(bad))).isInstanceOfSatisfying(
          DomainRuleException.class, e -> {
            assertThat(e.field()).isEqualTo("sampleRatioPercent");
            assertThat(e.rule()).isEqualTo("R-VIO-13");
          });
    }
    // a stricter region: 6 % is below its 8 %
    assertThatThrownBy(() -> service.ratio("jining", new BigDecimal("6"))).isInstanceOf(DomainRuleException.class);
    assertThat(service.ratio("jining", null)).isEqualByComparingTo("0.08");
  }
}
