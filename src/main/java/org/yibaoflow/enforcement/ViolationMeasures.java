package org.yibaoflow.enforcement;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.EngineAsApplication;

/**
 * The measure class of a case from the DMN table {@value #DECISION} (processes/violation-measures.dmn), which a
 * modeler can revise: mandatory termination (R-VIO-3/4/8), termination at the region's suspension count
 * (R-VIO-5), otherwise the graded measures of R-VIO-2 (and R-VIO-6 for serious risk).
 */
@Component
public class ViolationMeasures {

  static final String DECISION = "violation-measures";

  /** R-VIO-2, lightest first: the names of {@link MeasureClass}. */
  public static final Set<String> CLASSES = MeasureClass.NAMES;

  /**
   * The table's inputs. {@code mandatoryTermination}: the rule of a mandatory termination found, or NONE;
   * {@code gradedMeasure}: the measure a graded finding prescribes (R-VIO-16) when it is the most severe, or NONE.
   */
  public record Inputs(String institutionType, String mandatoryTermination, int severity, boolean seriousRisk,
      boolean fundLoss, int suspensionCount, int suspensionThreshold, String gradedMeasure) {

    public Inputs(String institutionType, String mandatoryTermination, int severity, boolean seriousRisk,
        boolean fundLoss, int suspensionCount, int suspensionThreshold) {
      this(institutionType, mandatoryTermination, severity, seriousRisk, fundLoss, suspensionCount,
          suspensionThreshold, "NONE");
    }

    Map<String, Object> variables() {
      Map<String, Object> v = new HashMap<>();
      v.put("institutionType", institutionType);
      v.put("mandatoryTermination", mandatoryTermination);
      v.put("severity", severity);
      v.put("seriousRisk", seriousRisk);
      v.put("fundLoss", fundLoss);
      v.put("suspensionCount", suspensionCount);
      v.put("suspensionThreshold", suspensionThreshold);
      v.put("gradedMeasure", gradedMeasure == null ? "NONE" : gradedMeasure);
      return v;
    }
  }

  /** The table's outputs: the measure class, the rule, whether a rectification period is ordered. */
  public record Outcome(String measureClass, String ruleId, boolean rectification) {
  }

  private final DecisionService decisions;
  private final EngineAsApplication engine;

  ViolationMeasures(DecisionService decisions, EngineAsApplication engine) {
    this.decisions = decisions;
    this.engine = engine;
  }

  public Outcome decide(Inputs inputs) {
    DmnDecisionRuleResult r = engine.call(
        () -> decisions.evaluateDecisionTableByKey(DECISION, inputs.variables()).getSingleResult());
    return outcome(r);
  }

  static Outcome outcome(DmnDecisionRuleResult r) {
    return new Outcome(r.getEntry("measureClass"), r.getEntry("ruleId"), Boolean.TRUE.equals(r.getEntry("rectification")));
  }
}
