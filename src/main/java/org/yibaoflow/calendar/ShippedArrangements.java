package org.yibaoflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  /** All shipped years, sorted by year. */
  static List<HolidayArrangement> load() {
    return load(LOCATION);
  }

  static List<HolidayArrangement> load(String locationPattern) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list holiday arrangements at " + locationPattern, e);
    }
    List<HolidayArrangement> arrangements = new ArrayList<>();
    for (Resource resource : resources) {
      String name = resource.getFilename();
      HolidayArrangement arrangement;
      try (InputStream in = resource.getInputStream()) {
        arrangement = HolidayArrangementParser.parse(in);
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
      if (arrangements.stream().anyMatch(a -> a.year() == arrangement.year())) {
        throw new CalendarValidationException(name, HolidayArrangement.RULE,
            arrangement.year() + " 年的节假日安排有多个文件（" + resource + "）",
            "more than one file for the year " + arrangement.year() + " (" + resource + ")");
      }
      arrangements.add(arrangement);
    }
    arrangements.sort(Comparator.comparingInt(HolidayArrangement::year));
    return List.copyOf(arrangements);
  }

  /** The shipped years as a source for {@link WorkingDayCalendar}. */
  static ArrangementSource source() {
    return ArrangementSource.of(load());
  }
}
