package org.yibaoflow.evaluation.process;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.EvaluationCampaignService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/** 发起年度考核 start form checked before the campaign starts (issue 15, R-EVA-1): a year that can be evaluated. */
@Component
class EvaluationFormChecks implements FormCheck {

  private final EvaluationCampaignService service;

  EvaluationFormChecks(EvaluationCampaignService service) {
    this.service = service;
  }

  @Override
  public Set<String> formIds() {
    return Set.of("evaluation-campaign-start");
  }

  @Override
  public void check(Submission s) {
    Object year = s.value("evalYear");
    if (year != null && !(year instanceof Number)) {
      throw DomainRuleException.badRequest("evalYear", "R-EVA-1", "考核年度须为年份数字", "evalYear must be a year");
    }
    try {
      service.validYear(year == null ? null : ((Number) year).intValue());
    } catch (DomainRuleException e) {
      throw DomainRuleException.badRequest("evalYear", e.rule(), e.messageZh(), e.messageEn());
    }
  }
}
