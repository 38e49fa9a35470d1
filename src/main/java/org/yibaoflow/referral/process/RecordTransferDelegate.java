package org.yibaoflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.document.Document;
import org.yibaoflow.document.DocumentKind;
import org.yibaoflow.document.DocumentService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.ProcessVariables;
import org.yibaoflow.referral.ReferralService;

/**
 * 记录移送: the receiving body, the date and the number of the transfer letter (移送函, R-VIO-11). The number is the
 * 文号 of the letter the process generated at 办理移送 (issue 17), read from the case's documents, never from the
 * {@code letterNo} variable a form could send; the variable is set back to it for the follow-up forms.
 */
@Component("recordTransferDelegate")
class RecordTransferDelegate implements JavaDelegate {

  static final String LETTER_NO = "letterNo";

  private final ReferralService service;
  private final DocumentService documents;

  RecordTransferDelegate(ReferralService service, DocumentService documents) {
    this.service = service;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Document letter = documents.latestOfProcess(execution.getProcessInstanceId(), DocumentKind.REFERRAL_LETTER);
    if (letter == null) {
      throw DomainRuleException.badRequest(LETTER_NO, "R-VIO-11", "本移送没有系统生成的移送函，不能记录移送",
          "No transfer letter was generated for this referral");
    }
    execution.setVariable(LETTER_NO, letter.number());
    service.recordTransfer(ProcessVariables.caseKey(execution),
        ProcessVariables.string(execution, "receivingBody"), Deadlines.toDate(ProcessVariables.value(execution, "transferredOn")),
        letter.number());
  }
}
