package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.EvaluationService;

/** 记录部门复函 (R-DES-2): the written reply of one department in the round. */
@Component("recordInquiryReplyDelegate")
class RecordInquiryReplyDelegate implements JavaDelegate {

  private final EvaluationService service;

  RecordInquiryReplyDelegate(EvaluationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordInquiryReply((String) execution.getVariable("applicationNo"),
        ((Number) execution.getVariable("evaluationRound")).intValue(),
        (String) execution.getVariable("inquiryDepartment"), (String) execution.getVariable("inquiryReply"),
        "ADVERSE".equals(execution.getVariable("inquiryConclusion")),
        (String) execution.getVariable("completedBy"));
  }
}
