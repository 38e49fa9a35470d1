package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.platform.ProcessVariables;

/** 公示结束 (R-DES-3): period over and no complaint open; sets {@code noticePassed} = true. */
@Component("closeNoticeDelegate")
class CloseNoticeDelegate implements JavaDelegate {

  private final PublicNoticeService service;

  CloseNoticeDelegate(PublicNoticeService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.closeNotice(ProcessVariables.caseKey(execution));
    execution.setVariable("noticePassed", true);
  }
}
