package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.PersonnelObjectionService;
import org.yibaoflow.platform.ProcessVariables;

/** 撤销扣分: the objection revoked the decision; the inspection leaves the ledger (R-PERS-12). */
@Component("revokeDeductionDelegate")
class RevokeDeductionDelegate implements JavaDelegate {

  private final PersonnelObjectionService service;

  RevokeDeductionDelegate(PersonnelObjectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.revoke(ProcessVariables.caseKey(execution), ProcessVariables.string(execution, "objectionNo"),
        execution.getProcessInstanceId());
  }
}
