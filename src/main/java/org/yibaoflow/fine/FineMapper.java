package org.yibaoflow.fine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface FineMapper {

  String COLUMNS = "id, fine_no, case_no, region, institution_id, defrauded_amount, proposed_amount, min_amount, "
      + "max_amount, san_jia, status, amount, decline_reasons, notice_served_on, statement, decision_served_on, "
      + "effective_on, payment_due, paid_on, paid_amount, receipt_no, enforcement_note, process_instance_id, "
      + "created_at, updated_at";

  /** The violation case a fine comes from, as its decision left it (read only; the case is enforcement's). */
  record SourceCase(String caseNo, String region, Long institutionId, String institutionName, String summary,
      BigDecimal recoveryAmount, BigDecimal fineProposal, Integer fineMultiple, String measureRule) {
  }

  @Select("SELECT c.case_no, c.region, c.institution_id, i.name AS institution_name, c.summary, c.recovery_amount, "
      + "c.fine_proposal, c.fine_multiple, c.measure_rule FROM violation_case c JOIN institution i "
      + "ON i.id = c.institution_id WHERE c.case_no = #{caseNo}")
  SourceCase sourceCase(@Param("caseNo") String caseNo);

  @Select("SELECT code FROM violation_finding WHERE case_no = #{caseNo} ORDER BY code")
  List<String> findingCodes(@Param("caseNo") String caseNo);

  @Select("SELECT " + COLUMNS + " FROM administrative_fine WHERE fine_no = #{fineNo}")
  Fine find(@Param("fineNo") String fineNo);

  @Select("SELECT " + COLUMNS + " FROM administrative_fine WHERE case_no = #{caseNo}")
  Fine findByCase(@Param("caseNo") String caseNo);

  @Insert("INSERT INTO administrative_fine (fine_no, case_no, region, institution_id, defrauded_amount, "
      + "proposed_amount, min_amount, max_amount, san_jia, status, process_instance_id, created_at, updated_at) "
      + "VALUES (#{fineNo}, #{caseNo}, #{region}, #{institutionId}, #{defrauded}, #{proposed}, #{min}, #{max}, "
      + "#{sanJia}, 'DECIDING', #{pi}, #{now}, #{now})")
  void insert(@Param("fineNo") String fineNo, @Param("caseNo") String caseNo, @Param("region") String region,
      @Param("institutionId") long institutionId, @Param("defrauded") BigDecimal defrauded,
      @Param("proposed") BigDecimal proposed, @Param("min") BigDecimal min, @Param("max") BigDecimal max,
      @Param("sanJia") boolean sanJia, @Param("pi") String processInstanceId, @Param("now") OffsetDateTime now);

  @Update("UPDATE administrative_fine SET process_instance_id = #{pi} WHERE fine_no = #{fineNo}")
  void attachProcess(@Param("fineNo") String fineNo, @Param("pi") String processInstanceId);

  @Update("UPDATE administrative_fine SET status = #{status}, amount = #{amount}, decline_reasons = #{reasons}, "
      + "updated_at = #{now} WHERE fine_no = #{fineNo}")
  void decide(@Param("fineNo") String fineNo, @Param("status") String status, @Param("amount") BigDecimal amount,
      @Param("reasons") String reasons, @Param("now") OffsetDateTime now);

  @Update("UPDATE administrative_fine SET status = 'NOTIFIED', notice_served_on = #{on}, updated_at = #{now} "
      + "WHERE fine_no = #{fineNo} AND notice_served_on IS NULL")
  int notified(@Param("fineNo") String fineNo, @Param("on") LocalDate on, @Param("now") OffsetDateTime now);

  @Update("UPDATE administrative_fine SET statement = #{statement}, updated_at = #{now} WHERE fine_no = #{fineNo}")
  void statement(@Param("fineNo") String fineNo, @Param("statement") String statement,
      @Param("now") OffsetDateTime now);

  @Update("UPDATE administrative_fine SET status = 'DECIDED', decision_served_on = #{on}, updated_at = #{now} "
      + "WHERE fine_no = #{fineNo} AND decision_served_on IS NULL")
  int decisionServed(@Param("fineNo") String fineNo, @Param("on") LocalDate on, @Param("now") OffsetDateTime now);

  @Update("UPDATE administrative_fine SET status = 'EFFECTIVE', effective_on = #{on}, payment_due = #{due}, "
      + "updated_at = #{now} WHERE fine_no = #{fineNo} AND effective_on IS NULL")
  int effective(@Param("fineNo") String fineNo, @Param("on") LocalDate on, @Param("due") LocalDate due,
      @Param("now") OffsetDateTime now);

  @Update("UPDATE administrative_fine SET status = #{status}, updated_at = #{now} WHERE fine_no = #{fineNo}")
  void status(@Param("fineNo") String fineNo, @Param("status") String status, @Param("now") OffsetDateTime now);

  @Update("UPDATE administrative_fine SET status = 'PAID', paid_on = #{on}, paid_amount = #{amount}, "
      + "receipt_no = #{receiptNo}, updated_at = #{now} WHERE fine_no = #{fineNo} AND paid_on IS NULL")
  int paid(@Param("fineNo") String fineNo, @Param("on") LocalDate on, @Param("amount") BigDecimal amount,
      @Param("receiptNo") String receiptNo, @Param("now") OffsetDateTime now);

  @Update("UPDATE administrative_fine SET status = 'ENFORCEMENT', enforcement_note = #{note}, updated_at = #{now} "
      + "WHERE fine_no = #{fineNo}")
  void enforcement(@Param("fineNo") String fineNo, @Param("note") String note, @Param("now") OffsetDateTime now);

  @Select("<script>SELECT f.fine_no, f.case_no, f.region, i.name AS institution_name, f.status, f.min_amount, "
      + "f.max_amount, f.amount, f.payment_due, f.paid_on FROM administrative_fine f JOIN institution i "
      + "ON i.id = f.institution_id WHERE f.region IN <foreach collection='regions' item='r' open='(' separator=',' "
      + "close=')'>#{r}</foreach><if test='status != null'> AND f.status = #{status}</if> "
      + "ORDER BY f.created_at DESC, f.id DESC LIMIT 500</script>")
  List<Fine.Row> list(@Param("regions") List<String> regions, @Param("status") String status);
}
