package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 发布公示 (R-DES-3): sets {@code noticeWorkingDays}, {@code openComplaints} = 0 and {@code noticePublishedOn} (the
 * first day a complaint of the notice can be received).
 */
@Component("publishNoticeDelegate")
class PublishNoticeDelegate implements JavaDelegate {

  private final PublicNoticeService service;

  PublishNoticeDelegate(PublicNoticeService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("noticeWorkingDays", service.publish(ProcessVariables.caseKey(execution)));
    execution.setVariable("openComplaints", 0);
    execution.setVariable(PublicNoticeService.NOTICE_PUBLISHED_ON, String.valueOf(service.today()));
  }
}
