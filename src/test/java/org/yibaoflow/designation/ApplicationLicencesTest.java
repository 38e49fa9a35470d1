package org.yibaoflow.designation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibaoflow.institution.Eligibility;
import org.yibaoflow.institution.NewInstitution.NewLicence;
import org.yibaoflow.institution.NewInstitution.NewPenalty;

/** R-DES-1 on what an application carries: the licence its type needs, valid; no serious penalty declared. */
class ApplicationLicencesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  static List<String> codes(String type, List<NewLicence> licences, List<NewPenalty> penalties) {
    return ApplicationLicences.findings(type, new ApplicationLicences.Declared(licences, penalties), TODAY).stream()
        .map(Eligibility.Finding::code).toList();
  }

  static NewLicence licence(String kind, LocalDate from, LocalDate until) {
    return new NewLicence(kind, "N-" + kind, from, until, false);
  }

  @Test
  void aHospitalNeedsAValidPracticeLicenceAndAPharmacyADrugTradingOne() {
    NewLicence practice = licence("PRACTICE", TODAY.minusYears(1), TODAY.plusYears(4));
    NewLicence drugs = licence("DRUG_TRADING", TODAY.minusYears(1), null);
    assertThat(codes("HOSPITAL", List.of(practice), List.of())).isEmpty();
    assertThat(codes("PHARMACY", List.of(drugs), List.of())).isEmpty();
    assertThat(codes("PHARMACY", List.of(), List.of())).containsExactly("LICENCE_MISSING");
    assertThat(codes("PHARMACY", List.of(licence("BUSINESS", TODAY.minusYears(1), null)), List.of()))
        .containsExactly("LICENCE_MISSING");
    assertThat(codes("HOSPITAL", List.of(drugs), List.of())).containsExactly("LICENCE_MISSING");
  }

  @Test
  void anExpiredOrNotYetValidLicenceAndASeriousPenaltyRefuse() {
    assertThat(codes("HOSPITAL", List.of(licence("PRACTICE", TODAY.minusYears(5), TODAY.minusDays(1))), List.of()))
        .containsExactly("LICENCE_INVALID");
    assertThat(codes("HOSPITAL", List.of(licence("PRACTICE", TODAY.plusDays(1), null)), List.of()))
        .containsExactly("LICENCE_INVALID");
    // the last day of validity is still valid
    assertThat(codes("HOSPITAL", List.of(licence("PRACTICE", TODAY.minusYears(5), TODAY)), List.of())).isEmpty();
    NewLicence ok = licence("PRACTICE", TODAY.minusYears(1), null);
    assertThat(codes("HOSPITAL", List.of(ok), List.of(new NewPenalty("HEALTH", TODAY.minusMonths(2), "警告", false))))
        .isEmpty();
    assertThat(codes("HOSPITAL", List.of(ok), List.of(new NewPenalty("HEALTH", TODAY.minusMonths(2), "吊销科目", true))))
        .containsExactly("SERIOUS_PENALTY");
  }
}
