package org.yibaoflow.institution;

/**
 * Reacts to an agreement transition in the SAME transaction (e.g. R-PERS-11: the personnel's agreements
 * follow the institution's). An exception rolls the whole transition back: all or nothing.
 */
public interface AgreementTransitionListener {

  void onTransition(AgreementTransitioned event);
}
