package org.yibaoflow.insured.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.insured.InsuredSuspensionService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录审批意见: the supervisor's approval of a suspension of direct settlement; a rejection ends it (R-VIO-12). */
@Component("recordSuspensionApprovalDelegate")
class RecordSuspensionApprovalDelegate implements JavaDelegate {

  private final InsuredSuspensionService service;

  RecordSuspensionApprovalDelegate(InsuredSuspensionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var s = service.approve(ProcessVariables.caseKey(execution),
        "APPROVE".equals(ProcessVariables.string(execution, "suspensionApproval")),
        ProcessVariables.string(execution, "approvalComment"), execution.getProcessInstanceId());
    execution.setVariable("suspensionStatus", s.status());
  }
}
