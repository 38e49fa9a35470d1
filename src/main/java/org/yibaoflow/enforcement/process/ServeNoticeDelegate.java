package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationDecisionService;
import org.yibaoflow.platform.ProcessVariables;

/** 送达处理决定书: the written notice; the objection window starts the day after (R-PERS-12). */
@Component("serveNoticeDelegate")
public class ServeNoticeDelegate implements JavaDelegate {

  private final ViolationDecisionService service;

  public ServeNoticeDelegate(ViolationDecisionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var n = service.serveNotice(ProcessVariables.caseKey(execution), execution.getProcessInstanceId());
    execution.setVariable("decisionType", n.decisionType());
    execution.setVariable("decision", n.decision());
    execution.setVariable("party", n.party());
    execution.setVariable("noticeServedOn", n.servedOn());
  }
}
