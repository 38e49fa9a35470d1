package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.SigningService;

/** 网签生成协议 (R-DES-4): sets {@code agreementId}. */
@Component("signOnlineDelegate")
class SignOnlineDelegate implements JavaDelegate {

  private final SigningService service;

  SignOnlineDelegate(SigningService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("agreementId", service.signOnline((String) execution.getVariable("applicationNo"),
        (String) execution.getVariable("institutionSigner"), (String) execution.getVariable("agencySigner"),
        execution.getProcessInstanceId()).id());
  }
}
