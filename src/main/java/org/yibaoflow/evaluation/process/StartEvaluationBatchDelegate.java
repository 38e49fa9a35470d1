package org.yibaoflow.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.evaluation.EvaluationCampaignService;
import org.yibaoflow.platform.ProcessVariables;

/** 批量启动考核: one batch of annual-evaluation instances in this job's transaction. */
@Component("startEvaluationBatchDelegate")
class StartEvaluationBatchDelegate implements JavaDelegate {

  private final EvaluationCampaignService service;

  StartEvaluationBatchDelegate(EvaluationCampaignService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var result = service.runNextBatch(ProcessVariables.requiredLong(execution, "campaignId"));
    execution.setVariable("allStarted", result.allStarted());
  }
}
