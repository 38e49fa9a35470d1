package org.yibaoflow.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibaoflow.platform.DomainRuleException;

/** The rules a supplement to a designation application is received under, in Tasklist and through /api (R-DES-1). */
class SupplementReceiptTest {

  static final List<String> MISSING = SupplementReceipt.missingItems("执业许可证副本；房屋产权证明\n1. 消防验收意见书");
  static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 22);
  static final LocalDate TODAY = LocalDate.of(2026, 10, 12);

  @Test
  void theMissingListToldOnceIsSplitIntoItsItems() {
    assertThat(MISSING).containsExactly("执业许可证副本", "房屋产权证明", "消防验收意见书");
    assertThat(SupplementReceipt.missingItems("营业执照、营业执照，药师证")).containsExactly("营业执照", "药师证");
    assertThat(SupplementReceipt.missingItems(null)).isEmpty();
  }

  @Test
  void someOrAllOfTheMissingMaterialsReceivedWithinThePeriodAreAccepted() {
    new SupplementReceipt(List.of("房屋产权证明"), TODAY, "其余另行补交").check(MISSING, LAST_DAY, TODAY);
    new SupplementReceipt(MISSING, TODAY, null).check(MISSING, LAST_DAY, LAST_DAY);
  }

  @Test
  void aMaterialNotToldMissingOrNoneAtAllIsRefused() {
    assertRefused(new SupplementReceipt(List.of("营业执照"), TODAY, null), "materials", "R-DES-1");
    assertRefused(new SupplementReceipt(List.of(), TODAY, null), "materials", "R-DES-1");
    assertRefused(new SupplementReceipt(null, TODAY, null), "materials", "R-DES-1");
  }

  @Test
  void aDateInTheFutureOrAfterThePeriodIsRefused() {
    assertRefused(new SupplementReceipt(MISSING, TODAY.plusDays(1), null), "receivedOn", "R-TIME-1");
    assertThatThrownBy(() -> new SupplementReceipt(MISSING, LAST_DAY.plusDays(1), null).check(MISSING, LAST_DAY,
        LAST_DAY.plusDays(2))).isInstanceOf(DomainRuleException.class).extracting("field", "rule")
        .containsExactly("receivedOn", "R-DES-1");
    assertRefused(new SupplementReceipt(MISSING, null, null), "receivedOn", "INPUT");
  }

  @Test
  void listVariablesAreReadAsTheEngineHoldsThem() {
    assertThat(SupplementReceipt.items("[\"房屋产权证明\",\"消防验收意见书\"]")).containsExactly("房屋产权证明", "消防验收意见书");
    assertThat(SupplementReceipt.items(List.of("房屋产权证明"))).containsExactly("房屋产权证明");
    assertThat(SupplementReceipt.items(null)).isEmpty();
  }

  private static void assertRefused(SupplementReceipt r, String field, String rule) {
    assertThatThrownBy(() -> r.check(MISSING, LAST_DAY, TODAY)).isInstanceOf(DomainRuleException.class)
        .extracting("field", "rule").containsExactly(field, rule);
  }
}
