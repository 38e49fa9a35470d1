package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.platform.ProcessVariables;

/** 投诉属实，不予定点 (R-DES-3): sets {@code noticePassed} = false and {@code noticeFailureReason}. */
@Component("failByComplaintDelegate")
class FailByComplaintDelegate implements JavaDelegate {

  private final PublicNoticeService service;

  FailByComplaintDelegate(PublicNoticeService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("noticeFailureReason", service.failByComplaint(
        ProcessVariables.caseKey(execution),
        ProcessVariables.requiredLong(execution, "foundedComplaintId")));
    execution.setVariable("noticePassed", false);
  }
}
