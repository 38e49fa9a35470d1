package org.yibaoflow.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ViolationCaseMapper {

  String COLUMNS = "id, case_no, region, source, external_ref, institution_id, institution_type, agreement_id, "
      + "suspected_violations, suspected_amount, summary, status, defrauded_amount, sample_amount, sampling_ratio, "
      + "fine_multiple, serious_risk, referral_kinds, measure_class, measure_rule, recovery_amount, refusal_amount, "
      + "fine_proposal, rectification_days, notice_served_on, objection_outcome, outcome, process_instance_id, "
      + "created_by, created_at, updated_at, closed_at";

  @Select("SELECT " + COLUMNS + " FROM violation_case WHERE case_no = #{caseNo}")
  ViolationCase find(@Param("caseNo") String caseNo);

  @Select("SELECT " + COLUMNS + " FROM violation_case WHERE process_instance_id = #{processInstanceId}")
  ViolationCase findByProcessInstance(@Param("processInstanceId") String processInstanceId);

  @Select("SELECT " + COLUMNS + " FROM violation_case WHERE region = #{region} AND external_ref = #{externalRef}")
  ViolationCase findByExternalRef(@Param("region") String region, @Param("externalRef") String externalRef);

  @Insert("INSERT INTO violation_case (case_no, region, source, external_ref, institution_id, institution_type, "
      + "agreement_id, suspected_violations, suspected_amount, summary, status, serious_risk, process_instance_id, "
      + "created_by, created_at, updated_at) VALUES (#{caseNo}, #{region}, #{source}, #{externalRef}, "
      + "#{institutionId}, #{institutionType}, #{agreementId}, #{suspectedViolations}, #{suspectedAmount}, #{summary}, "
      + "'INVESTIGATING', FALSE, #{processInstanceId}, #{createdBy}, #{createdAt}, #{createdAt})")
  void insert(@Param("caseNo") String caseNo, @Param("region") String region, @Param("source") String source,
      @Param("externalRef") String externalRef, @Param("institutionId") long institutionId,
      @Param("institutionType") String institutionType, @Param("agreementId") long agreementId,
      @Param("suspectedViolations") String suspectedViolations, @Param("suspectedAmount") BigDecimal suspectedAmount,
      @Param("summary") String summary, @Param("processInstanceId") String processInstanceId,
      @Param("createdBy") String createdBy, @Param("createdAt") OffsetDateTime createdAt);

  @Update("UPDATE violation_case SET process_instance_id = #{processInstanceId} WHERE case_no = #{caseNo}")
  int attachProcess(@Param("caseNo") String caseNo, @Param("processInstanceId") String processInstanceId);

  @Update("UPDATE violation_case SET status = #{status}, updated_at = #{at} WHERE case_no = #{caseNo}")
  int updateStatus(@Param("caseNo") String caseNo, @Param("status") String status, @Param("at") OffsetDateTime at);

  @Update("UPDATE violation_case SET defrauded_amount = #{defraudedAmount}, sample_amount = #{sampleAmount}, "
      + "sampling_ratio = #{samplingRatio}, fine_multiple = #{fineMultiple}, serious_risk = #{seriousRisk}, "
      + "referral_kinds = #{referralKinds}, status = #{status}, updated_at = #{at} WHERE case_no = #{caseNo}")
  int recordFindings(@Param("caseNo") String caseNo, @Param("defraudedAmount") BigDecimal defraudedAmount,
      @Param("sampleAmount") BigDecimal sampleAmount, @Param("samplingRatio") BigDecimal samplingRatio,
      @Param("fineMultiple") Integer fineMultiple, @Param("seriousRisk") boolean seriousRisk,
      @Param("referralKinds") String referralKinds, @Param("status") String status, @Param("at") OffsetDateTime at);

  @Update("UPDATE violation_case SET measure_class = #{measureClass}, measure_rule = #{measureRule}, "
      + "recovery_amount = #{recovery}, refusal_amount = #{refusal}, fine_proposal = #{fine}, "
      + "rectification_days = #{rectificationDays}, status = 'DECIDING', updated_at = #{at} WHERE case_no = #{caseNo}")
  int recordDecision(@Param("caseNo") String caseNo, @Param("measureClass") String measureClass,
      @Param("measureRule") String measureRule, @Param("recovery") BigDecimal recovery,
      @Param("refusal") BigDecimal refusal, @Param("fine") BigDecimal fine,
      @Param("rectificationDays") Integer rectificationDays, @Param("at") OffsetDateTime at);

  @Update("UPDATE violation_case SET notice_served_on = #{servedOn}, status = 'NOTICE_SERVED', updated_at = #{at} "
      + "WHERE case_no = #{caseNo}")
  int recordNotice(@Param("caseNo") String caseNo, @Param("servedOn") LocalDate servedOn,
      @Param("at") OffsetDateTime at);

  @Update("UPDATE violation_case SET objection_outcome = #{objectionOutcome}, measure_class = #{measureClass}, "
      + "status = #{status}, updated_at = #{at} WHERE case_no = #{caseNo}")
  int recordExecution(@Param("caseNo") String caseNo, @Param("objectionOutcome") String objectionOutcome,
      @Param("measureClass") String measureClass, @Param("status") String status, @Param("at") OffsetDateTime at);

  @Update("UPDATE violation_case SET outcome = #{outcome}, status = 'CLOSED', closed_at = #{at}, updated_at = #{at} "
      + "WHERE case_no = #{caseNo} AND status <> 'CLOSED'")
  int close(@Param("caseNo") String caseNo, @Param("outcome") String outcome, @Param("at") OffsetDateTime at);

  @org.apache.ibatis.annotations.Delete("DELETE FROM violation_finding WHERE case_no = #{caseNo}")
  int deleteFindings(@Param("caseNo") String caseNo);

  @Insert("INSERT INTO violation_finding (case_no, code, severity, clause) VALUES (#{caseNo}, #{code}, #{severity}, "
      + "#{clause})")
  void insertFinding(@Param("caseNo") String caseNo, @Param("code") String code, @Param("severity") int severity,
      @Param("clause") String clause);

  @Select("SELECT code, severity, clause FROM violation_finding WHERE case_no = #{caseNo} ORDER BY id")
  List<ViolationCase.Finding> findings(@Param("caseNo") String caseNo);

  @Insert("INSERT INTO violation_measure (case_no, measure, rule_id, amount, detail, process_instance_id, recorded_at) "
      + "VALUES (#{caseNo}, #{measure}, #{ruleId}, #{amount}, #{detail}, #{processInstanceId}, #{at})")
  void insertMeasure(@Param("caseNo") String caseNo, @Param("measure") String measure, @Param("ruleId") String ruleId,
      @Param("amount") BigDecimal amount, @Param("detail") String detail,
      @Param("processInstanceId") String processInstanceId, @Param("at") OffsetDateTime at);

  @Select("SELECT COUNT(*) FROM violation_measure WHERE case_no = #{caseNo} AND measure = #{measure}")
  int measureCount(@Param("caseNo") String caseNo, @Param("measure") String measure);

  @Select("SELECT measure, rule_id, amount, detail, process_instance_id, recorded_at FROM violation_measure "
      + "WHERE case_no = #{caseNo} ORDER BY id")
  List<ViolationCase.Measure> measures(@Param("caseNo") String caseNo);

  /** Measure rows of the agreement's cases recorded in [from, to) whose measure is one of {@code measures}. */
  @Select("<script>SELECT COUNT(*) FROM violation_measure m JOIN violation_case c ON c.case_no = m.case_no "
      + "WHERE c.agreement_id = #{agreementId} AND m.recorded_at &gt;= #{from} AND m.recorded_at &lt; #{to} "
      + "AND m.measure IN <foreach collection='measures' item='x' open='(' separator=',' close=')'>#{x}</foreach>"
      + "</script>")
  int measuresOfAgreement(@Param("agreementId") long agreementId, @Param("from") OffsetDateTime from,
      @Param("to") OffsetDateTime to, @Param("measures") Collection<String> measures);
}
