package org.yibaoflow.expensereview;

import java.math.BigDecimal;

/**
 * One claim of a settlement batch as the settlement system sends it (JSON) or a caseworker uploads it (CSV):
 * the institution, the claim id, inpatient or outpatient, days in hospital (0 for outpatient), the number of
 * charged items and the amount in yuan.
 */
public record ClaimInput(String claimId, String institutionCode, String careType, Integer stayDays,
    Integer itemCount, BigDecimal amount) {

  public static final String INPATIENT = "INPATIENT";
  public static final String OUTPATIENT = "OUTPATIENT";
}
