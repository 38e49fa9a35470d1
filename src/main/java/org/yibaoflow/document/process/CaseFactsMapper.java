package org.yibaoflow.document.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Read-only: what a case's documents state: a violation case (the case row, its institution, its findings) or a
 * personnel measure case (the person, the year's points, the band, the deductions of the inspection that reached it).
 */
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

  record PersonnelFacts(String caseNo, String personName, String nationalCode, Integer pointsYear, Integer total,
      String band, String measure, Integer months, Integer inspectionPoints, Long personId, Long inspectionId) {
  }

  @Select("SELECT m.case_no, p.name AS person_name, p.national_code, m.points_year, m.total, m.band, m.measure, "
      + "m.months, i.points AS inspection_points, m.person_id, m.inspection_id FROM personnel_measure m "
      + "JOIN person p ON p.id = m.person_id LEFT JOIN person_inspection i ON i.id = m.inspection_id "
      + "WHERE m.case_no = #{caseNo}")
  PersonnelFacts personnelCase(@Param("caseNo") String caseNo);

  /** The deductions of the inspection that reached the band: what the person did, and the points (R-PERS-4). */
  @Select("SELECT description || '（' || points || '分）' FROM person_deduction WHERE inspection_id = #{inspectionId} "
      + "ORDER BY id")
  List<String> deductions(@Param("inspectionId") long inspectionId);

  /** The institutions the person practises at (their agreements), addressees of the notice (004 §六(一)). */
  @Select("SELECT DISTINCT i.name FROM person_agreement a JOIN institution i ON i.id = a.institution_id "
      + "WHERE a.person_id = #{personId} ORDER BY i.name")
  List<String> institutionsOf(@Param("personId") long personId);
}
