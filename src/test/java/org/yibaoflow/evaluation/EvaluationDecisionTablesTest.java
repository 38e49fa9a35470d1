package org.yibaoflow.evaluation;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yibaoflow.support.ModelerFiles;

/** processes/evaluation-grade.dmn (R-EVA-1, payment consequences) and renewal-decision.dmn (R-EVA-2/4/5). */
class EvaluationDecisionTablesTest {

  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnDecision GRADE = parse("evaluation-grade");
  static final DmnDecision RENEWAL = parse("renewal-decision");

  static DmnDecision parse(String key) {
    try (InputStream in = Files.newInputStream(ModelerFiles.PROCESSES.resolve(key + ".dmn"))) {
      return ENGINE.parseDecision(key, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "final score {0} (pass {1}, basic {2}), override {3} => {4}")
  @CsvSource({
      "100, 85, 70, NONE, QUALIFIED, 0, 100",
      "85, 85, 70, NONE, QUALIFIED, 0, 100",
      "84, 85, 70, NONE, BASICALLY_QUALIFIED, 50, 90",
      "70, 85, 70, NONE, BASICALLY_QUALIFIED, 50, 90",
      "69, 85, 70, NONE, UNQUALIFIED, 100, 80",
      "0, 85, 70, NONE, UNQUALIFIED, 100, 80",
      "89, 90, 80, NONE, BASICALLY_QUALIFIED, 50, 90",
      "10, 85, 70, QUALIFIED, QUALIFIED, 0, 100",
      "99, 85, 70, UNQUALIFIED, UNQUALIFIED, 100, 80",
      "50, 85, 70, BASICALLY_QUALIFIED, BASICALLY_QUALIFIED, 50, 90"})
  void gradeAndPaymentConsequences(int finalScore, int pass, int basic, String override, String grade, int withheld,
      int preAllocation) {
    DmnDecisionRuleResult r = ENGINE.evaluateDecisionTable(GRADE, Map.<String, Object>of("finalScore", finalScore,
        "passScore", pass, "basicPassScore", basic, "gradeOverride", override)).getSingleResult();
    assertThat((String) r.getEntry("grade")).isEqualTo(grade);
    assertThat(((Number) r.getEntry("withheldPercent")).intValue()).isEqualTo(withheld);
    assertThat(((Number) r.getEntry("preAllocationPercent")).intValue()).isEqualTo(preAllocation);
  }

  @ParameterizedTest(name = "{0} after {1}, case {2}/{3} => {4} {5}")
  @CsvSource({
      "UNQUALIFIED, UNQUALIFIED, NONE, NONE, TERMINATE, FAILED_EVALUATION_TWICE, R-EVA-2",
      "UNQUALIFIED, UNQUALIFIED, NO_SETTLEMENT, NONE, TERMINATE, FAILED_EVALUATION_TWICE, R-EVA-2",
      "UNQUALIFIED, QUALIFIED, NONE, NONE, NOT_RENEW, FAILED_EVALUATION, R-EVA-2",
      "UNQUALIFIED, NONE, NONE, INFORMATION_CHANGED, NOT_RENEW, FAILED_EVALUATION, R-EVA-2",
      "QUALIFIED, UNQUALIFIED, LICENCE_EXPIRED, NONE, NOT_RENEW, LICENCE_EXPIRED, R-EVA-5",
      "QUALIFIED, NONE, YINYANG_PRICE, SUSPENDED_AFTER_SIGNING_PERIOD, NOT_RENEW, YINYANG_PRICE, R-EVA-5",
      "BASICALLY_QUALIFIED, NONE, NONE, SUSPENDED_AFTER_SIGNING_PERIOD, DEFER, SUSPENDED_AFTER_SIGNING_PERIOD, R-EVA-4",
      "QUALIFIED, UNQUALIFIED, NONE, NONE, RENEW, NONE, R-EVA-1",
      "BASICALLY_QUALIFIED, BASICALLY_QUALIFIED, NONE, NONE, RENEW, NONE, R-EVA-1"})
  void renewalDecision(String grade, String previous, String nonRenewal, String deferral, String outcome,
      String reason, String rule) {
    DmnDecisionRuleResult r = ENGINE.evaluateDecisionTable(RENEWAL, Map.<String, Object>of("grade", grade,
        "previousGrade", previous, "nonRenewalCase", nonRenewal, "deferralCase", deferral)).getSingleResult();
    assertThat((String) r.getEntry("outcome")).isEqualTo(outcome);
    assertThat((String) r.getEntry("reasonCode")).isEqualTo(reason);
    assertThat((String) r.getEntry("ruleId")).isEqualTo(rule);
  }

  @Test
  void theFifteenNonRenewalCasesAndFourDeferralCasesOfSeed003AreData() {
    RenewalReasons reasons = RenewalReasons.shipped();
    assertThat(reasons.nonRenewalCases()).hasSize(15);
    assertThat(reasons.nonRenewalCases()).extracting(RenewalReasons.Reason::clause)
        .allMatch(c -> c.startsWith("003 §二(二)"));
    assertThat(reasons.deferralCases()).hasSize(4);
    assertThat(reasons.nonRenewalCases()).extracting(RenewalReasons.Reason::code).doesNotHaveDuplicates()
        .contains("LICENCE_REVOKED", "NO_SETTLEMENT", "ON_REQUEST_SUSPENSION_EXCEEDED", "TRACEABILITY_CODE",
            "LICENCE_LENDING", "YINYANG_PRICE");
    assertThat(reasons.nonRenewal("YINYANG_PRICE").orElseThrow().appliesTo("HOSPITAL")).isFalse();
    assertThat(reasons.clause("FAILED_EVALUATION_TWICE")).isEqualTo("002 §二(一)2");
  }

  @Test
  void aChangedDecisionNamesItsGradeInChinese() {
    assertThat(Grade.fromText("经复核，变更为基本合格")).contains(Grade.BASICALLY_QUALIFIED);
    assertThat(Grade.fromText("不合格")).contains(Grade.UNQUALIFIED);
    assertThat(Grade.fromText("变更为合格")).contains(Grade.QUALIFIED);
    assertThat(Grade.fromText("QUALIFIED")).contains(Grade.QUALIFIED);
    assertThat(Grade.fromText("减轻处理")).isEmpty();
  }
}
