package org.yibaoflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The holiday arrangements shipped with the application: one file per year,
 * {@code src/main/resources/calendar/<year>.json} (R-TIME-1). A file whose name does not match its year
 * and two files for one year are refused.
 */
final class ShippedArrangements {

  static final String LOCATION = "classpath*:calendar/*.json";

  private ShippedArrangements() {
  }

  /** A shipped file: the arrangement and the JSON it was read from (festival names and notes). */
  record ShippedFile(HolidayArrangement arrangement, String json) {
  }

  /** All shipped years, sorted by year. */
  static List<HolidayArrangement> load() {
    return load(LOCATION);
  }

  static List<HolidayArrangement> load(String locationPattern) {
    return files(locationPattern).stream().map(ShippedFile::arrangement).toList();
  }

  /** All shipped files, sorted by year. */
  static List<ShippedFile> files() {
    return files(LOCATION);
  }

  static List<ShippedFile> files(String locationPattern) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list holiday arrangements at " + locationPattern, e);
    }
    List<ShippedFile> arrangements = new ArrayList<>();
    for (Resource resource : resources) {
      String name = resource.getFilename();
      HolidayArrangement arrangement;
      String json;
      try (InputStream in = resource.getInputStream()) {
        json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        arrangement = HolidayArrangementParser.parse(json);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read holiday arrangement " + resource, e);
      } catch (CalendarValidationException e) {
        throw new CalendarValidationException(name + ": " + e.field(), e.rule(),
            "文件 " + name + "：" + e.messageZh(), "file " + name + ": " + e.messageEn(), e);
      }
      if (!(arrangement.year() + ".json").equals(name)) {
        throw new CalendarValidationException(name, HolidayArrangement.RULE,
            "文件名 " + name + " 与其中的年份 " + arrangement.year() + " 不符",
            "file " + name + " holds the arrangement for " + arrangement.year());
      }
      if (arrangements.stream().anyMatch(a -> a.arrangement().year() == arrangement.year())) {
        throw new CalendarValidationException(name, HolidayArrangement.RULE,
            arrangement.year() + " 年的节假日安排有多个文件（" + resource + "）",
            "more than one file for the year " + arrangement.year() + " (" + resource + ")");
      }
      arrangements.add(new ShippedFile(arrangement, json));
    }
    arrangements.sort(Comparator.comparingInt(f -> f.arrangement().year()));
    return List.copyOf(arrangements);
  }

  /** The shipped years as a source for {@link WorkingDayCalendar}. */
  static ArrangementSource source() {
    return ArrangementSource.of(load());
  }
}
