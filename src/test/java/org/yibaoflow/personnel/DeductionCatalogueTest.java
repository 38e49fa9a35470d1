package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yibaoflow.personnel.DeductionCatalogue.DeductionCase;

/** R-PERS-4: the catalogue holds every case of 004 §四(一)-(四) with its points. */
class DeductionCatalogueTest {

  final DeductionCatalogue catalogue = new DeductionCatalogue();

  @Test
  void holdsEightFiveFourAndSixCasesAtOneThreeSixAndTwelvePoints() {
    Map<Integer, Long> perPoints = catalogue.all().stream()
        .collect(Collectors.groupingBy(DeductionCase::points, Collectors.counting()));
    assertThat(perPoints).containsExactlyInAnyOrderEntriesOf(Map.of(1, 8L, 3, 5L, 6, 4L, 12, 6L));
    assertThat(catalogue.all()).hasSize(23).allSatisfy(c -> {
      assertThat(c.text()).isNotBlank();
      assertThat(c.clause()).startsWith("004 §四(");
    });
  }

  @Test
  void casesAreTranscribedFromTheSeed() {
    assertThat(catalogue.find("P1-1").orElseThrow().text()).isEqualTo("分解住院、挂床住院的");
    assertThat(catalogue.find("P3-4").orElseThrow().clause()).isEqualTo("004 §四(二)4");
    assertThat(catalogue.find("P6-4").orElseThrow().text()).isEqualTo("借用、套用或出借医保代码的行为");
    assertThat(catalogue.find("P12-6").orElseThrow().points()).isEqualTo(12);
    assertThat(catalogue.find("P12-7")).isEmpty();
    assertThat(catalogue.find(null)).isEmpty();
  }

  @Test
  void refusesDuplicateCodesAndOtherPointValues() {
    assertThatThrownBy(() -> new DeductionCatalogue(List.of(new DeductionCase("X", 1, "c", "t"),
        new DeductionCase("X", 3, "c", "t")))).hasMessageContaining("Duplicate");
    assertThatThrownBy(() -> new DeductionCatalogue(List.of(new DeductionCase("X", 2, "c", "t"))))
        .hasMessageContaining("R-PERS-4");
  }
}
