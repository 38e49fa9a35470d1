package org.yibaoflow.personnel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelRuleSets.RuleSet;
import org.yibaoflow.platform.EngineAsApplication;

/**
 * The band and measure of a year's total (R-PERS-6) from the DMN table of the region's rule set
 * ({@code personnel-measures} for seed 004, {@code personnel-measures-graded} for the graded set).
 */
@Component
class PersonnelMeasuresDecision {

  /** Severity order; a deduction "triggers" when it moves the person to a later entry. */
  static final List<String> SEVERITY = List.of("NONE", "INTERVIEW", "SUSPEND_3_MONTHS", "SUSPEND_6_MONTHS",
      "SUSPEND", "TERMINATE");

  /** The band, the measure, and the months the table fixes (0 = none or chosen by the caseworker). */
  record Measure(String band, String measure, int months) {
  }

  private final PointsMapper points;
  private final DecisionService decisions;
  private final EngineAsApplication engine;

  PersonnelMeasuresDecision(PointsMapper points, DecisionService decisions, EngineAsApplication engine) {
    this.points = points;
    this.decisions = decisions;
    this.engine = engine;
  }

  /** Evaluated as the application, in the person's region (its tenant goes to the decision history). */
  Measure measure(String region, RuleSet ruleSet, int total, long personId, int pointsYear) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("total", total);
    variables.put("previousYearTotal", points.yearTotal(personId, pointsYear - 1));
    variables.put("yearBeforeTotal", points.yearTotal(personId, pointsYear - 2));
    DmnDecisionRuleResult result = engine.callInRegion(region,
        () -> decisions.evaluateDecisionTableByKey(ruleSet.decision(), variables).getSingleResult());
    return new Measure(result.getEntry("band"), result.getEntry("measure"),
        ((Number) result.getEntry("months")).intValue());
  }

  static boolean moreSevere(String measure, String than) {
    return SEVERITY.indexOf(measure) > SEVERITY.indexOf(than);
  }
}
