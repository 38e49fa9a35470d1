package org.yibaoflow.platform;

import java.time.Clock;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers of cases, the business keys of their processes: {@code PREFIX-YEAR-region-NNNNNN}, counted per
 * prefix, region and year in Asia/Shanghai. Drawn inside the transaction that creates the case, so a
 * rolled-back case gives its number back.
 */
@Component
public class CaseNumbers {

  private final CounterMapper mapper;
  private final FirstCounterRow firstRow;
  private final Clock clock;

  CaseNumbers(CounterMapper mapper, FirstCounterRow firstRow, Clock clock) {
    this.mapper = mapper;
    this.firstRow = firstRow;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String prefix, String region) {
    int year = LocalDate.now(clock).getYear();
    if (mapper.increment(prefix, region, year) == 0) {
      // the first number of the key: its counter row is created apart (see FirstCounterRow), then advanced
      // under its row lock like every other number
      try {
        firstRow.create(prefix, region, year);
      } catch (DuplicateKeyException concurrentFirst) {
        // the other request created it (its own transaction rolled back, ours is untouched)
      }
      mapper.increment(prefix, region, year);
    }
    return String.format("%s-%d-%s-%06d", prefix, year, region, mapper.current(prefix, region, year));
  }

  /**
   * Creates a key's counter row at 0 in a transaction of its own. Two cases asking for the first number of a
   * key at once both try; the loser gets a duplicate key, which rolls back only this transaction. It must not
   * fail in the case's transaction: on PostgreSQL a failed statement aborts the whole transaction.
   */
  @Component
  static class FirstCounterRow {

    private final CounterMapper mapper;

    FirstCounterRow(CounterMapper mapper) {
      this.mapper = mapper;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void create(String prefix, String region, int year) {
      mapper.create(prefix, region, year);
    }
  }

  @Mapper
  interface CounterMapper {

    @Update("UPDATE case_number_counter SET last_value = last_value + 1 "
        + "WHERE prefix = #{prefix} AND region = #{region} AND num_year = #{year}")
    int increment(@Param("prefix") String prefix, @Param("region") String region, @Param("year") int year);

    @Insert("INSERT INTO case_number_counter (prefix, region, num_year, last_value) VALUES (#{prefix}, #{region}, #{year}, 0)")
    void create(@Param("prefix") String prefix, @Param("region") String region, @Param("year") int year);

    @Select("SELECT last_value FROM case_number_counter WHERE prefix = #{prefix} AND region = #{region} AND num_year = #{year}")
    long current(@Param("prefix") String prefix, @Param("region") String region, @Param("year") int year);
  }
}
