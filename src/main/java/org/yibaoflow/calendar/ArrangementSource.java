package org.yibaoflow.calendar;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link WorkingDayCalendar} gets a year's holiday arrangement from (R-TIME-1); empty when the
 * year's arrangement is not loaded (R-TIME-3). The shipped files, a database table or a test map.
 */
@FunctionalInterface
public interface ArrangementSource {

  /** The arrangement for {@code year}, or empty when none is loaded; never {@code null}. */
  Optional<HolidayArrangement> forYear(int year);

  /** A fixed set of arrangements; refuses two for the same year. */
  static ArrangementSource of(Collection<HolidayArrangement> arrangements) {
    Map<Integer, HolidayArrangement> byYear = new HashMap<>();
    for (HolidayArrangement a : arrangements) {
      if (byYear.putIfAbsent(a.year(), a) != null) {
        throw new CalendarValidationException("year", HolidayArrangement.RULE,
            a.year() + " 年的节假日安排重复", "two holiday arrangements for the year " + a.year());
      }
    }
    Map<Integer, HolidayArrangement> copy = Map.copyOf(byYear);
    return year -> Optional.ofNullable(copy.get(year));
  }

  /** No arrangement for any year: every computation is weekends-only and provisional (R-TIME-3). */
  static ArrangementSource none() {
    return year -> Optional.empty();
  }
}
