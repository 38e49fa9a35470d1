package org.yibaoflow.designation;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Table designation_plan (V14): the resource-allocation plans of a region (R-DES-5). */
@Mapper
interface DesignationPlanMapper {

  String COLUMNS = "id, region, title, document_ref, valid_from, valid_to, recorded_by, recorded_at";

  @Select("SELECT " + COLUMNS + " FROM designation_plan WHERE region = #{region} AND valid_from <= #{date} "
      + "AND (valid_to IS NULL OR valid_to >= #{date}) ORDER BY valid_from DESC")
  List<DesignationPlan> inForce(@Param("region") String region, @Param("date") LocalDate date);

  @Select("SELECT " + COLUMNS + " FROM designation_plan WHERE region = #{region} ORDER BY valid_from DESC, id DESC")
  List<DesignationPlan> ofRegion(@Param("region") String region);

  @Select("SELECT " + COLUMNS + " FROM designation_plan WHERE region = #{region} AND document_ref = #{documentRef}")
  DesignationPlan find(@Param("region") String region, @Param("documentRef") String documentRef);

  @Insert("INSERT INTO designation_plan (region, title, document_ref, valid_from, valid_to, recorded_by, recorded_at) "
      + "VALUES (#{region}, #{title}, #{documentRef}, #{validFrom}, #{validTo}, #{recordedBy}, #{recordedAt})")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insert(DesignationPlan.New plan);
}
