package org.yibaoflow.whistleblower.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.ProcessVariables;
import org.yibaoflow.whistleblower.ReportHandling;
import org.yibaoflow.whistleblower.RewardScale;

/** 计算举报奖励 (R-VIO-15): the region's scale (DMN) and cap on the case's recovered funds. */
@Component("proposeRewardDelegate")
class ProposeRewardDelegate implements JavaDelegate {

  private final ReportHandling handling;

  ProposeRewardDelegate(ReportHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RewardScale.Reward r = handling.proposeReward(ProcessVariables.caseKey(execution), execution.getProcessInstanceId());
    execution.setVariable("recoveredAmount", r.recovered().toPlainString());
    execution.setVariable("rewardPercent", r.percent().stripTrailingZeros().toPlainString());
    execution.setVariable("rewardAmount", r.amount().toPlainString());
    execution.setVariable("rewardCapped", r.capped());
    execution.setVariable("rewardDue", r.amount().signum() > 0);
  }
}
