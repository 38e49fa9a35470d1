package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The shared bounds of request fields, judged by the domain clock (here fixed on 2026-06-15, Asia/Shanghai). */
class InputConstraintsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
      .clockProvider(() -> Clock.fixed(Instant.parse("2026-06-15T02:00:00Z"), ZoneId.of("Asia/Shanghai")))
      .buildValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  record Dates(@SaneDate LocalDate plan, @SaneDate(yearsAhead = 0, rule = "R-PERS-2") LocalDate tested,
      @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 0) LocalDate penalty, @BirthDate LocalDate born,
      @Year(rule = "R-EVA-1") Integer year, @Amount BigDecimal amount) {
  }

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  private static Set<String> invalid(Dates d) {
    return VALIDATOR.validate(d).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
  }

  private static Dates dates() {
    return new Dates(null, null, null, null, null, null);
  }

  @Test
  void nullIsLeftToNotNull() {
    assertThat(invalid(dates())).isEmpty();
  }

  @Test
  void saneDatesLieBetweenTheirStartAndYearsAhead() {
    assertThat(invalid(new Dates(LocalDate.of(2000, 1, 1), TODAY, LocalDate.of(1949, 10, 1), null, null, null)))
        .isEmpty();
    assertThat(invalid(new Dates(TODAY.plusYears(10), null, null, null, null, null))).isEmpty();
    assertThat(invalid(new Dates(TODAY.plusYears(10).plusDays(1), TODAY.plusDays(1), LocalDate.of(1949, 9, 30),
        null, null, null))).containsExactlyInAnyOrder("plan", "tested", "penalty");
    assertThat(invalid(new Dates(LocalDate.of(1999, 12, 31), LocalDate.of(1900, 1, 1), null, null, null, null)))
        .containsExactlyInAnyOrder("plan", "tested");
    assertThat(invalid(new Dates(LocalDate.ofEpochDay(20250101), null, null, null, null, null)))
        .as("the year 57412 an epoch day once gave").containsExactly("plan");
  }

  @Test
  void aBirthDateGivesAWorkingAgeAndIsNeverInTheFuture() {
    assertThat(invalid(new Dates(null, null, null, TODAY.minusYears(16), null, null))).isEmpty();
    assertThat(invalid(new Dates(null, null, null, TODAY.minusYears(16).plusDays(1), null, null)))
        .containsExactly("born");
    assertThat(invalid(new Dates(null, null, null, LocalDate.of(2030, 1, 1), null, null))).containsExactly("born");
    assertThat(invalid(new Dates(null, null, null, TODAY.minusYears(101).plusDays(1), null, null))).isEmpty();
    assertThat(invalid(new Dates(null, null, null, TODAY.minusYears(101), null, null))).containsExactly("born");
  }

  @Test
  void yearsRunFrom2000ToTheCurrentOne() {
    assertThat(invalid(new Dates(null, null, null, null, 2000, null))).isEmpty();
    assertThat(invalid(new Dates(null, null, null, null, 2026, null))).isEmpty();
    assertThat(invalid(new Dates(null, null, null, null, 2027, null))).containsExactly("year");
    assertThat(invalid(new Dates(null, null, null, null, 1999, null))).containsExactly("year");
    assertThat(invalid(new Dates(null, null, null, null, 999_999_999, null))).containsExactly("year");
  }

  @Test
  void amountsAreNonNegativeYuanWithTwoDecimals() {
    assertThat(invalid(new Dates(null, null, null, null, null, new BigDecimal("999999999999.99")))).isEmpty();
    assertThat(invalid(new Dates(null, null, null, null, null, BigDecimal.ZERO))).isEmpty();
    for (String bad : new String[] {"-0.01", "0.001", "1000000000000", "1e309"}) {
      assertThat(invalid(new Dates(null, null, null, null, null, new BigDecimal(bad)))).as(bad)
          .containsExactly("amount");
    }
  }

  @Test
  void aConstraintNamesItsRule() {
    Set<ConstraintViolation<Dates>> v = VALIDATOR.validate(new Dates(null, null, null, null, 1999, null));
    assertThat(v.iterator().next().getConstraintDescriptor().getAttributes().get("rule")).isEqualTo("R-EVA-1");
    v = VALIDATOR.validate(new Dates(null, null, null, null, null, new BigDecimal("-1")));
    assertThat(v.iterator().next().getConstraintDescriptor().getAttributes().get("rule")).isEqualTo("INPUT");
  }
}
