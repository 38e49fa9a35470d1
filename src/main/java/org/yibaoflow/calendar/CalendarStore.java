package org.yibaoflow.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The holiday arrangements loaded in the database, as the {@link ArrangementSource} of the application's
 * {@link WorkingDayCalendar} (R-TIME-1, R-TIME-3).
 *
 * <p>Cached in memory. Every load increments the single revision row (calendar_revision) in its
 * transaction; before answering, the cache compares its revision with the database at most once per
 * {@code yibao.calendar.revision-check-interval} (default 2 s) and re-reads all years when it changed.
 * The node that loads a year also drops its cache after the commit. So a second node on the same database
 * sees a new year within the check interval, and a deadline it computes provisionally in that window is
 * caught by the sweep of {@link ProvisionalDeadlines} like any other.
 */
@Component
class CalendarStore implements ArrangementSource {

  private record Snapshot(long revision, Map<Integer, HolidayArrangement> byYear,
      Map<LocalDate, String> festivals, long checkedAtNanos) {
  }

  private final CalendarMapper mapper;
  private final long checkIntervalNanos;
  private volatile Snapshot snapshot;

  CalendarStore(CalendarMapper mapper,
      @Value("${yibao.calendar.revision-check-interval:PT2S}") Duration checkInterval) {
    this.mapper = mapper;
    this.checkIntervalNanos = checkInterval.toNanos();
  }

  @Override
  public Optional<HolidayArrangement> forYear(int year) {
    return Optional.ofNullable(current().byYear().get(year));
  }

  /** The festival (节日) a loaded day off or working weekend day belongs to, if named. */
  Optional<String> festival(LocalDate date) {
    return Optional.ofNullable(current().festivals().get(date));
  }

  /** Forget the cache: the next question re-reads the database. Called after a load commits. */
  void invalidate() {
    snapshot = null;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    if (s != null && s.revision() >= 0 && now - s.checkedAtNanos() < checkIntervalNanos) {
      return s;
    }
    long revision = mapper.revision();
    if (s != null && s.revision() == revision) {
      s = new Snapshot(revision, s.byYear(), s.festivals(), now);
    } else {
      // revision read first: a load committing meanwhile makes the next check re-read again
      s = read(revision, now);
    }
    snapshot = s;
    return s;
  }

  private Snapshot read(long revision, long now) {
    Map<Integer, List<LocalDate>> holidays = new HashMap<>();
    Map<Integer, List<LocalDate>> working = new HashMap<>();
    Map<LocalDate, String> festivals = new HashMap<>();
    for (CalendarMapper.DayRow day : mapper.findDays()) {
      (CalendarMapper.DayRow.HOLIDAY.equals(day.kind()) ? holidays : working)
          .computeIfAbsent(day.year(), y -> new ArrayList<>()).add(day.date());
      if (day.festival() != null) {
        festivals.put(day.date(), day.festival());
      }
    }
    Map<Integer, HolidayArrangement> byYear = new HashMap<>();
    for (CalendarMapper.YearRow year : mapper.findYears()) {
      byYear.put(year.year(), HolidayArrangement.of(year.year(), holidays.getOrDefault(year.year(), List.of()),
          working.getOrDefault(year.year(), List.of()), year.source()));
    }
    // a load committed while reading: use what was read this once, re-read at the next question
    long consistent = mapper.revision() == revision ? revision : -1;
    return new Snapshot(consistent, Map.copyOf(byYear), Map.copyOf(festivals), consistent < 0 ? 0 : now);
  }
}
