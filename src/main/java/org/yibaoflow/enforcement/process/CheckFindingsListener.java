package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationFindingsService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * 调查取证 completed: the report is checked before the task may close (codes, amounts, the sampling ratio against
 * the region's minimum, R-VIO-13). A refusal leaves the task open with the message, instead of an incident in the
 * recording job. The case is the process instance's business key.
 */
@Component("checkFindingsListener")
class CheckFindingsListener implements TaskListener {

  private final ViolationFindingsService service;

  CheckFindingsListener(ViolationFindingsService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      service.checkFindings(task.getExecution().getProcessBusinessKey(), RecordFindingsDelegate.report(task));
    } catch (DomainRuleException e) {
      // Tasklist shows the message of the refused completion: Chinese first, field and rule for the API caller
      throw new ProcessEngineException(e.messageZh() + "（" + e.field() + "，" + e.rule() + "）" + e.messageEn(), e);
    }
  }
}
