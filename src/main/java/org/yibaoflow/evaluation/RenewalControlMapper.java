package org.yibaoflow.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface RenewalControlMapper {

  /** One evaluation's control row (R-EVA-5 required case, override, R-EVA-2 effective date). */
  record Control(String businessKey, String region, String requiredCase, String chosenCase, String overrideReason,
      String overrideBy, OffsetDateTime overriddenAt, LocalDate effectiveOn) {
  }

  @Select("SELECT business_key, region, required_case, chosen_case, override_reason, override_by, overridden_at,"
      + " effective_on FROM evaluation_renewal_control WHERE business_key = #{businessKey}")
  Control find(@Param("businessKey") String businessKey);

  @Insert("INSERT INTO evaluation_renewal_control (business_key, region, required_case, updated_at)"
      + " VALUES (#{businessKey}, #{region}, #{requiredCase}, #{at})")
  int insert(@Param("businessKey") String businessKey, @Param("region") String region,
      @Param("requiredCase") String requiredCase, @Param("at") OffsetDateTime at);

  /** A new gathering (after a returned review or a revoked decision) reads the data again; an override stays. */
  @Update("UPDATE evaluation_renewal_control SET required_case = #{requiredCase}, updated_at = #{at}"
      + " WHERE business_key = #{businessKey}")
  int updateRequired(@Param("businessKey") String businessKey, @Param("requiredCase") String requiredCase,
      @Param("at") OffsetDateTime at);

  @Update("UPDATE evaluation_renewal_control SET chosen_case = #{chosenCase}, updated_at = #{at}"
      + " WHERE business_key = #{businessKey}")
  int updateChosen(@Param("businessKey") String businessKey, @Param("chosenCase") String chosenCase,
      @Param("at") OffsetDateTime at);

  @Update("UPDATE evaluation_renewal_control SET override_reason = #{reason}, override_by = #{by},"
      + " overridden_at = #{at}, updated_at = #{at} WHERE business_key = #{businessKey}")
  int override(@Param("businessKey") String businessKey, @Param("reason") String reason, @Param("by") String by,
      @Param("at") OffsetDateTime at);

  @Update("UPDATE evaluation_renewal_control SET effective_on = #{effectiveOn}, updated_at = #{at}"
      + " WHERE business_key = #{businessKey} AND effective_on IS NULL")
  int schedule(@Param("businessKey") String businessKey, @Param("effectiveOn") LocalDate effectiveOn,
      @Param("at") OffsetDateTime at);
}
