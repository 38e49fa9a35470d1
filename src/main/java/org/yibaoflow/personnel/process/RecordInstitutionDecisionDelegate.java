package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelShareService;
import org.yibaoflow.platform.ProcessVariables;

/** 执行机构协议处理 (R-PERS-10): the supervisor's decision on the institution's agreement. */
@Component("recordInstitutionDecisionDelegate")
class RecordInstitutionDecisionDelegate implements JavaDelegate {

  private final PersonnelShareService service;

  RecordInstitutionDecisionDelegate(PersonnelShareService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.decideInstitution(ProcessVariables.caseKey(execution),
        ProcessVariables.requiredLong(execution, "thresholdInstitutionId"),
        ProcessVariables.string(execution, "institutionProposal"),
        ProcessVariables.string(execution, "institutionProposalReason"), execution.getProcessInstanceId());
  }
}
