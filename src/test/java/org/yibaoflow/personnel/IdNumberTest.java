package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 11643-1999 check character of the citizen identity number (公民身份号码). */
class IdNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // the examples of the standard itself
      "11010519491231002X", "440524188001010014",
      // demo personnel
      "340603197805123019", "340603198509234026", "340602199002150032", "370811197608181013", "370811196901254045"})
  void validNumbers(String number) {
    assertThat(IdNumber.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "110105194912310021", // wrong check character (X is right)
      "11010519491231002x", // lower-case x
      "440524188001010015", // wrong check digit
      "11010519490230002X", // 30 February
      "110105194912310", // 15-digit (old format) numbers are not accepted
      "11010519491231002X1",
      "A1010519491231002X"})
  void invalidNumbers(String number) {
    assertThat(IdNumber.isValid(number)).isFalse();
  }

  @Test
  void birthDateAndCheckCharacter() {
    assertThat(IdNumber.birthDateOf("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(IdNumber.birthDateOf("11010519490230002X")).isNull();
    assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
  }
}
