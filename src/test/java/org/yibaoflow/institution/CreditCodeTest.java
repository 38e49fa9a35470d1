package org.yibaoflow.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 check character of the unified social credit code (统一社会信用代码). */
class CreditCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // published codes of real organisations
      "91350100M000100Y43", "91110000802100433B",
      // the demo institutions' codes (check characters computed with the GB 32100 weights)
      "12340600485950026U", "12340600485950034N", "91340603MA2N4K7L88", "91340600MA2MTQ3R9A",
      "123708004950000129", "123708004950000204", "91370811MA3C5K2P1N", "52370812MJD2345671"})
  void validCodes(String code) {
    assertThat(CreditCode.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "91350100M000100Y44", // wrong check character
      "91350100M000100Y4", // 17 characters
      "91350100M000100Y430", // 19 characters
      "91350100m000100Y43", // lower case
      "91350100I000100Y43", // I is not in the alphabet
      "91350100O000100Y43", // O
      "91350100Z000100Y43", // Z
      "91350100S000100Y43", // S
      "91350100V000100Y43", // V
      "12340600MB1234567X"}) // well-formed, wrong check character (…9 is right)
  void invalidCodes(String code) {
    assertThat(CreditCode.isValid(code)).isFalse();
  }

  @Test
  void checkCharacterFollowsTheWeights() {
    assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    assertThat(CreditCode.checkCharacter("12340600MB1234567")).isEqualTo('9');
    // a sum divisible by 31 gives 0, not the 31st character
    assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
    assertThatThrownBy(() -> CreditCode.checkCharacter("0000000000000000I")).isInstanceOf(IllegalArgumentException.class);
  }
}
