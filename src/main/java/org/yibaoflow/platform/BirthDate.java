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
 * The birth date of a working person: not in the future, and an age between {@link #minAge()} (16, the
 * lowest legal working age, Labour Law art. 15) and {@link #maxAge()} years today (domain clock).
 * Null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = BirthDate.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface BirthDate {

  String message() default "出生日期须使年龄在 {minAge} 至 {maxAge} 岁之间 / "
      + "the birth date must give an age of {minAge} to {maxAge} years";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The rule behind the bound (e.g. R-PERS-2), named in the problem's {@code rule}; INPUT when none. */
  String rule() default "INPUT";

  int minAge() default 16;

  int maxAge() default 100;

  class Validator implements ConstraintValidator<BirthDate, LocalDate> {

    private int minAge;
    private int maxAge;

    @Override
    public void initialize(BirthDate a) {
      minAge = a.minAge();
      maxAge = a.maxAge();
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || valid(value, LocalDate.now(context.getClockProvider().getClock()), minAge, maxAge);
    }

    /** Also for birth dates that come from elsewhere (the ID number): age minAge..maxAge on {@code today}. */
    public static boolean valid(LocalDate birth, LocalDate today, int minAge, int maxAge) {
      return !birth.isAfter(today.minusYears(minAge)) && birth.isAfter(today.minusYears(maxAge + 1L));
    }
  }
}
