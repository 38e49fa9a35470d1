package org.yibaoflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The cases the registry shows by itself (R-EVA-4, R-EVA-5) and the published criteria (R-DES-6). */
class EvaluationServiceTest {

  static EvaluationFacts facts(String state, Integer onRequestDays, boolean revoked, boolean expired,
      BigDecimal settlement) {
    return new EvaluationFacts(3, 1, 0, state, onRequestDays, revoked, expired, settlement, 10, 2);
  }

  @Test
  void nonRenewalCasesFromTheRegistryMostFundamentalFirst() {
    assertThat(EvaluationService.suggestNonRenewal(facts("ACTIVE", null, true, true, BigDecimal.ZERO), 180))
        .isEqualTo("LICENCE_REVOKED");
    assertThat(EvaluationService.suggestNonRenewal(facts("ACTIVE", null, false, true, null), 180))
        .isEqualTo("LICENCE_EXPIRED");
    assertThat(EvaluationService.suggestNonRenewal(facts("ACTIVE", null, false, false, BigDecimal.ZERO), 180))
        .isEqualTo("NO_SETTLEMENT");
    // no figure delivered is not "no settlement"
    assertThat(EvaluationService.suggestNonRenewal(facts("ACTIVE", null, false, false, null), 180)).isEqualTo("NONE");
    assertThat(EvaluationService.suggestNonRenewal(facts("SUSPENDED", 181, false, false, new BigDecimal("5")), 180))
        .isEqualTo("ON_REQUEST_SUSPENSION_EXCEEDED");
    assertThat(EvaluationService.suggestNonRenewal(facts("SUSPENDED", 180, false, false, new BigDecimal("5")), 180))
        .isEqualTo("NONE");
  }

  @Test
  void aSanctionSuspensionStillRunningDefersButAnOnRequestOneDoesNot() {
    assertThat(EvaluationService.suggestDeferral(facts("SUSPENDED", null, false, false, null)))
        .isEqualTo("SUSPENDED_AFTER_SIGNING_PERIOD");
    assertThat(EvaluationService.suggestDeferral(facts("SUSPENDED", 30, false, false, null))).isEqualTo("NONE");
    assertThat(EvaluationService.suggestDeferral(facts("ACTIVE", null, false, false, null))).isEqualTo("NONE");
  }

  @Test
  void theCriteriaNameTheRegionsScoresAndTheConversion() {
    assertThat(EvaluationService.criteria(85, 70, 2)).contains("≥ 85 分为合格", "70–84 分为基本合格", "< 70 分为不合格",
        "扣 2 分", "R-DES-6", "R-EVA-3");
    assertThat(facts("ACTIVE", null, false, false, null).personnelSuspendedPercent()).isEqualTo(20);
  }
}
