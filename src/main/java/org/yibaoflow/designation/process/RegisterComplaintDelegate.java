package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.ComplaintReceipt;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 登记投诉 (R-DES-3): the complaint, OPEN, with how and when it was received; its id and the verification result are
 * local to this complaint.
 */
@Component("registerComplaintDelegate")
class RegisterComplaintDelegate implements JavaDelegate {

  private final PublicNoticeService service;

  RegisterComplaintDelegate(PublicNoticeService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String complainant = ProcessVariables.string(execution, "complainant");
    String content = ProcessVariables.string(execution, "complaintContent");
    String channel = ProcessVariables.string(execution, "complaintChannel");
    String receivedOn = ProcessVariables.string(execution, "complaintReceivedOn");
    var registered = service.registerComplaint(ProcessVariables.caseKey(execution), execution.getId(),
        new ComplaintReceipt(complainant, channel, content, ComplaintReceipt.date(receivedOn)),
        execution.getProcessInstanceId());
    // the message's variables land on the notice's scope, where the next complaint overwrites them: this
    // complaint keeps its own copy (runs in the receiving transaction, before any next complaint)
    execution.setVariableLocal("complainant", complainant);
    execution.setVariableLocal("complaintContent", content);
    execution.setVariableLocal("complaintChannel", channel);
    execution.setVariableLocal("complaintReceivedOn", receivedOn);
    execution.setVariableLocal("complaintId", registered.complaintId());
    // the verification form writes into this complaint's scope, not over a parallel complaint's result
    execution.setVariableLocal("complaintConclusion", null);
    execution.setVariableLocal("verificationFinding", null);
    execution.setVariableLocal("completedBy", null);
    execution.setVariable("openComplaints", registered.openComplaints());
  }
}
