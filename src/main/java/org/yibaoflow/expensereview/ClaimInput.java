package org.yibaoflow.expensereview;

import org.yibaoflow.platform.Amount;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import java.math.BigDecimal;

/**
 * One claim of a settlement batch as the settlement system sends it (JSON) or a caseworker uploads it (CSV):
 * the institution, the claim id, inpatient or outpatient, days in hospital (0 for outpatient), the number of
 * charged items and the amount in yuan.
 */
public record ClaimInput(@NotBlank @Size(max = 64) String claimId, @NotBlank @Size(max = 32) String institutionCode,
    @NotBlank @Pattern(regexp = "INPATIENT|OUTPATIENT") String careType, @Min(0) @Max(3660) Integer stayDays,
    @Min(0) @Max(100_000) Integer itemCount, @NotNull @Amount(rule = "R-VIO-13") BigDecimal amount) {

  public static final String INPATIENT = "INPATIENT";
  public static final String OUTPATIENT = "OUTPATIENT";
}
