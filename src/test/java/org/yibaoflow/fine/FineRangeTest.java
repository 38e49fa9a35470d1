package org.yibaoflow.fine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibaoflow.platform.DomainRuleException;

/** R-VIO-10: 2 to 5 times the defrauded amount; 三假 fraud the maximum; decline reasons only from the list. */
class FineRangeTest {

  @Test
  void theRangeIsTwoToFiveTimesTheDefraudedAmount() {
    FineRange r = FineRange.of(new BigDecimal("12345.67"), false);
    // 2 x 12,345.67 and 5 x 12,345.67
    assertThat(r.min()).isEqualByComparingTo("24691.34");
    assertThat(r.max()).isEqualByComparingTo("61728.35");
    assertThat(r.check(new BigDecimal("24691.34"), "fineAmount")).isEqualByComparingTo("24691.34");
    assertThat(r.check(new BigDecimal("61728.35"), "fineAmount")).isEqualByComparingTo("61728.35");
    assertThat(r.text()).isEqualTo("24691.34 元至 61728.35 元");
  }

  @Test
  void sanJiaFraudGetsTheMaximumOnly() {
    FineRange r = FineRange.of(new BigDecimal("8000"), true);
    assertThat(r.min()).isEqualByComparingTo("40000").isEqualByComparingTo(r.max());
    assertThatThrownBy(() -> r.check(new BigDecimal("39999.99"), "fineAmount"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.field()).isEqualTo("fineAmount");
          assertThat(e.rule()).isEqualTo("R-VIO-10");
          assertThat(e.messageZh()).contains("40000.00", "三假");
        });
  }

  @Test
  void outsideTheRangeMissingOrTooPreciseIsRefusedNamingTheField() {
    FineRange r = FineRange.of(new BigDecimal("1000"), false);
    for (String bad : List.of("1999.99", "5000.01", "-1", "2000.001")) {
      assertThatThrownBy(() -> r.check(new BigDecimal(bad), "changedAmount")).as(bad)
          .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.field()).isEqualTo("changedAmount"));
    }
    assertThatThrownBy(() -> r.check(null, "fineAmount")).isInstanceOf(DomainRuleException.class)
        .hasMessageContaining("fineAmount");
  }

  @Test
  void declineReasonsComeFromTheList() {
    DeclineReasons reasons = new DeclineReasons();
    assertThat(reasons.all()).extracting(DeclineReasons.Reason::value).contains("FIRST_MINOR", "TIME_BARRED");
    assertThat(reasons.text(List.of("TIME_BARRED"))).contains("追责时效");
    assertThat(reasons.text("[\"FIRST_MINOR\",\"NO_FAULT\"]")).contains("初次违法", "主观过错");
    assertThatThrownBy(() -> reasons.text(List.of("BECAUSE"))).isInstanceOfSatisfying(DomainRuleException.class,
        e -> assertThat(e.field()).isEqualTo("declineReasons"));
    assertThatThrownBy(() -> reasons.text(List.of())).isInstanceOf(DomainRuleException.class);
  }
}
