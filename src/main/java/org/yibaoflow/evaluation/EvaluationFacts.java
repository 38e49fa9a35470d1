package org.yibaoflow.evaluation;

import java.math.BigDecimal;

/**
 * What is known of an agreement's year before scoring (R-EVA-3..5): the agreement points (记分) and measures
 * of the year, the suspension count (R-VIO-5), licences, settlement volume (null = not delivered), personnel.
 * {@code onRequestSuspensionDays}: days the agreement has been suspended on the institution's own request,
 * null when it is not.
 */
public record EvaluationFacts(int agreementPoints, int measuresInYear, int suspensionCount, String agreementState,
    Integer onRequestSuspensionDays, boolean licenceRevoked, boolean licenceExpired, BigDecimal settlementAmount,
    int personnelTotal, int personnelSuspended) {

  /** Share of the institution's qualified personnel whose agreement is suspended or terminated, in percent. */
  public int personnelSuspendedPercent() {
    return personnelTotal == 0 ? 0 : personnelSuspended * 100 / personnelTotal;
  }
}
