package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.QualificationStopService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录审批: the supervisor's approval of a settlement-qualification stop; a rejection ends it (R-VIO-12). */
@Component("recordStopApprovalDelegate")
class RecordStopApprovalDelegate implements JavaDelegate {

  private final QualificationStopService service;

  RecordStopApprovalDelegate(QualificationStopService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var s = service.approve(ProcessVariables.caseKey(execution),
        "APPROVE".equals(ProcessVariables.string(execution, "stopApproval")),
        ProcessVariables.string(execution, "approvalComment"), execution.getProcessInstanceId());
    execution.setVariable("stopStatus", s.status());
  }
}
