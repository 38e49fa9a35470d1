package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Tables of the personnel-scoring process (V30); SQL in MeasureMapper.xml. */
@Mapper
interface MeasureMapper {

  void insert(PersonnelMeasure m);

  PersonnelMeasure find(@Param("caseNo") String caseNo);

  /** The person's measures, oldest first. */
  List<PersonnelMeasure> ofPerson(@Param("personId") long personId);

  /** The case number an inspection started, null when it started none. */
  String ofInspection(@Param("inspectionId") long inspectionId);

  void attachProcess(@Param("caseNo") String caseNo, @Param("processInstanceId") String processInstanceId);

  /** Moves a case from one status to another (0 rows = it was not in {@code expected}: a retried job). */
  int changeStatus(@Param("caseNo") String caseNo, @Param("expected") String expected, @Param("status") String status);

  int notified(@Param("caseNo") String caseNo, @Param("months") Integer months,
      @Param("servedOn") LocalDate servedOn);

  int interviewed(@Param("caseNo") String caseNo, @Param("note") String note);

  int changed(@Param("caseNo") String caseNo, @Param("objectionNo") String objectionNo, @Param("total") int total,
      @Param("band") String band, @Param("measure") String measure, @Param("months") Integer months,
      @Param("status") String status);

  int suspended(@Param("caseNo") String caseNo, @Param("effectiveOn") LocalDate effectiveOn,
      @Param("until") LocalDate until);

  int terminated(@Param("caseNo") String caseNo, @Param("effectiveOn") LocalDate effectiveOn,
      @Param("barUntil") LocalDate barUntil);

  int ended(@Param("caseNo") String caseNo, @Param("status") String status, @Param("endedOn") LocalDate endedOn,
      @Param("replacedBy") String replacedBy);

  // ledger adjustments (R-PERS-12)

  int adjustmentExists(@Param("caseNo") String caseNo);

  void insertAdjustment(@Param("personId") long personId, @Param("inspectionId") long inspectionId,
      @Param("pointsYear") int pointsYear, @Param("delta") int delta, @Param("caseNo") String caseNo,
      @Param("reason") String reason, @Param("at") OffsetDateTime at);

  // R-PERS-10

  /** Persons with an agreement at the institution. */
  int personnelAt(@Param("institutionId") long institutionId);

  /** Of those, persons suspended or terminated for their own conduct in the year (a measure took effect). */
  int affectedAt(@Param("institutionId") long institutionId, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  int insertProposalIfAbsent(@Param("region") String region, @Param("institutionId") long institutionId,
      @Param("pointsYear") int pointsYear, @Param("affected") int affected, @Param("personnel") int personnel,
      @Param("caseNo") String caseNo, @Param("at") OffsetDateTime at);

  /** R-PERS-10: the end of the institution's suspension for the share, set once when decided. */
  int proposalSuspendedUntil(@Param("institutionId") long institutionId, @Param("pointsYear") int pointsYear,
      @Param("until") LocalDate until);

  /** R-PERS-10: share suspensions whose end passed and that were not resumed yet. */
  List<Map<String, Object>> shareSuspensionsEnded(@Param("today") LocalDate today);

  int shareSuspensionResumed(@Param("id") long id, @Param("today") LocalDate today);

  int decideProposal(@Param("institutionId") long institutionId, @Param("pointsYear") int pointsYear,
      @Param("status") String status, @Param("reason") String reason);

  // R-PERS-13

  /** The person's deductions of a year with the highest catalogue case points each matched (for the 12 rule). */
  List<Integer> deductionPointsOfYear(@Param("personId") long personId, @Param("pointsYear") int pointsYear);

  int listIfAbsent(@Param("region") String region, @Param("institutionId") long institutionId,
      @Param("cycleYear") int cycleYear, @Param("personId") long personId, @Param("cause") String cause,
      @Param("at") OffsetDateTime at);

  List<KeyMonitoringEntry> keyMonitoring(@Param("regions") List<String> regions, @Param("cycleYear") Integer cycleYear);

  // R-PERS-2

  PersonTest findTest(@Param("personId") long personId, @Param("testedOn") LocalDate testedOn);

  void insertTest(PersonTest test);

  /** An institution on the key monitoring list (重点监控名单). */
  record KeyMonitoringEntry(Long institutionId, String institutionCode, String institutionName, String region,
      Integer cycleYear, String cause, String nationalCode, String personName, OffsetDateTime listedAt) {
  }

  /** R-PERS-10 proposals of the institution and year the supervisor decided as suspension or termination. */
  @Select("SELECT COUNT(*) FROM institution_personnel_proposal "
      + "WHERE institution_id = #{institutionId} AND points_year = #{year} AND status IN ('SUSPEND', 'TERMINATE')")
  int institutionMeasures(@Param("institutionId") long institutionId, @Param("year") int year);
}
