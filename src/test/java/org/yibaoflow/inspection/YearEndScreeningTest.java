package org.yibaoflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.yibaoflow.platform.DomainRuleException;

/** The abnormal indicators of the year-end screening (R-VIO-14 [000 §二(三)]) and the review's input. */
class YearEndScreeningTest {

  static InspectionMapper.Volumes volumes(String previous, String current) {
    return new InspectionMapper.Volumes(1, "H1", "医院", "HOSPITAL", current == null ? null : new BigDecimal(current),
        previous == null ? null : new BigDecimal(previous));
  }

  @Test
  void paymentsGrowingByMoreThanThirtyPercentAreAbnormal() {
    assertThat(YearEndScreening.indicators(volumes("1000000", "1300001"), false)).hasSize(1).first().asString()
        .contains("增长超过 30%");
    // exactly 30 % is not more than 30 %
    assertThat(YearEndScreening.indicators(volumes("1000000", "1300000"), false)).isEmpty();
    // no payments last year: no growth to measure
    assertThat(YearEndScreening.indicators(volumes(null, "5000000"), false)).isEmpty();
    assertThat(YearEndScreening.indicators(volumes("0", "5000000"), false)).isEmpty();
  }

  @Test
  void aSmartMonitoringCaseOfTheYearIsAbnormal() {
    assertThat(YearEndScreening.indicators(volumes(null, null), true)).containsExactly("本年度智能监控发现疑点并已立案");
    assertThat(YearEndScreening.indicators(volumes("100", "200"), true)).hasSize(2);
  }

  @Test
  void theReviewNeedsAVerdictAndANote() {
    assertThatThrownBy(() -> YearEndScreening.check(null, "意见")).isInstanceOf(DomainRuleException.class)
        .extracting(e -> ((DomainRuleException) e).field()).isEqualTo("materialsPassed");
    assertThatThrownBy(() -> YearEndScreening.check(true, " ")).isInstanceOf(DomainRuleException.class)
        .extracting(e -> ((DomainRuleException) e).rule()).isEqualTo("R-VIO-14");
    YearEndScreening.check(false, "不能说明");
  }
}
