package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.util.List;

/** An inspection's findings against one person: each finding lists the catalogue codes it matches (R-PERS-5). */
public record DeductionReport(String inspectionRef, LocalDate inspectedOn, List<Finding> findings) {

  /** One violation; several codes = one violation matching several cases, deducted once at the highest. */
  public record Finding(List<String> codes, String description) {
  }
}
