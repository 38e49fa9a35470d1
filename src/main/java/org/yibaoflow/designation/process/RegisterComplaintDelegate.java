package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.PublicNoticeService;

/** 登记投诉 (R-DES-3): the complaint, OPEN; its id and the verification result are local to this complaint. */
@Component("registerComplaintDelegate")
class RegisterComplaintDelegate implements JavaDelegate {

  private final PublicNoticeService service;

  RegisterComplaintDelegate(PublicNoticeService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var registered = service.registerComplaint((String) execution.getVariable("applicationNo"), execution.getId(),
        (String) execution.getVariable("complainant"), (String) execution.getVariable("complaintContent"),
        execution.getProcessInstanceId());
    execution.setVariableLocal("complaintId", registered.complaintId());
    // the verification form writes into this complaint's scope, not over a parallel complaint's result
    execution.setVariableLocal("complaintFounded", null);
    execution.setVariableLocal("verificationFinding", null);
    execution.setVariable("openComplaints", registered.openComplaints());
  }
}
