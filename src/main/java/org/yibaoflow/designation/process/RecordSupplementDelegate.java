package org.yibaoflow.designation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.ComplaintReceipt;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.designation.SupplementReceipt;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 记录补正材料: the application returns to the completeness review (R-DES-1), recorded with what arrived and when
 * (登记补正材料 in Tasklist or the API's message); the next review shows it ({@code supplementSummary}), and the
 * fields are cleared so a second supplement request starts from an empty form.
 */
@Component("recordSupplementDelegate")
class RecordSupplementDelegate implements JavaDelegate {

  static final String[] RECEIPT = {"suppliedMaterials", "supplementReceivedOn", "supplementNote"};

  private final DesignationService service;

  RecordSupplementDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupplementReceipt receipt = new SupplementReceipt(
        SupplementReceipt.items(ProcessVariables.value(execution, "suppliedMaterials")),
        ComplaintReceipt.date(ProcessVariables.value(execution, "supplementReceivedOn")),
        ProcessVariables.string(execution, "supplementNote"));
    service.recordSupplement(ProcessVariables.caseKey(execution), receipt);
    execution.setVariable("supplementSummary", summary(receipt));
    for (String name : RECEIPT) {
      execution.removeVariable(name);
    }
  }

  static String summary(SupplementReceipt r) {
    if (r.materials().isEmpty()) {
      return "机构已补正（未登记具体材料）";
    }
    return (r.receivedOn() == null ? "" : r.receivedOn() + " 收到：") + String.join("、", r.materials())
        + (r.note() == null ? "" : "；说明：" + r.note());
  }
}
