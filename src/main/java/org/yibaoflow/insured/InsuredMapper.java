package org.yibaoflow.insured;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface InsuredMapper {

  String PERSON = "id, region, id_number, name, created_by, created_at";
  String COLUMNS = "id, suspension_no, region, insured_id, case_no, months, reasons, status, notice_served_on, "
      + "effective_on, suspended_until, objection_no, process_instance_id, created_by, created_at";

  @Select("SELECT " + PERSON + " FROM insured_person WHERE id_number = #{idNumber} ORDER BY region")
  List<InsuredPerson> byIdNumber(@Param("idNumber") String idNumber);

  @Select("SELECT " + PERSON + " FROM insured_person WHERE id = #{id}")
  InsuredPerson person(@Param("id") long id);

  @Insert("INSERT INTO insured_person (region, id_number, name, created_by, created_at) "
      + "VALUES (#{region}, #{idNumber}, #{name}, #{createdBy}, #{now})")
  void insertPerson(@Param("region") String region, @Param("idNumber") String idNumber, @Param("name") String name,
      @Param("createdBy") String createdBy, @Param("now") OffsetDateTime now);

  @Select("SELECT " + COLUMNS + " FROM insured_suspension WHERE suspension_no = #{no}")
  InsuredSuspension find(@Param("no") String suspensionNo);

  @Select("SELECT " + COLUMNS + " FROM insured_suspension WHERE case_no = #{caseNo} AND insured_id = #{insuredId}")
  InsuredSuspension findByCase(@Param("caseNo") String caseNo, @Param("insuredId") long insuredId);

  @Select("SELECT " + COLUMNS + " FROM insured_suspension WHERE insured_id = #{insuredId} "
      + "ORDER BY created_at DESC, id DESC")
  List<InsuredSuspension> ofPerson(@Param("insuredId") long insuredId);

  @Insert("INSERT INTO insured_suspension (suspension_no, region, insured_id, case_no, months, reasons, status, "
      + "process_instance_id, created_by, created_at) VALUES (#{no}, #{region}, #{insuredId}, #{caseNo}, #{months}, "
      + "#{reasons}, 'PROPOSED', #{pi}, #{createdBy}, #{now})")
  void insert(@Param("no") String suspensionNo, @Param("region") String region, @Param("insuredId") long insuredId,
      @Param("caseNo") String caseNo, @Param("months") int months, @Param("reasons") String reasons,
      @Param("pi") String processInstanceId, @Param("createdBy") String createdBy, @Param("now") OffsetDateTime now);

  @Update("UPDATE insured_suspension SET process_instance_id = #{pi} WHERE suspension_no = #{no}")
  void attachProcess(@Param("no") String suspensionNo, @Param("pi") String processInstanceId);

  @Update("UPDATE insured_suspension SET status = #{to} WHERE suspension_no = #{no} AND status = #{from}")
  int status(@Param("no") String suspensionNo, @Param("from") String from, @Param("to") String to);

  @Update("UPDATE insured_suspension SET status = 'NOTIFIED', notice_served_on = #{on} WHERE suspension_no = #{no} "
      + "AND status = 'PROPOSED'")
  int notified(@Param("no") String suspensionNo, @Param("on") LocalDate on);

  @Update("UPDATE insured_suspension SET status = 'SUSPENDED', months = #{months}, effective_on = #{from}, "
      + "suspended_until = #{until}, objection_no = #{objectionNo} WHERE suspension_no = #{no} AND status = 'NOTIFIED'")
  int suspended(@Param("no") String suspensionNo, @Param("months") int months, @Param("from") LocalDate from,
      @Param("until") LocalDate until, @Param("objectionNo") String objectionNo);

  @Select("SELECT region FROM violation_case WHERE case_no = #{caseNo}")
  String caseRegion(@Param("caseNo") String caseNo);

  @Select("SELECT i.name FROM violation_case c JOIN institution i ON i.id = c.institution_id WHERE c.case_no = #{caseNo}")
  String caseInstitution(@Param("caseNo") String caseNo);

  @Select("SELECT code FROM violation_finding WHERE case_no = #{caseNo}")
  List<String> caseFindings(@Param("caseNo") String caseNo);
}
