package org.yibaoflow.fine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The range of a fine (R-VIO-10 [002 §二(三)2]): 2 to 5 times the defrauded amount; 三假 fraud gets the maximum
 * [001 §三(四)], so its range is the single amount 5 times. The department decides inside it.
 */
public record FineRange(BigDecimal min, BigDecimal max, boolean sanJia) {

  static final int MIN_MULTIPLE = 2;
  static final int MAX_MULTIPLE = 5;

  public static FineRange of(BigDecimal defrauded, boolean sanJia) {
    BigDecimal base = defrauded == null ? BigDecimal.ZERO : defrauded;
    BigDecimal max = scale(base.multiply(BigDecimal.valueOf(MAX_MULTIPLE)));
    return new FineRange(sanJia ? max : scale(base.multiply(BigDecimal.valueOf(MIN_MULTIPLE))), max, sanJia);
  }

  /** Refuses an amount outside the range (400 naming the field, the range and the rule). */
  public BigDecimal check(BigDecimal amount, String field) {
    if (amount == null) {
      throw DomainRuleException.badRequest(field, "R-VIO-10", "须填写罚款金额（" + text() + "）",
          field + " is required (" + min.toPlainString() + " .. " + max.toPlainString() + ")");
    }
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      throw DomainRuleException.badRequest(field, "R-VIO-10", "罚款金额最多保留两位小数", field + " has at most 2 decimals");
    }
    if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0) {
      throw DomainRuleException.badRequest(field, "R-VIO-10", "罚款金额须在" + text() + "之内（骗取金额的 2 至 5 倍"
          + (sanJia ? "；“三假”骗保处最高倍数" : "") + "）", field + " must be within " + min.toPlainString() + " .. "
          + max.toPlainString() + " (2 to 5 times the defrauded amount" + (sanJia ? "; 三假: the maximum" : "") + ")");
    }
    return scale(amount);
  }

  /** The range in words for the task and the messages. */
  public String text() {
    return sanJia ? max.toPlainString() + " 元（“三假”处最高倍数）" : min.toPlainString() + " 元至 " + max.toPlainString() + " 元";
  }

  private static BigDecimal scale(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}
