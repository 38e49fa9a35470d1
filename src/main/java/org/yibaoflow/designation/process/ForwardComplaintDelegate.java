package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.ComplaintReceipt;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 转入调查核实 (R-DES-3, issue 15 item 6): the complaint the caseworker recorded in 登记公示期间投诉 goes the way a
 * complaint through /api goes — the same rules, the same message {@code ComplaintReceived}, the same registration
 * and verification — in the completion's transaction; the form's fields are cleared for the next complaint.
 */
@Component("forwardComplaintDelegate")
class ForwardComplaintDelegate implements JavaDelegate {

  static final String[] FORM_FIELDS = {"receivedOn", "receivedChannel", "receivedComplainant", "receivedContent"};

  private final PublicNoticeService service;

  ForwardComplaintDelegate(PublicNoticeService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintReceipt receipt = new ComplaintReceipt(ProcessVariables.string(execution, "receivedComplainant"),
        ProcessVariables.string(execution, "receivedChannel"), ProcessVariables.string(execution, "receivedContent"),
        ComplaintReceipt.date(ProcessVariables.value(execution, "receivedOn")));
    service.forwardComplaint(ProcessVariables.caseKey(execution), receipt,
        ComplaintReceipt.date(ProcessVariables.value(execution, PublicNoticeService.NOTICE_PUBLISHED_ON)),
        service.noticeLastDay(execution.getProcessInstanceId()));
    for (String field : FORM_FIELDS) {
      execution.removeVariable(field);
    }
  }
}
