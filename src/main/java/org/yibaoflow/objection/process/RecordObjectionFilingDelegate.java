package org.yibaoflow.objection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.objection.FilingResult;
import org.yibaoflow.objection.ObjectionService;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 记录书面异议: the objection the caseworker entered at 登记异议 is filed as the API files one
 * ({@link ObjectionService#fileReceived}, R-PERS-12), judged by the day it was received; the case is the business key,
 * the filing's author the caseworker who completed the task.
 */
@Component("recordObjectionFilingDelegate")
class RecordObjectionFilingDelegate implements JavaDelegate {

  private final ObjectionService service;

  RecordObjectionFilingDelegate(ObjectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FilingResult result = service.fileReceived(ProcessVariables.caseKey(execution),
        FormCheck.receivedDate(ProcessVariables.string(execution, ObjectionFilingForm.RECEIVED_ON)),
        ProcessVariables.string(execution, ObjectionFilingForm.REASONS),
        ProcessVariables.string(execution, ObjectionFilingForm.EVIDENCE), ProcessVariables.lastTaskCompletedBy(execution));
    execution.setVariable("objectionLevel", result.level().name());
  }
}
