package org.yibaoflow.expensereview;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DmnEngines;
import org.yibaoflow.platform.EngineAsApplication;

/**
 * The suspicion table processes/claim-screening.dmn (R-VIO-13, 100 % 初审), as the modeler deployed it last: the
 * decision is parsed once per deployed version and evaluated in memory by a plain DMN engine for every claim of
 * a batch, so 100,000 claims cost no engine history rows and no database round trip per claim. A new version of
 * the table (a modeler's deployment) is picked up by the next screening.
 */
@Component
public class ClaimScreening {

  public static final String DECISION_KEY = "claim-screening";

  private final RepositoryService repositoryService;
  private final EngineAsApplication engine;
  private final DmnEngine dmnEngine = DmnEngines.bulk();
  private volatile Table cached;

  ClaimScreening(RepositoryService repositoryService, EngineAsApplication engine) {
    this.repositoryService = repositoryService;
    this.engine = engine;
  }

  /** A claim's reasons (empty when it passes) and the violation codes the table proposes. */
  public record Result(List<String> ruleCodes, List<String> reasons, List<String> violations) {

    public boolean suspicious() {
      return !ruleCodes.isEmpty();
    }

    /** "S01 reason; S03 reason | CODE,CODE" as stored with the claim (at most 500 characters). */
    public String describe() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < ruleCodes.size(); i++) {
        b.append(i == 0 ? "" : "；").append(ruleCodes.get(i)).append(' ').append(reasons.get(i));
      }
      b.append(" | ").append(String.join(",", violations.stream().distinct().toList()));
      return b.length() <= 500 ? b.toString() : b.substring(0, 500);
    }
  }

  /** One parsed version of the table. */
  public static final class Table {
    private final String definitionId;
    private final DmnEngine dmnEngine;
    private final DmnDecision decision;

    Table(String definitionId, DmnEngine dmnEngine, DmnDecision decision) {
      this.definitionId = definitionId;
      this.dmnEngine = dmnEngine;
      this.decision = decision;
    }

    public static Table parse(DmnEngine dmnEngine, InputStream dmn) {
      return new Table("file", dmnEngine, dmnEngine.parseDecision(DECISION_KEY, dmn));
    }

    public String definitionId() {
      return definitionId;
    }

    public Result evaluate(String careType, int stayDays, int itemCount, double amount) {
      List<String> codes = new ArrayList<>(2);
      List<String> reasons = new ArrayList<>(2);
      List<String> violations = new ArrayList<>(2);
      for (DmnDecisionRuleResult r : dmnEngine.evaluateDecisionTable(decision, Map.of("careType", careType,
          "stayDays", stayDays, "itemCount", itemCount, "amount", amount))) {
        codes.add(r.getEntry("ruleCode"));
        reasons.add(r.getEntry("reason"));
        violations.add(r.getEntry("violation"));
      }
      return new Result(codes, reasons, violations);
    }
  }

  /** The latest deployed version of the table, parsed once per version. */
  public Table table() {
    DecisionDefinition definition = engine.call(() -> repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION_KEY).withoutTenantId().latestVersion().singleResult());
    if (definition == null) {
      throw new IllegalStateException("Decision " + DECISION_KEY + " is not deployed");
    }
    Table table = cached;
    if (table == null || !table.definitionId.equals(definition.getId())) {
      try (InputStream in = engine.call(() -> repositoryService.getDecisionModel(definition.getId()))) {
        table = new Table(definition.getId(), dmnEngine, dmnEngine.parseDecision(DECISION_KEY, in));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      cached = table;
    }
    return table;
  }
}
