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
 * A date within a sane range: not before {@link #notBefore()} and at most {@link #yearsAhead()} years after
 * today (0: not after today). "Today" is the domain clock's (Bean Validation's ClockProvider, ValidationConfig).
 * Null is valid (combine with {@code @NotNull}). The bounds of each request field: docs/security.md.
 */
@Documented
@Constraint(validatedBy = SaneDate.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface SaneDate {

  /** Dates of the medical-insurance system's own records (agreements, inspections, plans). */
  String SYSTEM_START = "2000-01-01";
  /** Dates of documents issued by any authority of the People's Republic (licences, penalties). */
  String PRC_FOUNDED = "1949-10-01";

  String message() default "日期须不早于 {notBefore}、不晚于今天之后 {yearsAhead} 年 / "
      + "the date must be from {notBefore} to today plus {yearsAhead} years";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The rule behind the bound (e.g. R-PERS-2), named in the problem's {@code rule}; INPUT when none. */
  String rule() default "INPUT";

  /** The earliest accepted date, yyyy-MM-dd. */
  String notBefore() default SYSTEM_START;

  /** How many years after today a date may lie; 0 = not after today. */
  int yearsAhead() default 10;

  class Validator implements ConstraintValidator<SaneDate, LocalDate> {

    private LocalDate notBefore;
    private int yearsAhead;

    @Override
    public void initialize(SaneDate a) {
      notBefore = LocalDate.parse(a.notBefore());
      yearsAhead = a.yearsAhead();
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      LocalDate today = LocalDate.now(context.getClockProvider().getClock());
      return !value.isBefore(notBefore) && !value.isAfter(today.plusYears(yearsAhead));
    }
  }
}
