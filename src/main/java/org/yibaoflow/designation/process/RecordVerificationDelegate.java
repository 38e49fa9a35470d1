package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.PublicNoticeService;

/** 记录核实结论 (R-DES-3): updates {@code openComplaints}; a founded complaint is named in {@code foundedComplaintId}. */
@Component("recordVerificationDelegate")
class RecordVerificationDelegate implements JavaDelegate {

  private final PublicNoticeService service;

  RecordVerificationDelegate(PublicNoticeService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long complaintId = ((Number) execution.getVariable("complaintId")).longValue();
    boolean founded = "FOUNDED".equals(execution.getVariable("complaintConclusion"));
    int open = service.verifyComplaint(complaintId, founded, (String) execution.getVariable("verificationFinding"),
        (String) execution.getVariable("completedBy"));
    if (founded) {
      execution.setVariable("foundedComplaintId", complaintId);
    }
    execution.setVariable("openComplaints", open);
  }
}
