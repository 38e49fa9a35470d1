package org.yibaoflow.institution;

import java.time.LocalDate;

/** R-VIO-9: after termination the institution (by credit code) may not apply until {@code bannedUntil}. */
public record Ban(Long id, Long institutionId, Long agreementId, String region, String creditCode,
    LocalDate bannedFrom, LocalDate bannedUntil, String ruleId) {

  public boolean appliesOn(LocalDate date) {
    return !date.isBefore(bannedFrom) && date.isBefore(bannedUntil);
  }
}
