package org.yibaoflow.enforcement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The amounts of a decision, computed and shown with the notice:
 * <ul>
 *   <li>recovery (追回) of the defrauded or wrongly paid amount (R-VIO-2, R-VIO-10);</li>
 *   <li>refusal (拒付) of violations found in a random sample, scaled up by the sampling ratio: sample amount
 *       / ratio (R-VIO-13 [000 §二(二)]);</li>
 *   <li>fine proposal (罚款建议) when fraud is found: 2 to 5 times the defrauded amount, 三假 fraud the maximum
 *       5 times (R-VIO-10 [002 §二(三)2; 001 §三(四)]); the fine is imposed by the administrative department.</li>
 * </ul>
 */
public record MeasureAmounts(BigDecimal recovery, BigDecimal refusal, BigDecimal fine, Integer fineMultiple) {

  static final int MIN_MULTIPLE = 2;
  static final int MAX_MULTIPLE = 5;

  public static MeasureAmounts compute(BigDecimal defrauded, BigDecimal sampleAmount, BigDecimal samplingRatio,
      boolean fraud, boolean sanJia, Integer requestedMultiple) {
    validate(defrauded, sampleAmount, samplingRatio, requestedMultiple);
    BigDecimal recovery = scale(defrauded == null ? BigDecimal.ZERO : defrauded);
    BigDecimal refusal = BigDecimal.ZERO.setScale(2);
    if (sampleAmount != null && sampleAmount.signum() > 0) {
      refusal = sampleAmount.divide(samplingRatio, 2, RoundingMode.HALF_UP);
    }
    Integer multiple = null;
    BigDecimal fine = BigDecimal.ZERO.setScale(2);
    if (fraud) {
      multiple = sanJia ? MAX_MULTIPLE : requestedMultiple == null ? MIN_MULTIPLE : requestedMultiple;
      fine = scale(recovery.multiply(BigDecimal.valueOf(multiple)));
    }
    return new MeasureAmounts(recovery, refusal, fine, multiple);
  }

  static void validate(BigDecimal defrauded, BigDecimal sampleAmount, BigDecimal samplingRatio,
      Integer requestedMultiple) {
    if (defrauded != null && defrauded.signum() < 0) {
      throw DomainRuleException.badRequest("defraudedAmount", "R-VIO-10", "涉及金额不能为负数",
          "defraudedAmount must not be negative");
    }
    if (sampleAmount != null && sampleAmount.signum() < 0) {
      throw DomainRuleException.badRequest("sampleAmount", "R-VIO-13", "抽查发现的违规金额不能为负数",
          "sampleAmount must not be negative");
    }
    if (sampleAmount != null && sampleAmount.signum() > 0 && (samplingRatio == null || samplingRatio.signum() <= 0
        || samplingRatio.compareTo(BigDecimal.ONE) > 0)) {
      throw DomainRuleException.badRequest("samplingRatio", "R-VIO-13", "抽查比例须大于 0 且不超过 1（如 0.05 表示 5%）",
          "samplingRatio must be in (0, 1], e.g. 0.05 for 5 %");
    }
    if (requestedMultiple != null && (requestedMultiple < MIN_MULTIPLE || requestedMultiple > MAX_MULTIPLE)) {
      throw DomainRuleException.badRequest("fineMultiple", "R-VIO-10", "罚款倍数须为骗取金额的 2 至 5 倍",
          "The fine is 2 to 5 times the defrauded amount");
    }
  }

  private static BigDecimal scale(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}
