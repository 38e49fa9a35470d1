package org.yibaoflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yibaoflow.support.ModelerFiles;

/** processes/violation-measures.dmn (R-VIO-2..6, R-VIO-8), evaluated by a plain DMN engine. */
class ViolationMeasuresDmnTest {

  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnDecision DECISION = parse();

  static DmnDecision parse() {
    try (InputStream in = Files.newInputStream(ModelerFiles.PROCESSES.resolve("violation-measures.dmn"))) {
      return ENGINE.parseDecision(ViolationMeasures.DECISION, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ViolationMeasures.Outcome decide(ViolationMeasures.Inputs inputs) {
    return ViolationMeasures.outcome(ENGINE.evaluateDecisionTable(DECISION, inputs.variables()).getSingleResult());
  }

  @ParameterizedTest(name = "{0} {1} severity {2} risk {3} loss {4} count {5}/{6} => {7} {8}")
  @CsvSource({
      // mandatory termination: hospital R-VIO-3, pharmacy R-VIO-4, records destroyed R-VIO-8 (both types)
      "HOSPITAL, R-VIO-3, 4, true,  true,  0, 3, TERMINATION, R-VIO-3, false",
      "PHARMACY, R-VIO-4, 4, true,  true,  0, 3, TERMINATION, R-VIO-4, false",
      "PHARMACY, R-VIO-8, 4, false, false, 0, 2, TERMINATION, R-VIO-8, false",
      "HOSPITAL, R-VIO-8, 4, false, false, 0, 3, TERMINATION, R-VIO-8, false",
      // R-VIO-5: the suspension that would be the third in a region with 3, the second in a region with 2
      "HOSPITAL, NONE, 4, false, true, 2, 3, TERMINATION, R-VIO-5, false",
      "HOSPITAL, NONE, 4, false, true, 1, 2, TERMINATION, R-VIO-5, false",
      "PHARMACY, NONE, 4, false, true, 1, 3, AGREEMENT_SUSPENSION, R-VIO-2, true",
      "HOSPITAL, NONE, 4, false, false, 0, 2, AGREEMENT_SUSPENSION, R-VIO-2, true",
      // graded measures of R-VIO-2, serious risk R-VIO-6
      "HOSPITAL, NONE, 3, true,  true,  0, 3, SETTLEMENT_SUSPENSION, R-VIO-6, true",
      "HOSPITAL, NONE, 3, false, true,  0, 3, REFUSAL_RECOVERY, R-VIO-2, true",
      "PHARMACY, NONE, 3, false, false, 0, 3, PUBLIC_CRITICISM, R-VIO-2, true",
      "HOSPITAL, NONE, 2, false, true,  0, 3, RECTIFICATION, R-VIO-2, true",
      "PHARMACY, NONE, 1, false, false, 2, 3, INTERVIEW, R-VIO-2, false"})
  void everyMeasureClass(String type, String mandatory, int severity, boolean risk, boolean loss, int count,
      int threshold, String measureClass, String ruleId, boolean rectification) {
    var outcome = decide(new ViolationMeasures.Inputs(type, mandatory, severity, risk, loss, count, threshold));
    assertThat(outcome).isEqualTo(new ViolationMeasures.Outcome(measureClass, ruleId, rectification));
  }

  /** R-VIO-6: verified fraud terminates, for every fraud code of the catalogue and every type it applies to. */
  @Test
  void everyFraudCodeTerminatesForEveryType() {
    ViolationCatalogue catalogue = new ViolationCatalogue();
    var fraud = catalogue.all().stream().filter(ViolationCatalogue.Violation::fraud).toList();
    assertThat(fraud).extracting(ViolationCatalogue.Violation::code)
        .contains("FRAUD_FICTITIOUS_SERVICES", "FRAUD_OTHER", "PH_SWAP");
    for (var v : fraud) {
      for (String type : v.appliesTo()) {
        // a first case, nothing else found, no suspension before: still terminated
        var outcome = decide(ViolationDecisionService.inputs(type, java.util.List.of(v), false, true, 0, 3));
        assertThat(outcome.measureClass()).as(v.code() + " " + type).isEqualTo("TERMINATION");
      }
    }
  }

  /**
   * R-VIO-16: a pharmacy's 阴阳价格 is handled by severity — interview, settlement suspension, non-payment or
   * recovery, suspension, termination are each reachable from the catalogue's grades [003 §三(二)2].
   */
  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource({
      "YINYANG_PRICE_MINOR, INTERVIEW",
      "YINYANG_PRICE_SETTLEMENT, SETTLEMENT_SUSPENSION",
      "YINYANG_PRICE, REFUSAL_RECOVERY",
      "YINYANG_PRICE_SERIOUS, AGREEMENT_SUSPENSION",
      "YINYANG_PRICE_GRAVE, TERMINATION"})
  void yinYangPricesAreGradedBySeverity(String code, String measureClass) {
    ViolationCatalogue catalogue = new ViolationCatalogue();
    var v = catalogue.find(code).orElseThrow();
    var outcome = decide(ViolationDecisionService.inputs("PHARMACY", java.util.List.of(v), false, false, 0, 3));
    assertThat(outcome.measureClass()).isEqualTo(measureClass);
    assertThat(outcome.ruleId()).isEqualTo("R-VIO-16");
  }

  @Test
  void aGradedFindingDoesNotLightenAMoreSevereOne() {
    ViolationCatalogue catalogue = new ViolationCatalogue();
    var outcome = decide(ViolationDecisionService.inputs("PHARMACY", java.util.List.of(
        catalogue.find("YINYANG_PRICE_MINOR").orElseThrow(), catalogue.find("GEN_SWAP").orElseThrow()), false, true,
        0, 3));
    assertThat(outcome).isEqualTo(new ViolationMeasures.Outcome("REFUSAL_RECOVERY", "R-VIO-2", true));
  }

  @Test
  void everyClassOfRVio2IsReachable() {
    assertThat(ViolationMeasures.CLASSES).hasSize(7);
  }

  @Test
  void theDecisionHasChineseNamesAndAHistoryTimeToLive() throws IOException {
    String xml = Files.readString(ModelerFiles.PROCESSES.resolve("violation-measures.dmn"));
    assertThat(xml).contains("camunda:historyTimeToLive=").contains("modeler:executionPlatformVersion=\"7.24.0\"")
        .contains("<dmndi:DMNShape");
    assertThat(ModelerFiles.isChinese(DECISION.getName())).isTrue();
  }
}
