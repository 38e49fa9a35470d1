package org.yibaoflow.institution;

import java.time.LocalDate;
import java.util.List;

/** What registering an institution needs; {@code reason} goes to the audit trail. */
public record NewInstitution(String region, String code, String name, String type, String creditCode, String level,
    List<NewLicence> licences, List<NewPenalty> penalties, String reason, String processInstanceId) {

  public NewInstitution {
    licences = licences == null ? List.of() : List.copyOf(licences);
    penalties = penalties == null ? List.of() : List.copyOf(penalties);
  }

  public record NewLicence(String kind, String number, LocalDate validFrom, LocalDate validUntil, boolean revoked) {
  }

  public record NewPenalty(String authority, LocalDate decidedOn, String description, boolean serious) {
  }
}
