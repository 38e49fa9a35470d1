package org.yibaoflow.institution;

import java.time.LocalDate;

/**
 * A licence: 执业许可证 (PRACTICE), 药品经营许可证 (DRUG_TRADING) or 营业执照 (BUSINESS) [003 §二(二)1-2].
 * {@code validUntil} null = no expiry.
 */
public record Licence(Long id, Long institutionId, String kind, String number, LocalDate validFrom,
    LocalDate validUntil, Boolean revoked) {

  public static final String PRACTICE = "PRACTICE";
  public static final String DRUG_TRADING = "DRUG_TRADING";
  public static final String BUSINESS = "BUSINESS";

  /** Valid on the date: issued, not expired, not revoked (R-DES-1, R-EVA-5). */
  public boolean validOn(LocalDate date) {
    return !Boolean.TRUE.equals(revoked) && !date.isBefore(validFrom)
        && (validUntil == null || !date.isAfter(validUntil));
  }
}
