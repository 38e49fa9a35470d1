package org.yibaoflow.personnel;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 公民身份号码 (citizen identity number), GB 11643-1999: 6-digit address code, 8-digit birth date
 * (yyyyMMdd), 3-digit sequence, check character. Check: sum of digit * (2^(17-i) mod 11) over the first 17,
 * then (12 - sum mod 11) mod 11, where 10 is written X.
 */
public final class IdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  private IdNumber() {
  }

  public static boolean isValid(String number) {
    if (number == null || !number.matches("[0-9]{17}[0-9X]")) {
      return false;
    }
    return checkCharacter(number.substring(0, 17)) == number.charAt(17) && birthDateOf(number) != null;
  }

  public static char checkCharacter(String first17) {
    if (first17 == null || !first17.matches("[0-9]{17}")) {
      throw new IllegalArgumentException("17 digits expected");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    int check = (12 - sum % 11) % 11;
    return check == 10 ? 'X' : (char) ('0' + check);
  }

  /** The birth date the number encodes, or null if it is not a real date. */
  public static LocalDate birthDateOf(String number) {
    try {
      return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
          Integer.parseInt(number.substring(12, 14)));
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      return null;
    }
  }
}
