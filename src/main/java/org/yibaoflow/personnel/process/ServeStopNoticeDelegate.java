package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.QualificationStopService;
import org.yibaoflow.platform.ProcessVariables;

/** 送达停止医保结算资格决定: the objection window counts from its service (R-VIO-12, R-PERS-12). */
@Component("serveStopNoticeDelegate")
class ServeStopNoticeDelegate implements JavaDelegate {

  private final QualificationStopService service;

  ServeStopNoticeDelegate(QualificationStopService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var notice = service.serveNotice(ProcessVariables.caseKey(execution), execution.getProcessInstanceId());
    execution.setVariable("decision", notice.decision());
    execution.setVariable("decisionType", "QUALIFICATION_STOP");
    execution.setVariable("party", ProcessVariables.string(execution, "personName"));
    execution.setVariable("noticeServedOn", notice.servedOn().toString());
  }
}
