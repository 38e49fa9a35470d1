package org.yibaoflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agreement-points scale (R-EVA-3): the shipped default, per-region overrides, and what is refused. */
class AgreementPointsScaleTest {

  static final Map<String, Integer> DEFAULTS = Map.of("INTERVIEW", 1, "RECTIFICATION", 2, "PUBLIC_CRITICISM", 4,
      "REFUSAL_RECOVERY", 4, "SETTLEMENT_SUSPENSION", 6, "AGREEMENT_SUSPENSION", 8, "TERMINATION", 12);

  @Test
  void theShippedScaleGivesEveryClassItsPointsHeavierMeasuresMore() {
    AgreementPointsScale scale = new AgreementPointsScale();
    assertThat(scale.scale("huaibei")).isEqualTo(DEFAULTS);
    assertThat(scale.scale("jining")).isEqualTo(DEFAULTS);
    assertThat(scale.points("huaibei", "PUBLIC_CRITICISM")).isEqualTo(4);
    assertThat(scale.points("jining", "TERMINATION")).isEqualTo(12);
    assertThat(scale.points("huaibei", "INTERVIEW")).isLessThan(scale.points("huaibei", "RECTIFICATION"));
    assertThat(scale.points("huaibei", "AGREEMENT_SUSPENSION"))
        .isGreaterThan(scale.points("huaibei", "SETTLEMENT_SUSPENSION"));
  }

  @Test
  void aRegionOverridesSingleClassesAndKeepsTheRest() {
    AgreementPointsScale scale = new AgreementPointsScale(DEFAULTS, Map.of("jining", Map.of("PUBLIC_CRITICISM", 5)));
    assertThat(scale.points("jining", "PUBLIC_CRITICISM")).isEqualTo(5);
    assertThat(scale.points("jining", "RECTIFICATION")).isEqualTo(2);
    assertThat(scale.points("huaibei", "PUBLIC_CRITICISM")).isEqualTo(4);
  }

  @Test
  void aScaleMissingAClassOrNamingAnUnknownOneOrOutOfRangeIsRefusedAtStartup() {
    Map<String, Integer> missing = new HashMap<>(DEFAULTS);
    missing.remove("INTERVIEW");
    assertThatThrownBy(() -> new AgreementPointsScale(missing, Map.of())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly");
    assertThatThrownBy(() -> new AgreementPointsScale(DEFAULTS, Map.of("jining", Map.of("FINE", 3))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown measure class");
    Map<String, Integer> negative = new HashMap<>(DEFAULTS);
    negative.put("INTERVIEW", -1);
    assertThatThrownBy(() -> new AgreementPointsScale(negative, Map.of())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("default.INTERVIEW");
    assertThatThrownBy(() -> new AgreementPointsScale(DEFAULTS, Map.of("jining", Map.of("TERMINATION", 101))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("jining.TERMINATION");
    assertThatThrownBy(() -> new AgreementPointsScale().points("huaibei", "FINE"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
