package org.yibaoflow.document;

import java.time.LocalDate;

/** Dates in the words of a Chinese official document: 2026-12-21 -> 二〇二六年十二月二十一日. */
public final class ChineseDates {

  private static final String DIGITS = "〇一二三四五六七八九";

  private ChineseDates() {
  }

  public static String inWords(LocalDate date) {
    if (date == null) {
      return "";
    }
    StringBuilder year = new StringBuilder();
    for (char c : String.valueOf(date.getYear()).toCharArray()) {
      year.append(DIGITS.charAt(c - '0'));
    }
    return year + "年" + number(date.getMonthValue()) + "月" + number(date.getDayOfMonth()) + "日";
  }

  /** 1..31 in words: 十, 十一, 二十, 二十一, 三十一. */
  static String number(int n) {
    if (n < 10) {
      return String.valueOf(DIGITS.charAt(n));
    }
    String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
    return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
  }
}
