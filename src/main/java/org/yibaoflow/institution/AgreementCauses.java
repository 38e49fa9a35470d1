package org.yibaoflow.institution;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The cause of each agreement's current state as a column (agreement.state_cause), written in the transition's
 * transaction, so readers ask the registry ("is this suspension on request?", R-EVA-5) instead of parsing audit
 * text.
 */
@Component
@Order(0)
public class AgreementCauses implements AgreementTransitionListener {

  private final AgreementCauseMapper mapper;

  AgreementCauses(AgreementCauseMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void onTransition(AgreementTransitioned event) {
    mapper.setCause(event.agreementId(), event.cause());
  }

  /** The cause of the agreement's current state (null for a state it was signed in). */
  public String causeOf(long agreementId) {
    return mapper.causeOf(agreementId);
  }

  /** R-EVA-5: suspended on the institution's own request. */
  public boolean suspendedOnRequest(Agreement agreement) {
    return agreement.state() == AgreementState.SUSPENDED
        && AgreementStateMachine.ON_REQUEST.equals(causeOf(agreement.id()));
  }
}
