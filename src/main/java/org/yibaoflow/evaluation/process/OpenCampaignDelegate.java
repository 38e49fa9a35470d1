package org.yibaoflow.evaluation.process;

import org.yibaoflow.platform.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.EvaluationCampaign;
import org.yibaoflow.evaluation.EvaluationCampaignService;
import org.yibaoflow.platform.AuditService;

/** 登记考核批次: records (or finds) the campaign of the region (the instance's tenant) and year. */
@Component("openCampaignDelegate")
class OpenCampaignDelegate implements JavaDelegate {

  private final EvaluationCampaignService service;

  OpenCampaignDelegate(EvaluationCampaignService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object startedBy = ProcessVariables.value(execution, "startedBy");
    Object year = ProcessVariables.value(execution, "evalYear");
    EvaluationCampaign c = service.open(execution.getTenantId(),
        year instanceof Number n ? n.intValue() : null, startedBy == null ? AuditService.SYSTEM : startedBy.toString());
    execution.setVariable("campaignId", c.id());
    // the campaign's own key, whatever a starter passed (only the process decides which campaign it runs)
    if (!c.businessKey().equals(execution.getProcessBusinessKey())) {
      execution.setProcessBusinessKey(c.businessKey());
    }
  }
}
