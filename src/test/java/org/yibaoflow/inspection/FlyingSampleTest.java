package org.yibaoflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.yibaoflow.inspection.FlyingSample.Drawn;
import org.yibaoflow.inspection.FlyingSample.Hospital;
import org.yibaoflow.inspection.FlyingSample.Reason;

/** R-VIO-14 [001 §三(四)]: the flying sample and its inspectors (双随机), and the plan's progress [000 §二(三)]. */
class FlyingSampleTest {

  /** 73 hospitals; hospital i paid i x 10,000 last year, so 73..69 are the top 5; hospital 1 delivered nothing. */
  static final List<Hospital> HOSPITALS = LongStream.rangeClosed(1, 73).mapToObj(i -> new Hospital(i, "H" + i,
      i == 1 ? null : BigDecimal.valueOf(i * 10_000))).toList();
  static final List<String> CASEWORKERS = List.of("zhangjing", "lihua", "wangfang", "zhaoyun", "sunmei");

  @Test
  void atLeastTenPercentAlwaysWithTheTopFivePayersAndTheComplaintInstitutions() {
    List<Drawn> drawn = FlyingSample.draw(HOSPITALS, Set.of(3L, 40L), new BigDecimal("0.10"), 5, CASEWORKERS, 2, 99L);
    // 10 % of 73 is 7.3: at least 8 hospitals
    assertThat(drawn).hasSize(8);
    assertThat(drawn.stream().filter(d -> d.reason() == Reason.TOP_PAYER).map(d -> d.hospital().institutionId()))
        .containsExactly(73L, 72L, 71L, 70L, 69L);
    assertThat(drawn.stream().filter(d -> d.reason() == Reason.COMPLAINTS).map(d -> d.hospital().institutionId()))
        .containsExactly(3L, 40L);
    assertThat(drawn.stream().filter(d -> d.reason() == Reason.RANDOM)).hasSize(1);
    assertThat(drawn.stream().map(d -> d.hospital().institutionId())).doesNotHaveDuplicates();
    assertThat(drawn).allSatisfy(d -> assertThat(d.inspectors()).hasSize(2).doesNotHaveDuplicates()
        .allMatch(CASEWORKERS::contains));
  }

  @Test
  void theSameSeedRepeatsTheDrawWhateverOrderTheInputsCameIn() {
    List<Drawn> first = FlyingSample.draw(HOSPITALS, Set.of(), new BigDecimal("0.20"), 5, CASEWORKERS, 2, 7L);
    List<Hospital> reversed = new java.util.ArrayList<>(HOSPITALS);
    java.util.Collections.reverse(reversed);
    List<Drawn> again = FlyingSample.draw(reversed, Set.of(), new BigDecimal("0.20"), 5,
        List.of("sunmei", "zhaoyun", "wangfang", "lihua", "zhangjing"), 2, 7L);
    assertThat(again).isEqualTo(first);
    assertThat(FlyingSample.draw(HOSPITALS, Set.of(), new BigDecimal("0.20"), 5, CASEWORKERS, 2, 8L))
        .isNotEqualTo(first);
  }

  @Test
  void mandatoryHospitalsAreKeptEvenBeyondTheRatio() {
    List<Hospital> six = HOSPITALS.subList(60, 66);
    List<Drawn> drawn = FlyingSample.draw(six, Set.of(61L), new BigDecimal("0.10"), 5, List.of("zhangjing"), 2, 1L);
    // the top 5 of six plus the complaint one: all six, though 10 % would be one
    assertThat(drawn).hasSize(6);
    assertThat(drawn).allSatisfy(d -> assertThat(d.inspectors()).containsExactly("zhangjing"));
  }

  @Test
  void progressAgainstTheMinimumsFlagsWhoWillMissThemByYearEnd() {
    var rows = PlanProgress.of(PlanProgress.Kind.ROUTINE, Map.of(1L, "H1", 2L, "H2", 3L, "H3"),
        Map.of(1L, 2, 2L, 1), Map.of(1L, 2, 2L, 2, 3L, 2), 15, 10);
    assertThat(rows).extracting(PlanProgress.Row::done).containsExactly(2, 1, 0);
    assertThat(rows).extracting(PlanProgress.Row::met).containsExactly(true, false, false);
    // 15 working days left, 10 a visit: one more visit fits, two do not
    assertThat(rows).extracting(PlanProgress.Row::atRisk).containsExactly(false, false, true);
  }
}
