package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibaoflow.platform.DomainRuleException;

/** Registration input: one person one code (R-PERS-1), a valid ID number (GB 11643) agreeing with the birth date. */
class PersonnelServiceTest {

  static NewPerson person(String idNumber, LocalDate birthDate, String category, List<Long> sites) {
    return new NewPerson("huaibei", "D340603000099", idNumber, "李四", category, birthDate, sites, null, "登记", null);
  }

  @Test
  void birthDateComesFromTheIdNumber() {
    assertThat(PersonnelService.validate(person("340603197805123019", null, "PHYSICIAN", List.of(1L))))
        .isEqualTo(LocalDate.of(1978, 5, 12));
    assertThat(PersonnelService.validate(person("340603197805123019", LocalDate.of(1978, 5, 12), "NURSE",
        List.of(1L)))).isEqualTo(LocalDate.of(1978, 5, 12));
  }

  @Test
  void inconsistentOrInvalidInputNamesTheField() {
    assertField(person("340603197805123019", LocalDate.of(1978, 5, 13), "PHYSICIAN", List.of(1L)), "birthDate",
        "GB 11643");
    assertField(person("340603197805123010", null, "PHYSICIAN", List.of(1L)), "idNumber", "GB 11643");
    assertField(person("340603197805123019", null, "DENTIST", List.of(1L)), "category", "R-PERS-1");
    assertField(person("340603197805123019", null, "PHYSICIAN", List.of()), "institutionIds", "R-PERS-1");
    assertField(person("340603197805123019", null, "PHYSICIAN", List.of(1L, 1L)), "institutionIds", "R-PERS-1");
  }

  private static void assertField(NewPerson p, String field, String rule) {
    assertThatThrownBy(() -> PersonnelService.validate(p)).isInstanceOfSatisfying(DomainRuleException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
    });
  }
}
