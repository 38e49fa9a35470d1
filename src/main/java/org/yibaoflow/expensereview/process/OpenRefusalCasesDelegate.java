package org.yibaoflow.expensereview.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.expensereview.RefusalCases;

/** 移交违约处理: one violation case per refused institution of the batch (R-VIO-1 EXPENSE_REVIEW, R-VIO-13). */
@Component("openRefusalCasesDelegate")
class OpenRefusalCasesDelegate implements JavaDelegate {

  private final RefusalCases cases;

  OpenRefusalCasesDelegate(RefusalCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("violationCases",
        String.join(",", cases.open(execution.getProcessBusinessKey(), execution.getProcessInstanceId())));
  }
}
