package org.yibaoflow.expensereview;

import java.math.BigDecimal;

/** A stored claim with its screening result, sample flag and verdict (R-VIO-13). */
public record Claim(Long id, Long batchId, String claimId, String institutionCode, String careType, int stayDays,
    int itemCount, BigDecimal amount, boolean suspicious, String suspicion, boolean sampled, String verdict,
    BigDecimal violationAmount, String violationCodes, String verifiedBy) {

  public static final String CONFIRMED = "CONFIRMED";
  public static final String CLEARED = "CLEARED";
}
