package org.yibaoflow.fine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.fine.FineService;
import org.yibaoflow.platform.ProcessVariables;

/** 罚款决定生效: as the objection left it (revoked, upheld, changed amount); the payment period starts (R-VIO-10, R-TIME-2). */
@Component("fineTakesEffectDelegate")
class FineTakesEffectDelegate implements JavaDelegate {

  private final FineService service;

  FineTakesEffectDelegate(FineService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var f = service.takeEffect(FineDelegates.fineNo(execution), ProcessVariables.string(execution, "objectionOutcome"),
        FineDelegates.amount(execution, "changedAmount"), execution.getProcessInstanceId());
    FineDelegates.show(execution, f);
    execution.setVariable("effectiveOn", f.effectiveOn() == null ? null : f.effectiveOn().toString());
    execution.setVariable("paymentDays", service.paymentDays(f.fineNo()));
    execution.setVariable("paymentDue", f.paymentDue() == null ? null : f.paymentDue().toString());
  }
}
