package org.yibaoflow.whistleblower;

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
interface WhistleblowerMapper {

  String COLUMNS = "id, report_no, region, channel, named, institution_name, content, status, institution_code, "
      + "case_no, close_reasons, close_note, recovered_amount, reward_percent, reward_amount, reward_capped, "
      + "reward_paid_on, payment_ref, process_instance_id, created_by, created_at, updated_at";

  @Insert("INSERT INTO whistleblower_report (report_no, region, channel, receipt_hash, receipt_tail, named, "
      + "institution_name, content, status, process_instance_id, created_by, created_at, updated_at) VALUES "
      + "(#{reportNo}, #{region}, #{channel}, #{receiptHash}, #{receiptTail}, #{named}, #{institutionName}, #{content}, "
      + "'RECEIVED', #{processInstanceId}, #{createdBy}, #{at}, #{at})")
  void insert(@Param("reportNo") String reportNo, @Param("region") String region, @Param("channel") String channel,
      @Param("receiptHash") String receiptHash, @Param("receiptTail") String receiptTail, @Param("named") boolean named,
      @Param("institutionName") String institutionName, @Param("content") String content,
      @Param("processInstanceId") String processInstanceId, @Param("createdBy") String createdBy,
      @Param("at") OffsetDateTime at);

  @Update("UPDATE whistleblower_report SET process_instance_id = #{processInstanceId} WHERE report_no = #{reportNo}")
  int attachProcess(@Param("reportNo") String reportNo, @Param("processInstanceId") String processInstanceId);

  @Select("SELECT " + COLUMNS + " FROM whistleblower_report WHERE report_no = #{reportNo}")
  WhistleblowerReport find(@Param("reportNo") String reportNo);

  @Select("SELECT " + COLUMNS + " FROM whistleblower_report WHERE process_instance_id = #{processInstanceId}")
  WhistleblowerReport findByProcessInstance(@Param("processInstanceId") String processInstanceId);

  @Select("SELECT " + COLUMNS + " FROM whistleblower_report WHERE receipt_hash = #{receiptHash}")
  WhistleblowerReport findByReceipt(@Param("receiptHash") String receiptHash);

  @Select("SELECT " + COLUMNS + " FROM whistleblower_report WHERE case_no = #{caseNo} ORDER BY id")
  List<WhistleblowerReport> findByCase(@Param("caseNo") String caseNo);

  @Update("UPDATE whistleblower_report SET status = #{status}, updated_at = #{at} WHERE report_no = #{reportNo}")
  int updateStatus(@Param("reportNo") String reportNo, @Param("status") String status,
      @Param("at") OffsetDateTime at);

  @Update("UPDATE whistleblower_report SET status = 'UNFOUNDED', close_reasons = #{reasons}, close_note = #{note}, "
      + "updated_at = #{at} WHERE report_no = #{reportNo}")
  int closeUnfounded(@Param("reportNo") String reportNo, @Param("reasons") String reasons,
      @Param("note") String note, @Param("at") OffsetDateTime at);

  @Update("UPDATE whistleblower_report SET status = 'FOUNDED', institution_code = #{institutionCode}, "
      + "case_no = #{caseNo}, updated_at = #{at} WHERE report_no = #{reportNo}")
  int founded(@Param("reportNo") String reportNo, @Param("institutionCode") String institutionCode,
      @Param("caseNo") String caseNo, @Param("at") OffsetDateTime at);

  @Update("UPDATE whistleblower_report SET status = 'REWARD_PENDING', recovered_amount = #{recovered}, "
      + "reward_percent = #{percent}, reward_amount = #{amount}, reward_capped = #{capped}, updated_at = #{at} "
      + "WHERE report_no = #{reportNo}")
  int rewardProposed(@Param("reportNo") String reportNo, @Param("recovered") BigDecimal recovered,
      @Param("percent") BigDecimal percent, @Param("amount") BigDecimal amount, @Param("capped") boolean capped,
      @Param("at") OffsetDateTime at);

  @Update("UPDATE whistleblower_report SET status = 'REWARDED', reward_paid_on = #{paidOn}, "
      + "payment_ref = #{paymentRef}, updated_at = #{at} WHERE report_no = #{reportNo}")
  int rewardPaid(@Param("reportNo") String reportNo, @Param("paidOn") LocalDate paidOn,
      @Param("paymentRef") String paymentRef, @Param("at") OffsetDateTime at);

  @Update("UPDATE whistleblower_report SET status = 'CLOSED', close_note = #{note}, updated_at = #{at} "
      + "WHERE report_no = #{reportNo}")
  int close(@Param("reportNo") String reportNo, @Param("note") String note, @Param("at") OffsetDateTime at);

  @Update("UPDATE whistleblower_report SET status = 'NO_DECISION', close_note = #{note}, updated_at = #{at} "
      + "WHERE report_no = #{reportNo} AND status = 'FOUNDED'")
  int closeNoDecision(@Param("reportNo") String reportNo, @Param("note") String note, @Param("at") OffsetDateTime at);

  /** The last 4 characters of the report's receipt code (the reward notice's address), null for older reports. */
  @Select("SELECT receipt_tail FROM whistleblower_report WHERE report_no = #{reportNo}")
  String receiptTail(@Param("reportNo") String reportNo);

  @Select("SELECT code, label_zh FROM whistleblower_close_reason ORDER BY sort_order")
  List<WhistleblowerReport.CloseReason> closeReasons();

  @Insert("INSERT INTO whistleblower_reporter (report_no, name, phone, id_number, address, recorded_by, recorded_at) "
      + "VALUES (#{reportNo}, #{name}, #{phone}, #{idNumber}, #{address}, #{recordedBy}, #{recordedAt})")
  void insertReporter(WhistleblowerReport.ReporterIdentity identity);

  @Update("UPDATE whistleblower_reporter SET name = #{name}, phone = #{phone}, id_number = #{idNumber}, "
      + "address = #{address}, recorded_by = #{recordedBy}, recorded_at = #{recordedAt} WHERE report_no = #{reportNo}")
  int updateReporter(WhistleblowerReport.ReporterIdentity identity);

  @Update("UPDATE whistleblower_report SET named = TRUE WHERE report_no = #{reportNo}")
  int markNamed(@Param("reportNo") String reportNo);

  @Select("SELECT report_no, name, phone, id_number, address, recorded_by, recorded_at FROM whistleblower_reporter "
      + "WHERE report_no = #{reportNo}")
  WhistleblowerReport.ReporterIdentity findReporter(@Param("reportNo") String reportNo);
}
