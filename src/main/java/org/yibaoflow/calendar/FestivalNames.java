package org.yibaoflow.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The festival (节日) each date of an arrangement file belongs to, for showing the calendar to people.
 * Reads a file that {@link HolidayArrangementParser} has already accepted; dates it cannot read are skipped.
 */
final class FestivalNames {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FestivalNames() {
  }

  static Map<LocalDate, String> of(String json) {
    Map<LocalDate, String> names = new HashMap<>();
    try {
      JsonNode festivals = MAPPER.readTree(json).path("holidays");
      for (JsonNode festival : festivals) {
        String name = festival.path("name").asText(null);
        put(names, festival.path("days"), name);
        put(names, festival.path("workingWeekendDays"), name);
      }
    } catch (IOException | RuntimeException e) {
      // names are decoration; the validated arrangement is what counts
    }
    return names;
  }

  private static void put(Map<LocalDate, String> names, JsonNode dates, String name) {
    if (name == null) {
      return;
    }
    for (JsonNode date : dates) {
      names.putIfAbsent(LocalDate.parse(date.asText()), name.length() > 100 ? name.substring(0, 100) : name);
    }
  }
}
