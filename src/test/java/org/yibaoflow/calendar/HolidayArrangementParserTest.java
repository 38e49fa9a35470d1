package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped arrangement files and the file format (R-TIME-1). */
class HolidayArrangementParserTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  /** The days from {@code first} to {@code last} inclusive, expanded here independently of the files. */
  private static Set<LocalDate> range(String first, String last) {
    Set<LocalDate> days = new TreeSet<>();
    d(first).datesUntil(d(last).plusDays(1)).forEach(days::add);
    return days;
  }

  @SafeVarargs
  private static Set<LocalDate> union(Set<LocalDate>... sets) {
    Set<LocalDate> all = new TreeSet<>();
    for (Set<LocalDate> s : sets) {
      all.addAll(s);
    }
    return all;
  }

  private static HolidayArrangement shipped(int year) throws IOException {
    try (InputStream in = HolidayArrangementParserTest.class.getResourceAsStream("/calendar/" + year + ".json")) {
      assertThat(in).as("calendar/%d.json on the classpath", year).isNotNull();
      return HolidayArrangementParser.parse(in);
    }
  }

  @Test
  void shipped_2025_matches_the_notice() throws IOException {
    HolidayArrangement a = shipped(2025);

    assertThat(a.year()).isEqualTo(2025);
    assertThat(a.source()).isEqualTo("国务院办公厅关于2025年部分节假日安排的通知");
    // 1 + 8 + 3 + 5 + 3 + 8 = 28 days off
    assertThat(a.holidays()).hasSize(28).isEqualTo(union(
        range("2025-01-01", "2025-01-01"), range("2025-01-28", "2025-02-04"), range("2025-04-04", "2025-04-06"),
        range("2025-05-01", "2025-05-05"), range("2025-05-31", "2025-06-02"), range("2025-10-01", "2025-10-08")));
    // Jan 26, Feb 8, Apr 27, Sep 28, Oct 11 = 5 declared working days
    assertThat(a.workingWeekendDays()).hasSize(5).containsExactly(
        d("2025-01-26"), d("2025-02-08"), d("2025-04-27"), d("2025-09-28"), d("2025-10-11"));
  }

  @Test
  void shipped_2026_matches_the_notice() throws IOException {
    HolidayArrangement a = shipped(2026);

    assertThat(a.year()).isEqualTo(2026);
    assertThat(a.source()).isEqualTo("国务院办公厅关于2026年部分节假日安排的通知");
    // 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33 days off
    assertThat(a.holidays()).hasSize(33).isEqualTo(union(
        range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"), range("2026-04-04", "2026-04-06"),
        range("2026-05-01", "2026-05-05"), range("2026-06-19", "2026-06-21"), range("2026-09-25", "2026-09-27"),
        range("2026-10-01", "2026-10-07")));
    // Jan 4, Feb 14, Feb 28, May 9, Sep 20, Oct 10 = 6 declared working days
    assertThat(a.workingWeekendDays()).hasSize(6).containsExactly(
        d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"), d("2026-09-20"), d("2026-10-10"));
  }

  @Test
  void loader_finds_the_shipped_years() {
    assertThat(ShippedArrangements.load()).extracting(HolidayArrangement::year).containsExactly(2025, 2026);
  }

  @Test
  void loader_refuses_a_file_named_for_another_year(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("2027.json"), "{\"year\":2028,\"holidays\":[]}", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ShippedArrangements.load("file:" + dir.toAbsolutePath() + "/*.json"))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("2027.json");
          assertThat(e.messageEn()).contains("2028");
        });
  }

  @Test
  void loader_names_the_file_of_a_bad_date(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("2027.json"),
        "{\"year\":2027,\"holidays\":[{\"name\":\"元旦\",\"days\":[\"2027-02-30\"]}]}", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ShippedArrangements.load("file:" + dir.toAbsolutePath() + "/*.json"))
        .isInstanceOfSatisfying(CalendarValidationException.class,
            e -> assertThat(e.field()).isEqualTo("2027.json: holidays[0].days[0]"));
  }

  @Test
  void parses_from_a_stream_and_a_string_alike() {
    String json = """
        {"year": 2030, "source": "测试", "holidays": [
          {"name": "元旦", "days": ["2030-01-01"], "workingWeekendDays": ["2030-01-05"]}]}""";

    HolidayArrangement fromString = HolidayArrangementParser.parse(json);
    HolidayArrangement fromStream =
        HolidayArrangementParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

    assertThat(fromString).isEqualTo(fromStream);
    assertThat(fromString.holidays()).containsExactly(d("2030-01-01"));
    assertThat(fromString.workingWeekendDays()).containsExactly(d("2030-01-05")); // a Saturday
  }

  /** Each row: a festival entry of a 2025 file that must be refused, the field named, a word of the English message. */
  @ParameterizedTest(name = "[{index}] {3}")
  @CsvSource(delimiter = '|', textBlock = """
      {"name":"元旦","days":["2025-02-30"]}                  | holidays[0].days[0]               | malformed date | no such day
      {"name":"元旦","days":["2025/01/01"]}                  | holidays[0].days[0]               | malformed date | slashes
      {"name":"元旦","days":["20250101"]}                    | holidays[0].days[0]               | malformed date | basic ISO
      {"name":"元旦","days":["2025-1-1"]}                    | holidays[0].days[0]               | malformed date | no padding
      {"name":"元旦","days":[20250101]}                      | holidays[0].days[0]               | malformed date | a number
      {"name":"元旦","days":["2025-01-01","2025-13-01"]}     | holidays[0].days[1]               | malformed date | month 13
      {"name":"元旦","days":["2026-01-01"]}                  | holidays                          | outside the year 2025 | wrong year
      {"name":"元旦","days":["2025-01-01","2025-01-01"]}     | holidays                          | listed twice   | date twice in one festival
      {"name":"春节","days":["2025-01-28"],"workingWeekendDays":["2025-01-27"]} | workingWeekendDays | not a Saturday or Sunday | working day on a Monday
      {"name":"春节","days":["2025-01-26"],"workingWeekendDays":["2025-01-26"]} | workingWeekendDays | both as a holiday | holiday on a declared working day
      {"name":"春节","days":["2025-01-28"],"workingWeekendDays":["2025/01/26"]} | holidays[0].workingWeekendDays[0] | malformed date | malformed working day
      {"name":"春节","days":["2025-01-28"],"workingDays":["2025-01-26"]}        | holidays[0].workingDays | unknown field | misspelt field
      {"days":["2025-01-01"]}                               | holidays[0].name                  | no name        | festival without a name
      {"name":"元旦","days":[]}                              | holidays[0].days                  | no days off    | festival without days
      """)
  void refuses_bad_festival(String festival, String field, String messagePart, String caseName) {
    String json = "{\"year\":2025,\"holidays\":[" + festival + "]}";

    assertThatThrownBy(() -> HolidayArrangementParser.parse(json))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.rule()).isEqualTo("R-TIME-1");
          assertThat(e.messageEn()).contains(messagePart);
          assertThat(e.messageZh()).isNotBlank();
        });
  }

  @Test
  void refuses_a_date_listed_in_two_festivals() {
    String json = """
        {"year":2025,"holidays":[
          {"name":"劳动节","days":["2025-05-01","2025-05-02"]},
          {"name":"端午节","days":["2025-05-02"]}]}""";

    assertThatThrownBy(() -> HolidayArrangementParser.parse(json))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("holidays");
          assertThat(e.messageZh()).contains("2025-05-02", "重复");
        });
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @CsvSource(delimiter = '|', textBlock = """
      not json at all                                   | $        | not JSON
      [2025]                                            | $        | a JSON array
      {"holidays":[]}                                   | year     | missing year
      {"year":"2025","holidays":[]}                     | year     | year as text
      {"year":2025}                                     | holidays | missing holidays
      {"year":2025,"holidays":[],"year":2026}           | $        | duplicate key
      {"year":2025,"holidays":[],"workingWeekendDays":[]} | workingWeekendDays | working days outside a festival
      """)
  void refuses_bad_file(String json, String field, String caseName) {
    assertThatThrownBy(() -> HolidayArrangementParser.parse(json))
        .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.rule()).isEqualTo("R-TIME-1");
        });
  }
}
