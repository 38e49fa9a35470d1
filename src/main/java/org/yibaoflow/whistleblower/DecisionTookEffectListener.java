package org.yibaoflow.whistleblower;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.DecisionTookEffect;
import org.yibaoflow.enforcement.ViolationCaseClosed;

/**
 * R-VIO-15: the reward follows the decision of the case a founded report opened or joined. Runs inside the case's
 * job transaction (published by 执行处理决定); idempotent, as that job may be retried. A case that ends without its
 * decision taking effect (结案, ViolationCaseClosed) closes the founded reports still waiting, without reward.
 */
@Component
class DecisionTookEffectListener {

  private final ReportHandling handling;

  DecisionTookEffectListener(ReportHandling handling) {
    this.handling = handling;
  }

  @EventListener
  void on(DecisionTookEffect event) {
    handling.decisionTookEffect(event.caseNo());
  }

  @EventListener
  void on(ViolationCaseClosed event) {
    handling.caseClosed(event.caseNo());
  }
}
