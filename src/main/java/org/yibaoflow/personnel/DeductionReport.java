package org.yibaoflow.personnel;

import java.time.LocalDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An inspection's findings against one person: each finding lists the catalogue codes it matches (R-PERS-5). */
public record DeductionReport(String inspectionRef, LocalDate inspectedOn, List<Finding> findings) {

  /**
   * One violation; several codes = one violation matching several cases, deducted once at the highest.
   * {@code points}: only under a graded rule set, the points chosen by severity within the grade of the
   * highest matching case (e.g. 4-6 for a 3-point case); must be absent otherwise.
   */
  public record Finding(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 10) String> codes,
      @NotBlank @Size(max = 2000) String description, @Min(1) @Max(12) Integer points) {

    public Finding(List<String> codes, String description) {
      this(codes, description, null);
    }
  }
}
