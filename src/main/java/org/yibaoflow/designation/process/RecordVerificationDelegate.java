package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录核实结论 (R-DES-3): updates {@code openComplaints}; a founded complaint is named in {@code foundedComplaintId}. */
@Component("recordVerificationDelegate")
class RecordVerificationDelegate implements JavaDelegate {

  private final PublicNoticeService service;

  RecordVerificationDelegate(PublicNoticeService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long complaintId = ProcessVariables.requiredLong(execution, "complaintId");
    boolean founded = "FOUNDED".equals(ProcessVariables.value(execution, "complaintConclusion"));
    int open = service.verifyComplaint(complaintId, founded, ProcessVariables.string(execution, "verificationFinding"),
        ProcessVariables.string(execution, "completedBy"));
    if (founded) {
      execution.setVariable("foundedComplaintId", complaintId);
    }
    execution.setVariable("openComplaints", open);
  }
}
