package org.yibaoflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.yibaoflow.platform.DomainRuleException;

/** Amounts of a decision: recovery, refusal scaled by the sampling ratio (R-VIO-13), fine 2-5x (R-VIO-10). */
class MeasureAmountsTest {

  @Test
  void aViolationFoundInAFivePercentSampleIsRefusedTwentyTimes() {
    var a = MeasureAmounts.compute(new BigDecimal("1000"), new BigDecimal("1234.50"), new BigDecimal("0.05"), false,
        false, null);
    assertThat(a.refusal()).isEqualByComparingTo("24690.00");
    assertThat(a.recovery()).isEqualByComparingTo("1000.00");
    assertThat(a.fine()).isEqualByComparingTo("0");
    assertThat(a.fineMultiple()).isNull();
  }

  @Test
  void fraudIsFinedTwiceByDefaultOrAsProposedAndSanJiaFraudFiveTimes() {
    assertThat(MeasureAmounts.compute(new BigDecimal("10000"), null, null, true, false, null).fine())
        .isEqualByComparingTo("20000");
    assertThat(MeasureAmounts.compute(new BigDecimal("10000"), null, null, true, false, 3).fine())
        .isEqualByComparingTo("30000");
    var sanJia = MeasureAmounts.compute(new BigDecimal("10000"), null, null, true, true, 2);
    assertThat(sanJia.fine()).isEqualByComparingTo("50000");
    assertThat(sanJia.fineMultiple()).isEqualTo(5);
  }

  @Test
  void badAmountsAre400sNamingTheRule() {
    assertThatThrownBy(() -> MeasureAmounts.compute(new BigDecimal("-1"), null, null, false, false, null))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.field()).isEqualTo("defraudedAmount"));
    assertThatThrownBy(() -> MeasureAmounts.compute(null, BigDecimal.TEN, null, false, false, null))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.rule()).isEqualTo("R-VIO-13"));
    assertThatThrownBy(() -> MeasureAmounts.compute(null, BigDecimal.TEN, new BigDecimal("1.5"), false, false, null))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.field()).isEqualTo("samplingRatio"));
    assertThatThrownBy(() -> MeasureAmounts.compute(BigDecimal.TEN, null, null, true, false, 6))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.rule()).isEqualTo("R-VIO-10"));
  }
}
