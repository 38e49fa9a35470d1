package org.yibaoflow.enforcement;

import java.math.BigDecimal;

/**
 * What the investigation (调查取证) reports: the catalogue codes found (R-VIO-2), the defrauded amount (R-VIO-10),
 * the violations found in a random sample and its ratio (R-VIO-13), a proposed fine multiple (R-VIO-10), whether
 * records must be produced (R-VIO-7), serious-risk conduct (R-VIO-6), and what calls for a transfer (R-VIO-11:
 * suspected crime, public officials, another regulator's matter).
 */
public record FindingsReport(String findingCodes, BigDecimal defraudedAmount, BigDecimal sampleAmount,
    BigDecimal samplingRatio, Integer fineMultiple, boolean documentsRequested, boolean seriousRiskFound,
    boolean crimeSuspected, boolean publicOfficial, boolean otherRegulator) {

  /** Only the codes (tests, and intake-like uses with nothing else found). */
  public static FindingsReport of(String findingCodes) {
    return new FindingsReport(findingCodes, null, null, null, null, false, false, false, false, false);
  }
}
