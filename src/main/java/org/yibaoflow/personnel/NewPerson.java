package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.util.List;

/**
 * Registering a person (登记备案, R-PERS-1) with the practice sites whose agreements start on
 * {@code validFrom}. {@code birthDate} may be left out: the ID number gives it.
 */
public record NewPerson(String region, String nationalCode, String idNumber, String name, String category,
    LocalDate birthDate, List<Long> institutionIds, LocalDate validFrom, String reason, String processInstanceId) {

  public NewPerson {
    institutionIds = institutionIds == null ? List.of() : List.copyOf(institutionIds);
  }
}
