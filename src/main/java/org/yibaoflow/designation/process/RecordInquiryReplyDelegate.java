package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.EvaluationService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录部门复函 (R-DES-2): the written reply of one department in the round. */
@Component("recordInquiryReplyDelegate")
class RecordInquiryReplyDelegate implements JavaDelegate {

  private final EvaluationService service;

  RecordInquiryReplyDelegate(EvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordInquiryReply(ProcessVariables.caseKey(execution),
        ProcessVariables.requiredInt(execution, "evaluationRound"),
        ProcessVariables.string(execution, "inquiryDepartment"), ProcessVariables.string(execution, "inquiryReply"),
        "ADVERSE".equals(ProcessVariables.value(execution, "inquiryConclusion")),
        ProcessVariables.string(execution, "completedBy"));
  }
}
