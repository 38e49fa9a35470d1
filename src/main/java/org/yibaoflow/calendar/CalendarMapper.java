package org.yibaoflow.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The loaded holiday arrangements (tables calendar_year, calendar_day, calendar_revision). */
@Mapper
interface CalendarMapper {

  /** A year as stored. */
  record YearRow(Integer year, String origin, String source, Long version, String loadedBy,
      OffsetDateTime loadedAt) {
  }

  /** A day off ({@code HOLIDAY}) or a declared working weekend day ({@code WORKING_DAY}). */
  record DayRow(LocalDate date, Integer year, String kind, String festival) {

    static final String HOLIDAY = "HOLIDAY";
    static final String WORKING_DAY = "WORKING_DAY";
  }

  long revision();

  /** +1; takes the row lock, so concurrent loads of two nodes run one after the other. */
  int bumpRevision();

  List<YearRow> findYears();

  YearRow findYear(@Param("year") int year);

  List<DayRow> findDays();

  List<DayRow> findDaysOfYear(@Param("year") int year);

  void insertYear(YearRow row);

  int updateYear(@Param("row") YearRow row, @Param("expectedVersion") long expectedVersion);

  void deleteDaysOfYear(@Param("year") int year);

  void insertDay(DayRow row);
}
