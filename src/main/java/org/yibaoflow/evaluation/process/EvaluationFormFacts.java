package org.yibaoflow.evaluation.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.RenewalReasons;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.FormFacts;
import org.yibaoflow.platform.ProcessVariables;

/**
 * The deferral cases (R-EVA-4) and non-renewal cases (R-EVA-5) as the annual evaluation forms' choices, from the
 * shipped catalogue (evaluation/renewal-reasons.json) with their Chinese names and clauses, only those that apply
 * to the institution's type (issue 15: choices from data, no raw code).
 */
@Component
class EvaluationFormFacts implements FormFacts {

  @Override
  public Set<String> formIds() {
    return Set.of("annual-evaluation-scoring", "annual-evaluation-review", "annual-evaluation-deferral");
  }

  @Override
  public Map<String, Object> facts(FormCheck.Submission task) {
    RenewalReasons reasons = RenewalReasons.shipped();
    String type = ProcessVariables.string(task.variables(), "institutionType");
    return Map.of("deferralOptions", FormFacts.options(labels(reasons.deferralCases(), type)),
        "nonRenewalOptions", FormFacts.options(labels(reasons.nonRenewalCases(), type)));
  }

  static Map<String, String> labels(List<RenewalReasons.Reason> cases, String institutionType) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(RenewalReasons.NONE, "无");
    cases.stream().filter(r -> institutionType == null || "ALL".equals(r.appliesTo())
        || r.appliesTo().equals(institutionType)).forEach(r -> labels.put(r.code(), r.zh() + "（" + r.clause() + "）"));
    return labels;
  }
}
