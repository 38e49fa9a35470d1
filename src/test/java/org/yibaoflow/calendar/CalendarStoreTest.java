package org.yibaoflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cache of loaded arrangements: re-read when the database revision changed (a load on this or another
 * node), not otherwise; a year without a row is absent (R-TIME-3).
 */
class CalendarStoreTest {

  /** The database as two nodes see it. */
  private static final class FakeMapper implements CalendarMapper {
    long revision;
    int reads;
    final List<YearRow> years = new ArrayList<>();
    final List<DayRow> days = new ArrayList<>();

    void load2027() {
      years.add(new YearRow(2027, "ADMINISTRATOR", "test", 1L, "demo", null));
      days.add(new DayRow(LocalDate.parse("2027-05-03"), 2027, DayRow.HOLIDAY, "劳动节"));
      revision++;
    }

    @Override public long revision() { return revision; }
    @Override public int bumpRevision() { revision++; return 1; }
    @Override public List<YearRow> findYears() { reads++; return List.copyOf(years); }
    @Override public YearRow findYear(int year) { return null; }
    @Override public List<DayRow> findDays() { return List.copyOf(days); }
    @Override public List<DayRow> findDaysOfYear(int year) { return List.of(); }
    @Override public void insertYear(YearRow row) { }
    @Override public int updateYear(YearRow row, long expectedVersion) { return 0; }
    @Override public void deleteDaysOfYear(int year) { }
    @Override public void insertDay(DayRow row) { }
  }

  @Test
  void aYearLoadedElsewhereIsSeenAtTheNextRevisionCheck() {
    FakeMapper db = new FakeMapper();
    CalendarStore node = new CalendarStore(db, Duration.ZERO);
    WorkingDayCalendar calendar = new WorkingDayCalendar(node);

    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-05-03"))).as("R-TIME-3: weekends only").isTrue();
    assertThat(calendar.hasArrangement(2027)).isFalse();
    calendar.isWorkingDay(LocalDate.parse("2027-05-04"));
    assertThat(db.reads).as("same revision: answered from the cache").isEqualTo(1);

    db.load2027(); // committed by another node
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-05-03"))).isFalse();
    assertThat(node.festival(LocalDate.parse("2027-05-03"))).contains("劳动节");
    assertThat(db.reads).isEqualTo(2);
  }

  @Test
  void withinTheCheckIntervalTheCacheAnswersUnlessInvalidated() {
    FakeMapper db = new FakeMapper();
    CalendarStore node = new CalendarStore(db, Duration.ofHours(1));
    assertThat(node.forYear(2027)).isEmpty();
    db.load2027();
    assertThat(node.forYear(2027)).as("not checked yet").isEmpty();
    node.invalidate(); // what the loading node does after its commit
    assertThat(node.forYear(2027)).isPresent();
  }
}
