package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface QualificationStopMapper {

  String COLUMNS = "id, stop_no, region, person_id, case_no, years, reasons, status, notice_served_on, effective_on, "
      + "stopped_until, objection_no, process_instance_id, created_by, created_at";

  @Select("SELECT " + COLUMNS + " FROM qualification_stop WHERE stop_no = #{stopNo}")
  QualificationStop find(@Param("stopNo") String stopNo);

  @Select("SELECT " + COLUMNS + " FROM qualification_stop WHERE case_no = #{caseNo} AND person_id = #{personId}")
  QualificationStop findByCase(@Param("caseNo") String caseNo, @Param("personId") long personId);

  @Select("SELECT " + COLUMNS + " FROM qualification_stop WHERE person_id = #{personId} ORDER BY created_at DESC, id DESC")
  List<QualificationStop> ofPerson(@Param("personId") long personId);

  @Insert("INSERT INTO qualification_stop (stop_no, region, person_id, case_no, years, reasons, status, "
      + "process_instance_id, created_by, created_at) VALUES (#{stopNo}, #{region}, #{personId}, #{caseNo}, #{years}, "
      + "#{reasons}, 'PROPOSED', #{pi}, #{createdBy}, #{now})")
  void insert(@Param("stopNo") String stopNo, @Param("region") String region, @Param("personId") long personId,
      @Param("caseNo") String caseNo, @Param("years") int years, @Param("reasons") String reasons,
      @Param("pi") String processInstanceId, @Param("createdBy") String createdBy, @Param("now") OffsetDateTime now);

  @Update("UPDATE qualification_stop SET process_instance_id = #{pi} WHERE stop_no = #{stopNo}")
  void attachProcess(@Param("stopNo") String stopNo, @Param("pi") String processInstanceId);

  @Update("UPDATE qualification_stop SET status = #{status} WHERE stop_no = #{stopNo}")
  void status(@Param("stopNo") String stopNo, @Param("status") String status);

  @Update("UPDATE qualification_stop SET status = 'NOTIFIED', notice_served_on = #{on} WHERE stop_no = #{stopNo} "
      + "AND notice_served_on IS NULL")
  int notified(@Param("stopNo") String stopNo, @Param("on") LocalDate on);

  @Update("UPDATE qualification_stop SET status = 'STOPPED', years = #{years}, effective_on = #{from}, "
      + "stopped_until = #{until}, objection_no = #{objectionNo} WHERE stop_no = #{stopNo} AND status = 'NOTIFIED'")
  int stopped(@Param("stopNo") String stopNo, @Param("years") int years, @Param("from") LocalDate from,
      @Param("until") LocalDate until, @Param("objectionNo") String objectionNo);

  /** The region and whether the violation case found fraud (any finding of the catalogue's fraud codes). */
  @Select("SELECT region FROM violation_case WHERE case_no = #{caseNo}")
  String caseRegion(@Param("caseNo") String caseNo);

  @Select("SELECT code FROM violation_finding WHERE case_no = #{caseNo}")
  List<String> caseFindings(@Param("caseNo") String caseNo);

  @Select("SELECT i.name FROM person_agreement a JOIN institution i ON i.id = a.institution_id "
      + "WHERE a.person_id = #{personId} ORDER BY a.id")
  List<String> sites(@Param("personId") long personId);
}
