package org.yibaoflow.institution;

import java.util.List;

/**
 * The agreement after a transition and every transition applied, in order: one, or two when the
 * suspension reached the region's threshold and the termination followed at once (R-VIO-5).
 */
public record TransitionResult(Agreement agreement, List<Applied> applied) {

  public record Applied(AgreementState from, AgreementState to, String cause, String ruleId, int suspensionCount) {
  }
}
