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
  private final Clock clock;

  CaseNumbers(CounterMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String prefix, String region) {
    int year = LocalDate.now(clock).getYear();
    if (mapper.increment(prefix, region, year) == 0) {
      try {
        mapper.create(prefix, region, year);
      } catch (DuplicateKeyException concurrentFirst) {
        mapper.increment(prefix, region, year);
      }
    }
    return String.format("%s-%d-%s-%06d", prefix, year, region, mapper.current(prefix, region, year));
  }

  @Mapper
  interface CounterMapper {

    @Update("UPDATE case_number_counter SET last_value = last_value + 1 "
        + "WHERE prefix = #{prefix} AND region = #{region} AND num_year = #{year}")
    int increment(@Param("prefix") String prefix, @Param("region") String region, @Param("year") int year);

    @Insert("INSERT INTO case_number_counter (prefix, region, num_year, last_value) VALUES (#{prefix}, #{region}, #{year}, 1)")
    void create(@Param("prefix") String prefix, @Param("region") String region, @Param("year") int year);

    @Select("SELECT last_value FROM case_number_counter WHERE prefix = #{prefix} AND region = #{region} AND num_year = #{year}")
    long current(@Param("prefix") String prefix, @Param("region") String region, @Param("year") int year);
  }
}
