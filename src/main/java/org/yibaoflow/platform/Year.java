package org.yibaoflow.platform;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A calendar year from {@link #min()} to {@link #yearsAhead()} years after the current one (domain clock).
 * Null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = Year.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Year {

  String message() default "年度须不早于 {min} 年、不晚于当年之后 {yearsAhead} 年 / "
      + "the year must be from {min} to the current year plus {yearsAhead}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The rule behind the bound (e.g. R-PERS-2), named in the problem's {@code rule}; INPUT when none. */
  String rule() default "INPUT";

  int min() default 2000;

  /** 0: not after the current year. */
  int yearsAhead() default 0;

  class Validator implements ConstraintValidator<Year, Integer> {

    private int min;
    private int yearsAhead;

    @Override
    public void initialize(Year a) {
      min = a.min();
      yearsAhead = a.yearsAhead();
    }

    @Override
    public boolean isValid(Integer value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      int current = LocalDate.now(context.getClockProvider().getClock()).getYear();
      return value >= min && value <= current + yearsAhead;
    }
  }
}
