package org.yibaoflow.personnel;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Table personnel_rule_set (V30): the rule set of a region; no row = the default. */
@Mapper
interface PersonnelRuleSetMapper {

  @Select("SELECT rule_set FROM personnel_rule_set WHERE region = #{region}")
  String ruleSetOf(@Param("region") String region);

  @Update("UPDATE personnel_rule_set SET rule_set = #{ruleSet}, reason = #{reason}, changed_at = #{at} "
      + "WHERE region = #{region}")
  int update(@Param("region") String region, @Param("ruleSet") String ruleSet, @Param("reason") String reason,
      @Param("at") OffsetDateTime at);

  @Insert("INSERT INTO personnel_rule_set (region, rule_set, reason, changed_at) "
      + "VALUES (#{region}, #{ruleSet}, #{reason}, #{at})")
  void insert(@Param("region") String region, @Param("ruleSet") String ruleSet, @Param("reason") String reason,
      @Param("at") OffsetDateTime at);
}
