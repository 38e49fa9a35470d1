package org.yibaoflow.insured.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.insured.InsuredSuspensionService;
import org.yibaoflow.platform.ProcessVariables;

/** 送达暂停直接结算决定: the decision for the notice; the objection window counts from its service (R-PERS-12). */
@Component("serveSuspensionNoticeDelegate")
class ServeSuspensionNoticeDelegate implements JavaDelegate {

  private final InsuredSuspensionService service;

  ServeSuspensionNoticeDelegate(InsuredSuspensionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var notice = service.serveNotice(ProcessVariables.caseKey(execution), execution.getProcessInstanceId());
    execution.setVariable("decision", notice.decision());
    execution.setVariable("decisionType", "INSURED_SUSPENSION");
    execution.setVariable("party", ProcessVariables.string(execution, "personName"));
    execution.setVariable("noticeServedOn", notice.servedOn().toString());
  }
}
