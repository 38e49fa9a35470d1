package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.util.List;

/** An inspection's findings against one person: each finding lists the catalogue codes it matches (R-PERS-5). */
public record DeductionReport(String inspectionRef, LocalDate inspectedOn, List<Finding> findings) {

  /**
   * One violation; several codes = one violation matching several cases, deducted once at the highest.
   * {@code points}: only under a graded rule set, the points chosen by severity within the grade of the
   * highest matching case (e.g. 4-6 for a 3-point case); must be absent otherwise.
   */
  public record Finding(List<String> codes, String description, Integer points) {

    public Finding(List<String> codes, String description) {
      this(codes, description, null);
    }
  }
}
