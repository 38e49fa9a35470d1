package org.yibaoflow.personnel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.personnel.QualificationStopService;
import org.yibaoflow.platform.ProcessVariables;

/** 停止医保结算资格: as the objection left it; the health department is then informed (R-VIO-12). */
@Component("stopQualificationDelegate")
class StopQualificationDelegate implements JavaDelegate {

  private final QualificationStopService service;

  StopQualificationDelegate(QualificationStopService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var s = service.takeEffect(ProcessVariables.caseKey(execution), ProcessVariables.string(execution, "objectionOutcome"),
        ProcessVariables.integer(execution, "changedYears"), ProcessVariables.string(execution, "objectionNo"),
        execution.getProcessInstanceId());
    execution.setVariable("stopStatus", s.status());
    execution.setVariable("referralKind", "HEALTH");
    execution.setVariable("caseSummary", "医保支付资格相关人员 " + ProcessVariables.string(execution, "personName")
        + " 经违约处理案件 " + ProcessVariables.string(execution, "violationCaseNo") + " 查实参与骗取医保基金，已停止其医保结算资格 "
        + s.years() + " 年（" + s.effectiveOn() + " 至 " + s.stoppedUntil() + "），通报卫生健康行政部门（R-VIO-12）。");
  }
}
