package org.yibaoflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yibaoflow.institution.AgreementStateMachine;

/** The violation catalogue as data (seeds 000 §一, 001 §二, 003 §三). */
class ViolationCatalogueTest {

  final ViolationCatalogue catalogue = new ViolationCatalogue();

  @Test
  void coversTheSeedsWithChineseNamesAndClauses() {
    List<ViolationCatalogue.Violation> all = catalogue.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    assertThat(all).allSatisfy(v -> {
      assertThat(v.name()).matches(".*[\\u4e00-\\u9fa5].*");
      assertThat(v.clause()).matches("(000|001|003) .*");
    });
    Set<String> clauses = all.stream().map(ViolationCatalogue.Violation::clause).collect(Collectors.toSet());
    assertThat(clauses).anyMatch(c -> c.startsWith("001 §二(四)6"));
  }

  @Test
  void mandatoryTerminationsAreTransitionsOfTheAgreementStateMachine() {
    // every termination cause and rule of the catalogue must be allowed by the table (R-VIO-3/4/8)
    for (var v : catalogue.all()) {
      v.termination().forEach((type, t) -> assertThat(AgreementStateMachine.table()).as(v.code() + " " + type)
          .anyMatch(tr -> tr.cause().equals(t.cause()) && tr.ruleId().equals(t.ruleId())
              && tr.to().name().equals("TERMINATED")));
    }
    assertThat(catalogue.find("FRAUD_FICTITIOUS_SERVICES").orElseThrow().terminationFor("HOSPITAL"))
        .contains(new ViolationCatalogue.Termination("FRAUD", "R-VIO-3"));
    assertThat(catalogue.find("PH_IMPERSONATION").orElseThrow().terminationFor("PHARMACY"))
        .contains(new ViolationCatalogue.Termination("FRAUD", "R-VIO-4"));
    assertThat(catalogue.find("COLLUSION").orElseThrow().terminationFor("PHARMACY").orElseThrow().ruleId())
        .isEqualTo("R-VIO-8");
    assertThat(catalogue.find("GEN_OVERCHARGE").orElseThrow().termination()).isEmpty();
  }

  @Test
  void unknownCodesAreNotFound() {
    assertThat(catalogue.find("NOPE")).isEmpty();
    assertThat(catalogue.find(null)).isEmpty();
  }
}
