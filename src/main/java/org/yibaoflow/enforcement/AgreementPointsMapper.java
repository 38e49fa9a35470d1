package org.yibaoflow.enforcement;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AgreementPointsMapper {

  String COLUMNS = "id, region, agreement_id, case_no, measure_class, points, points_year, reason, "
      + "process_instance_id, recorded_at";

  @Select("SELECT " + COLUMNS + " FROM agreement_points WHERE case_no = #{caseNo}")
  AgreementPoints findByCase(@Param("caseNo") String caseNo);

  @Insert("INSERT INTO agreement_points (region, agreement_id, case_no, measure_class, points, points_year, reason, "
      + "process_instance_id, recorded_at) VALUES (#{region}, #{agreementId}, #{caseNo}, #{measureClass}, #{points}, "
      + "#{pointsYear}, #{reason}, #{processInstanceId}, #{recordedAt})")
  void insert(@Param("region") String region, @Param("agreementId") long agreementId, @Param("caseNo") String caseNo,
      @Param("measureClass") String measureClass, @Param("points") int points, @Param("pointsYear") int pointsYear,
      @Param("reason") String reason, @Param("processInstanceId") String processInstanceId,
      @Param("recordedAt") OffsetDateTime recordedAt);

  @Select("SELECT " + COLUMNS + " FROM agreement_points WHERE agreement_id = #{agreementId} ORDER BY id")
  List<AgreementPoints> ofAgreement(@Param("agreementId") long agreementId);

  @Select("SELECT " + COLUMNS + " FROM agreement_points WHERE agreement_id = #{agreementId} "
      + "AND points_year = #{pointsYear} ORDER BY id")
  List<AgreementPoints> ofYear(@Param("agreementId") long agreementId, @Param("pointsYear") int pointsYear);
}
