package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelShareService;
import org.yibaoflow.platform.ProcessVariables;

/** 核查机构相关人员中止解除比例 (R-PERS-10): the next institution reaching the share, if any. */
@Component("checkInstitutionThresholdDelegate")
class CheckInstitutionThresholdDelegate implements JavaDelegate {

  private final PersonnelShareService service;

  CheckInstitutionThresholdDelegate(PersonnelShareService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PersonnelShareService.Threshold t = service.nextThreshold(ProcessVariables.caseKey(execution),
        execution.getProcessInstanceId());
    execution.setVariable("thresholdReached", t != null);
    execution.setVariable("thresholdInstitutionId", t == null ? null : t.institutionId());
    execution.setVariable("thresholdInstitutionName", t == null ? null : t.institutionName());
    execution.setVariable("thresholdSummary", t == null ? null : t.summaryZh());
  }
}
