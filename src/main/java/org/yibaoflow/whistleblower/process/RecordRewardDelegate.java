package org.yibaoflow.whistleblower.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.ProcessVariables;
import org.yibaoflow.whistleblower.ReportHandling;

/**
 * The reward's steps after the supervisor (R-VIO-15), by the element: 记录奖励审批 (Task_RecordApproval), 记录奖励发放
 * (Task_RecordPayment), 办结举报 (Task_CloseReport: no reward due, or declined with the supervisor's reason),
 * 办结举报（无生效决定） (Task_CloseNoDecision: the case ended without a decision taking effect).
 */
@Component("recordRewardDelegate")
class RecordRewardDelegate implements JavaDelegate {

  private final ReportHandling handling;

  RecordRewardDelegate(ReportHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reportNo = ProcessVariables.caseKey(execution);
    String pi = execution.getProcessInstanceId();
    switch (execution.getCurrentActivityId()) {
      case "Task_RecordApproval" -> handling.approveReward(reportNo, pi);
      case "Task_CloseNoDecision" -> handling.closeWithoutDecision(reportNo, pi);
      case "Task_RecordPayment" -> handling.recordPayment(reportNo, ProcessVariables.value(execution, "paidOn"),
          ProcessVariables.string(execution, "paymentRef"), pi);
      default -> handling.close(reportNo, ProcessVariables.flag(execution, "rewardDue")
          ? "举报奖励未获批准：" + ProcessVariables.string(execution, "approvalComment")
          : "处理决定已生效，无追回金额，不予奖励", pi);
    }
  }
}
