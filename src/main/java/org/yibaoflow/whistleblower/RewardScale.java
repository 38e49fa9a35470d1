package org.yibaoflow.whistleblower;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.EngineAsApplication;

/**
 * The reward of a founded report (举报奖励, R-VIO-15 [002 §二(三)4]): the percentage of the recovered funds from the
 * DMN table {@value #DECISION} (processes/whistleblower-reward.dmn, a modeler may revise it, per region), capped at
 * the region's {@code whistleblower-reward-cap}, which can never exceed the seed's 100,000 yuan.
 */
@Component
public class RewardScale {

  static final String DECISION = "whistleblower-reward";
  /** R-VIO-15: "最高不超过10万元" [002 §二(三)4]; the region setting's maximum too. */
  public static final BigDecimal SEED_CAP = new BigDecimal("100000.00");

  /** The reward: the table's percentage, the amount after the cap, and whether the cap cut it. */
  public record Reward(BigDecimal recovered, BigDecimal percent, BigDecimal amount, boolean capped) {
  }

  private final DecisionService decisions;
  private final EngineAsApplication engine;
  private final RegionSettingsService settings;

  RewardScale(DecisionService decisions, EngineAsApplication engine, RegionSettingsService settings) {
    this.decisions = decisions;
    this.engine = engine;
    this.settings = settings;
  }

  public Reward reward(String region, BigDecimal recovered) {
    BigDecimal base = recovered == null || recovered.signum() < 0 ? BigDecimal.ZERO : recovered;
    DmnDecisionRuleResult r = engine.callInRegion(region, () -> decisions.evaluateDecisionTableByKey(DECISION,
        Map.of("region", region, "recoveredAmount", base.doubleValue())).getSingleResult());
    return apply(base, percent(r), cap(region));
  }

  /** The table's percentage; none matched: 0. */
  static BigDecimal percent(DmnDecisionRuleResult r) {
    Object p = r == null ? null : r.getEntry("rewardPercent");
    return p == null ? BigDecimal.ZERO : new BigDecimal(p.toString());
  }

  /** The region's cap, never above the seed's (R-VIO-15). */
  BigDecimal cap(String region) {
    BigDecimal cap = BigDecimal.valueOf(settings.value(region, RegionSetting.WHISTLEBLOWER_REWARD_CAP)).setScale(2);
    return cap.min(SEED_CAP);
  }

  static Reward apply(BigDecimal recovered, BigDecimal percent, BigDecimal cap) {
    BigDecimal pct = percent.signum() < 0 ? BigDecimal.ZERO : percent;
    BigDecimal raw = recovered.multiply(pct).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    boolean capped = raw.compareTo(cap) > 0;
    return new Reward(recovered.setScale(2, RoundingMode.HALF_UP), pct, capped ? cap.setScale(2, RoundingMode.HALF_UP) : raw,
        capped);
  }
}
