package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The person's own agreement at one practice site (a multi-site physician signs one per site,
 * [004 §三(二)]). SUSPENDED may carry an end date, TERMINATED a re-sign bar (R-PERS-8); both may be null
 * when the state follows the institution's agreement ({@code followsInstitution}, R-PERS-11).
 */
public record PersonAgreement(Long id, Long personId, Long institutionId, String institutionName, String region,
    String state, LocalDate validFrom, LocalDate validUntil, LocalDate suspendedUntil, LocalDate barUntil,
    Boolean followsInstitution, OffsetDateTime stateSince, Long version) {

  public static final String ACTIVE = "ACTIVE";
  public static final String SUSPENDED = "SUSPENDED";
  public static final String TERMINATED = "TERMINATED";
}
