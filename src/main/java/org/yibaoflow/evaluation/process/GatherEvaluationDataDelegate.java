package org.yibaoflow.evaluation.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.AnnualEvaluationService;
import org.yibaoflow.evaluation.RenewalReasons;

/** 采集考核数据: the facts of the year for the scoring form (R-EVA-3..5, R-DES-6). */
@Component("gatherEvaluationDataDelegate")
class GatherEvaluationDataDelegate implements JavaDelegate {

  private final AnnualEvaluationService service;

  GatherEvaluationDataDelegate(AnnualEvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AnnualEvaluationService.Gathered g = service.gather(execution.getProcessBusinessKey());
    Map<String, Object> v = new HashMap<>();
    v.put("deductionPoints", g.deductionPoints());
    v.put("agreementPoints", g.facts().agreementPoints());
    v.put("measuresInYear", g.facts().measuresInYear());
    v.put("suspensionCount", g.facts().suspensionCount());
    v.put("licencesValid", !g.facts().licenceRevoked() && !g.facts().licenceExpired());
    v.put("settlementAmount", g.facts().settlementAmount() == null ? null : g.facts().settlementAmount().toPlainString());
    v.put("personnelSuspendedPercent", g.facts().personnelSuspendedPercent());
    v.put("previousGrade", g.previousGrade());
    v.put("nonRenewalCase", g.suggestedNonRenewal());
    v.put("deferralCase", g.suggestedDeferral());
    v.put("passScore", g.passScore());
    v.put("basicPassScore", g.basicPassScore());
    v.put("scoringWorkingDays", g.scoringWorkingDays());
    v.put("evaluationCriteria", g.criteria());
    v.put("institutionType", g.institutionType());
    v.put("gradeOverride", RenewalReasons.NONE);
    v.put("signingChannel", AnnualEvaluationService.ONLINE);
    execution.setVariables(v);
  }
}
