package org.yibaoflow.institution;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether an institution (by credit code or institution code) may apply for designation on a date
 * (R-DES-1): no ban in force (R-VIO-9), no serious administrative penalty, its licences valid.
 */
public record Eligibility(String identifier, LocalDate date, boolean eligible, LocalDate bannedUntil,
    List<Finding> findings) {

  /** One reason against the application. */
  public record Finding(String ruleId, String code, String messageZh, String message) {
  }
}
