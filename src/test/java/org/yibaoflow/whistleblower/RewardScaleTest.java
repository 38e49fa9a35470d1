package org.yibaoflow.whistleblower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.support.ModelerFiles;

/**
 * R-VIO-15 [002 §二(三)4]: the shipped reward scale (processes/whistleblower-reward.dmn, plain DMN engine) and the
 * cap: the region's setting, never above the seed's 100,000 yuan.
 */
class RewardScaleTest {

  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnDecision DECISION = parse();

  static DmnDecision parse() {
    try (InputStream in = Files.newInputStream(ModelerFiles.PROCESSES.resolve("whistleblower-reward.dmn"))) {
      return ENGINE.parseDecision(RewardScale.DECISION, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RewardScale.Reward reward(String recovered, String cap) {
    BigDecimal amount = new BigDecimal(recovered);
    BigDecimal percent = RewardScale.percent(ENGINE.evaluateDecisionTable(DECISION,
        Map.of("region", "huaibei", "recoveredAmount", amount.doubleValue())).getSingleResult());
    return RewardScale.apply(amount, percent, new BigDecimal(cap));
  }

  /** The shipped bands: under 100,000 yuan 5 %, under 1,000,000 4 %, above 2 %; nothing recovered, nothing. */
  @ParameterizedTest(name = "recovered {0}, cap {1} => {2} % = {3} capped {4}")
  @CsvSource({
      "0, 100000, 0, 0.00, false",
      "50000, 100000, 5, 2500.00, false",
      "99999.99, 100000, 5, 5000.00, false",
      "100000, 100000, 4, 4000.00, false",
      "500000, 100000, 4, 20000.00, false",
      "3000000, 100000, 2, 60000.00, false",
      // 2 % of 6,000,000 is 120,000: capped at the seed's 100,000
      "6000000, 100000, 2, 100000.00, true",
      // a region that caps at 50,000 (whistleblower-reward-cap)
      "1500000, 50000, 2, 30000.00, false",
      "3000000, 50000, 2, 50000.00, true"})
  void theScaleAndTheCap(String recovered, String cap, String percent, String amount, boolean capped) {
    RewardScale.Reward r = reward(recovered, cap);
    assertThat(r.percent()).isEqualByComparingTo(percent);
    assertThat(r.amount()).isEqualTo(new BigDecimal(amount));
    assertThat(r.capped()).isEqualTo(capped);
  }

  @Test
  void theRegionsCapCanNeverExceedTheSeeds() {
    // the setting itself refuses more than 100,000 (RegionSettingsService checks min..max) ...
    assertThat(RegionSetting.WHISTLEBLOWER_REWARD_CAP.max()).isEqualTo(100_000);
    assertThat(RegionSetting.WHISTLEBLOWER_REWARD_CAP.ruleId()).isEqualTo("R-VIO-15");
    // ... and the scale caps at the seed's even if a stored value were higher
    RegionSettingsService settings = mock(RegionSettingsService.class);
    when(settings.value("huaibei", RegionSetting.WHISTLEBLOWER_REWARD_CAP)).thenReturn(250_000);
    when(settings.value("jining", RegionSetting.WHISTLEBLOWER_REWARD_CAP)).thenReturn(30_000);
    RewardScale scale = new RewardScale(null, null, settings);
    assertThat(scale.cap("huaibei")).isEqualTo(new BigDecimal("100000.00"));
    assertThat(scale.cap("jining")).isEqualTo(new BigDecimal("30000.00"));
  }
}
