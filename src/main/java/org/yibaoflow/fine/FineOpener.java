package org.yibaoflow.fine;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.DecisionTookEffect;

/**
 * A violation case's decision took effect (执行处理决定): when it proposed a fine, the administrative department
 * gets its fine case (R-VIO-10). Runs inside the job's transaction (a failure rolls the execution back and the job
 * is retried); {@link FineService#openFor} is idempotent per case, so a retry opens one fine.
 */
@Component
class FineOpener {

  private final FineService service;

  FineOpener(FineService service) {
    this.service = service;
  }

  @EventListener
  void decisionTookEffect(DecisionTookEffect event) {
    service.openFor(event.caseNo());
  }
}
