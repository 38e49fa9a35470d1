package org.yibaoflow.objection.process;

import java.util.List;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.objection.FilingResult;
import org.yibaoflow.objection.ObjectionService;
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
        ObjectionFilingForm.receivedOn(ProcessVariables.string(execution, ObjectionFilingForm.RECEIVED_ON)),
        ProcessVariables.string(execution, ObjectionFilingForm.REASONS),
        ProcessVariables.string(execution, ObjectionFilingForm.EVIDENCE), recordedBy(execution));
    execution.setVariable("objectionLevel", result.level().name());
  }

  /**
   * Who entered it: the user the engine logged completing the task just before this job (the job itself runs
   * without a user); null when none is logged (a test or a service completed it), then the audit's own actor.
   */
  static String recordedBy(DelegateExecution execution) {
    List<UserOperationLogEntry> completed = execution.getProcessEngineServices().getHistoryService()
        .createUserOperationLogQuery().processInstanceId(execution.getProcessInstanceId())
        .entityType(EntityTypes.TASK).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .orderByTimestamp().desc().listPage(0, 1);
    return completed.isEmpty() ? null : completed.get(0).getUserId();
  }
}
