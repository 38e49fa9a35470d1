package org.yibaoflow.expensereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.yibaoflow.platform.DmnEngines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yibaoflow.support.ModelerFiles;

/**
 * R-VIO-13 [000 §二(二); 002 §二(四)3]: the suspicion rules of processes/claim-screening.dmn, each on both sides of
 * its threshold, evaluated the way the screening does (a parsed table, in memory, the bulk engine's unary tests): a
 * modeler's change the screening's engine cannot evaluate fails here.
 */
class ClaimScreeningDmnTest {

  static final ClaimScreening.Table TABLE = parse();

  static ClaimScreening.Table parse() {
    try (InputStream in = Files.newInputStream(ModelerFiles.PROCESSES.resolve("claim-screening.dmn"))) {
      return ClaimScreening.Table.parse(DmnEngines.bulk(), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} {1} days {2} items {3} yuan => [{4}]")
  @CsvSource({
      // S01: inpatient under 2 days over 10,000 yuan
      "INPATIENT, 1, 30, 10000.01, S01",
      "INPATIENT, 0, 30, 20000, S01",
      "INPATIENT, 1, 30, 10000, ''",
      "INPATIENT, 2, 30, 20000, ''",
      // S02: outpatient over 5,000 yuan
      "OUTPATIENT, 0, 10, 5000.5, S02",
      "OUTPATIENT, 0, 10, 5000, ''",
      "INPATIENT, 5, 10, 6000, ''",
      // S03: over 150 items, either kind
      "OUTPATIENT, 0, 151, 100, S03",
      "INPATIENT, 5, 150, 3000, ''",
      // S04: inpatient over 60 days
      "INPATIENT, 61, 100, 90000, S04",
      "INPATIENT, 60, 100, 90000, ''",
      // several rules at once: every reason is collected
      "INPATIENT, 1, 200, 12000, S01 S03",
      "OUTPATIENT, 0, 200, 8000, S02 S03"})
  void everyRuleOnBothSidesOfItsThreshold(String careType, int stayDays, int itemCount, double amount, String codes) {
    ClaimScreening.Result r = TABLE.evaluate(careType, stayDays, itemCount, amount);
    assertThat(String.join(" ", r.ruleCodes())).isEqualTo(codes);
    assertThat(r.suspicious()).isEqualTo(!codes.isEmpty());
    assertThat(r.reasons()).hasSameSizeAs(r.ruleCodes()).allMatch(reason -> !reason.isBlank());
  }

  @ParameterizedTest(name = "{0} proposes {1}")
  @CsvSource({"S01, FRAUD_FICTITIOUS_SERVICES", "S02, GEN_OVERCHARGE", "S04, GEN_OVERTREATMENT"})
  void eachRuleProposesACatalogueCode(String rule, String violation) {
    ClaimScreening.Result r = switch (rule) {
      case "S01" -> TABLE.evaluate("INPATIENT", 1, 10, 12000);
      case "S02" -> TABLE.evaluate("OUTPATIENT", 0, 10, 6000);
      default -> TABLE.evaluate("INPATIENT", 90, 10, 3000);
    };
    assertThat(r.violations()).containsExactly(violation);
    assertThat(r.describe()).startsWith(rule).endsWith("| " + violation);
  }
}
