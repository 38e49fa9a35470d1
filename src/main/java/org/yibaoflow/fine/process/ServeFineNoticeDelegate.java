package org.yibaoflow.fine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.fine.FineService;
import org.yibaoflow.platform.ProcessVariables;

/** 送达行政处罚告知书: the proposed fine and the right to a statement and hearing; opens the statement period (R-VIO-10, R-TIME-1). */
@Component("serveFineNoticeDelegate")
class ServeFineNoticeDelegate implements JavaDelegate {

  private final FineService service;

  ServeFineNoticeDelegate(FineService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String fineNo = FineDelegates.fineNo(execution);
    FineService.Served s = service.serveNotice(fineNo, ProcessVariables.string(execution, "institutionName"),
        execution.getProcessInstanceId());
    FineDelegates.served(execution, s, "noticeServedOn");
    execution.setVariable("statementWorkingDays", s.periodDays());
  }
}
