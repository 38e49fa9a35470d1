package org.yibaoflow.platform;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An amount of money in yuan as the domain columns hold it (DECIMAL(14, 2)): not negative, at most 12
 * integer digits and 2 decimals (0.001 is refused, not rounded). Null is valid (combine with {@code @NotNull}).
 */
@Documented
@DecimalMin("0")
@Digits(integer = 12, fraction = 2)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Amount {

  String message() default "金额须为不小于 0 的数（元，整数部分至多 12 位，至多 2 位小数） / "
      + "the amount must be a non-negative number of yuan with at most 12 integer digits and 2 decimals";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The rule behind the bound (e.g. R-PERS-2), named in the problem's {@code rule}; INPUT when none. */
  String rule() default "INPUT";
}
