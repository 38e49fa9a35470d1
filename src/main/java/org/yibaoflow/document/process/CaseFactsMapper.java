package org.yibaoflow.document.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Read-only: what a violation case's documents state (the case row, its institution, its findings). */
@Mapper
interface CaseFactsMapper {

  record ViolationFacts(String caseNo, String region, String institutionName, String summary,
      String suspectedViolations, BigDecimal suspectedAmount, BigDecimal defraudedAmount, String measureClass,
      String measureRule, BigDecimal recoveryAmount, BigDecimal refusalAmount, BigDecimal fineProposal,
      Integer fineMultiple, Integer rectificationDays, LocalDate noticeServedOn) {
  }

  @Select("SELECT c.case_no, c.region, i.name AS institution_name, c.summary, c.suspected_violations, "
      + "c.suspected_amount, c.defrauded_amount, c.measure_class, c.measure_rule, c.recovery_amount, c.refusal_amount, "
      + "c.fine_proposal, c.fine_multiple, c.rectification_days, c.notice_served_on "
      + "FROM violation_case c JOIN institution i ON i.id = c.institution_id WHERE c.case_no = #{caseNo}")
  ViolationFacts violationCase(@Param("caseNo") String caseNo);

  @Select("SELECT code FROM violation_finding WHERE case_no = #{caseNo} ORDER BY id")
  List<String> findingCodes(@Param("caseNo") String caseNo);

  @Select("SELECT name FROM institution WHERE id = #{id}")
  String institutionName(@Param("id") long id);
}
