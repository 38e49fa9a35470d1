package org.yibaoflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibaoflow.platform.DomainRuleException;

/** Why a declined transfer is closed (R-VIO-11): chosen from the list, recorded in words (issue 15 item 4). */
class CloseReasonsTest {

  private final CloseReasons reasons = new CloseReasons();

  @Test
  void everyReasonHasAChineseLabelAndOtherIsOffered() {
    assertThat(reasons.all()).containsKey(CloseReasons.OTHER).allSatisfy((value, label) ->
        assertThat(label).as(value).matches(".*\\p{IsHan}.*").doesNotContain(value));
  }

  @Test
  void theChosenReasonsAreRecordedInWordsWithTheExplanation() {
    assertThat(reasons.text(List.of("HANDLED_ELSEWHERE", "TIME_BARRED"), null))
        .isEqualTo("同一事项已由其他机关立案或处理；已超过追究时效");
    // the multi-select as Json text, as the engine may hold it
    assertThat(reasons.text("[\"TIME_BARRED\"]", " 2019 年的事项 ")).isEqualTo("已超过追究时效。说明：2019 年的事项");
  }

  @Test
  void noReasonAnUnknownOneOrOtherWithoutExplanationIsRefusedNamingTheField() {
    assertRefused(List.of(), null, "closeReasons");
    assertRefused(null, "只写了说明", "closeReasons");
    assertRefused(List.of("BECAUSE"), null, "closeReasons");
    assertRefused(List.of(CloseReasons.OTHER), " ", "closeReason");
    assertRefused(List.of("TIME_BARRED"), "长".repeat(2001), "closeReason");
  }

  private void assertRefused(Object chosen, String explanation, String field) {
    assertThatThrownBy(() -> reasons.text(chosen, explanation)).isInstanceOf(DomainRuleException.class)
        .extracting("field").isEqualTo(field);
  }
}
