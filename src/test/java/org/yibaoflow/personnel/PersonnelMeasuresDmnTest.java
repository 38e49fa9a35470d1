package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yibaoflow.support.ModelerFiles;

/** R-PERS-6 [004 §五(一)]: the table processes/personnel-measures.dmn, evaluated by a plain DMN engine. */
class PersonnelMeasuresDmnTest {

  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnDecision DECISION = parse("personnel-measures");
  /** The graded rule set's table (GRADED_12, the second demo region). */
  static final DmnDecision GRADED = parse("personnel-measures-graded");

  static DmnDecision parse(String key) {
    try (InputStream in = Files.newInputStream(ModelerFiles.PROCESSES.resolve(key + ".dmn"))) {
      return ENGINE.parseDecision(key, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DmnDecisionRuleResult evaluate(int total, int previous, int before) {
    return ENGINE.evaluateDecisionTable(DECISION,
        Map.<String, Object>of("total", total, "previousYearTotal", previous, "yearBeforeTotal", before))
        .getSingleResult();
  }

  @ParameterizedTest(name = "{0} points (previous years {1}, {2}) => {3} {4}")
  @CsvSource({
      "0, 0, 0, 0-4, NONE, 0",
      "4, 12, 12, 0-4, NONE, 0",
      "5, 0, 0, 5, INTERVIEW, 0",
      "6, 0, 0, 6-8, SUSPEND_3_MONTHS, 3",
      "8, 0, 0, 6-8, SUSPEND_3_MONTHS, 3",
      "9, 0, 0, 9-11, SUSPEND_6_MONTHS, 6",
      "11, 9, 0, 9-11, SUSPEND_6_MONTHS, 6",
      "11, 0, 9, 9-11, SUSPEND_6_MONTHS, 6",
      "12, 0, 0, 12, TERMINATE, 0",
      "30, 0, 0, 12, TERMINATE, 0",
      "9, 9, 9, 3x9, TERMINATE, 0",
      "10, 11, 12, 3x9, TERMINATE, 0",
      "8, 9, 9, 6-8, SUSPEND_3_MONTHS, 3"})
  void everyBand(int total, int previous, int before, String band, String measure, int months) {
    DmnDecisionRuleResult r = evaluate(total, previous, before);
    assertThat((String) r.getEntry("band")).isEqualTo(band);
    assertThat((String) r.getEntry("measure")).isEqualTo(measure);
    assertThat(((Number) r.getEntry("months")).intValue()).isEqualTo(months);
  }

  /** GRADED_12 (issue 8 §7): 9-11 => a suspension whose months the caseworker chooses (0), 12 => termination. */
  @ParameterizedTest(name = "graded: {0} points => {1} {2}")
  @CsvSource({
      "0, 0-8, NONE",
      "5, 0-8, NONE",
      "8, 0-8, NONE",
      "9, 9-11, SUSPEND",
      "11, 9-11, SUSPEND",
      "12, 12, TERMINATE",
      "20, 12, TERMINATE"})
  void everyGradedBand(int total, String band, String measure) {
    DmnDecisionRuleResult r = ENGINE.evaluateDecisionTable(GRADED, Map.<String, Object>of("total", total))
        .getSingleResult();
    assertThat((String) r.getEntry("band")).isEqualTo(band);
    assertThat((String) r.getEntry("measure")).isEqualTo(measure);
    assertThat(((Number) r.getEntry("months")).intValue()).isZero();
  }

  @org.junit.jupiter.api.Test
  void theDecisionHasChineseNamesAndAHistoryTimeToLive() throws IOException {
    String xml = Files.readString(ModelerFiles.PROCESSES.resolve("personnel-measures.dmn"));
    assertThat(xml).contains("camunda:historyTimeToLive=").contains("modeler:executionPlatformVersion=\"7.24.0\"");
    assertThat(ModelerFiles.isChinese(DECISION.getName())).isTrue();
    assertThat(Files.readString(ModelerFiles.PROCESSES.resolve("personnel-measures-graded.dmn")))
        .contains("camunda:historyTimeToLive=").contains("modeler:executionPlatformVersion=\"7.24.0\"");
    assertThat(ModelerFiles.isChinese(GRADED.getName())).isTrue();
  }
}
