package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.SigningService;
import org.yibaoflow.platform.ProcessVariables;

/** 网签生成协议 (R-DES-4): sets {@code agreementId}. */
@Component("signOnlineDelegate")
class SignOnlineDelegate implements JavaDelegate {

  private final SigningService service;

  SignOnlineDelegate(SigningService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("agreementId", service.signOnline(ProcessVariables.caseKey(execution),
        ProcessVariables.string(execution, "institutionSigner"), ProcessVariables.string(execution, "agencySigner"),
        execution.getProcessInstanceId()).id());
  }
}
