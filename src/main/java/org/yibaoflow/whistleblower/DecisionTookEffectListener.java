package org.yibaoflow.whistleblower;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.DecisionTookEffect;

/**
 * R-VIO-15: the reward follows the decision of the case a founded report opened or joined. Runs inside the case's
 * job transaction (published by 执行处理决定); idempotent, as that job may be retried.
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
}
