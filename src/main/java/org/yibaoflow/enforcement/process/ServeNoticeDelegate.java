package org.yibaoflow.enforcement.process;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.document.Document;
import org.yibaoflow.document.DocumentKind;
import org.yibaoflow.document.DocumentService;
import org.yibaoflow.enforcement.ViolationDecisionService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 登记送达: the decision notice was served on the day the caseworker recorded on its document in 送达处理决定书
 * (issue 17); the case records it and the objection window counts from it (R-PERS-12, R-TIME-1). The date is the
 * document's; only an instance that generated none (no region) has it from the serving task's listener.
 */
@Component("serveNoticeDelegate")
public class ServeNoticeDelegate implements JavaDelegate {

  static final String NOTICE_SERVED_ON = "noticeServedOn";

  private final ViolationDecisionService service;
  private final DocumentService documents;

  public ServeNoticeDelegate(ViolationDecisionService service, DocumentService documents) {
    this.service = service;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Document d = documents.latestOfProcess(execution.getProcessInstanceId(), DocumentKind.DECISION);
    LocalDate servedOn = d != null && d.servedOn() != null ? d.servedOn()
        : Deadlines.toDate(ProcessVariables.value(execution, NOTICE_SERVED_ON));
    var n = service.serveNotice(ProcessVariables.caseKey(execution), execution.getProcessInstanceId(), servedOn);
    execution.setVariable("decisionType", n.decisionType());
    execution.setVariable("decision", n.decision());
    execution.setVariable("party", n.party());
    execution.setVariable(NOTICE_SERVED_ON, n.servedOn());
  }
}
