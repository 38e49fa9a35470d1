package org.yibaoflow.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The tables of the yearly inspection plan (V260, R-VIO-14). */
@Mapper
interface InspectionMapper {

  String PLAN_COLUMNS = "id, plan_no, region, plan_year, status, routine_min, special_min, pharmacy_frequency,"
      + " flying_ratio, flying_top, max_institution_id, institution_count, batch_count, seed, drawn_at, screened_at,"
      + " process_instance_id, opened_by, opened_at, closed_at";
  String COLUMNS = "id, plan_id, inspection_no, kind, slot, institution_id, batch_no, draw_reason, inspectors, due_on,"
      + " status, abnormal_indicators, document_no, violation_codes, deduction_codes, person_code, note,"
      + " materials_passed, case_no, inspected_by, completed_at";
  /** Institutions with an agreement in force (designated, R-VIO-14 applies to them). */
  String IN_FORCE = " i.region = #{region} AND EXISTS (SELECT 1 FROM agreement a"
      + " WHERE a.institution_id = i.id AND a.state IN ('ACTIVE', 'SETTLEMENT_SUSPENDED', 'SUSPENDED'))";
  String DESIGNATED = " FROM institution i WHERE" + IN_FORCE;

  /** A designated institution as the plan needs it. */
  record Designated(long id, String code, String name, String type) {
  }

  @Select("SELECT " + PLAN_COLUMNS + " FROM inspection_plan WHERE region = #{region} AND plan_year = #{year}")
  InspectionPlan findPlan(@Param("region") String region, @Param("year") int year);

  @Select("SELECT " + PLAN_COLUMNS + " FROM inspection_plan WHERE plan_no = #{planNo}")
  InspectionPlan findPlanByNo(@Param("planNo") String planNo);

  @Select("SELECT " + PLAN_COLUMNS + " FROM inspection_plan WHERE id = #{id} FOR UPDATE")
  InspectionPlan lockPlan(@Param("id") long id);

  @Insert("INSERT INTO inspection_plan (plan_no, region, plan_year, status, routine_min, special_min,"
      + " pharmacy_frequency, flying_ratio, flying_top, max_institution_id, institution_count, batch_count,"
      + " process_instance_id, opened_by, opened_at) VALUES (#{p.planNo}, #{p.region}, #{p.planYear}, #{p.status},"
      + " #{p.routineMin}, #{p.specialMin}, #{p.pharmacyFrequency}, #{p.flyingRatio}, #{p.flyingTop},"
      + " #{p.maxInstitutionId}, #{p.institutionCount}, #{p.batchCount}, #{p.processInstanceId}, #{p.openedBy},"
      + " #{p.openedAt})")
  int insertPlan(@Param("p") InspectionPlan plan);

  @Update("UPDATE inspection_plan SET process_instance_id = #{pi} WHERE id = #{id}")
  int attachProcess(@Param("id") long id, @Param("pi") String processInstanceId);

  @Update("UPDATE inspection_plan SET seed = #{seed}, drawn_at = #{at} WHERE id = #{id} AND seed IS NULL")
  int recordDraw(@Param("id") long id, @Param("seed") long seed, @Param("at") OffsetDateTime at);

  @Update("UPDATE inspection_plan SET screened_at = #{at} WHERE id = #{id} AND screened_at IS NULL")
  int recordScreening(@Param("id") long id, @Param("at") OffsetDateTime at);

  @Update("UPDATE inspection_plan SET status = 'CLOSED', closed_at = #{at} WHERE id = #{id} AND closed_at IS NULL")
  int close(@Param("id") long id, @Param("at") OffsetDateTime at);

  @Select("SELECT COUNT(*)" + DESIGNATED + " AND i.id <= #{maxId}")
  int countDesignated(@Param("region") String region, @Param("maxId") long maxId);

  @Select("SELECT COALESCE(MAX(i.id), 0)" + DESIGNATED)
  long maxDesignatedId(@Param("region") String region);

  /** One page of the designated institutions, in id order (a batch of the plan). */
  @Select("SELECT i.id, i.code, i.name, i.type" + DESIGNATED + " AND i.id <= #{maxId} ORDER BY i.id"
      + " LIMIT #{size} OFFSET #{offset}")
  List<Designated> designatedPage(@Param("region") String region, @Param("maxId") long maxId,
      @Param("offset") int offset, @Param("size") int size);

  /** The designated hospitals with last year's settled amount (evaluation_settlement_volume, R-EVA-5). */
  @Select("SELECT i.id AS institution_id, i.code, v.amount AS last_year_payments FROM institution i"
      + " LEFT JOIN evaluation_settlement_volume v"
      + " ON v.institution_id = i.id AND v.settle_year = #{lastYear} WHERE" + IN_FORCE
      + " AND i.type = 'HOSPITAL' AND i.id <= #{maxId}")
  List<FlyingSample.Hospital> hospitals(@Param("region") String region, @Param("maxId") long maxId,
      @Param("lastYear") int lastYear);

  /** Institutions with at least {@code min} complaint cases opened in the period (concentrated complaints). */
  @Select("SELECT institution_id FROM violation_case WHERE region = #{region} AND source = 'COMPLAINT'"
      + " AND created_at >= #{from} GROUP BY institution_id HAVING COUNT(*) >= #{min}")
  List<Long> complaintInstitutions(@Param("region") String region, @Param("from") OffsetDateTime from,
      @Param("min") int min);

  /** Institutions with a smart-monitoring case opened in the period (an abnormal indicator of the year). */
  @Select("SELECT DISTINCT institution_id FROM violation_case WHERE region = #{region}"
      + " AND source = 'SMART_MONITORING' AND created_at >= #{from}")
  List<Long> monitoredInstitutions(@Param("region") String region, @Param("from") OffsetDateTime from);

  /** The designated institutions with the settled amounts of the year and the year before. */
  @Select("SELECT i.id, i.code, i.name, i.type, cur.amount AS current_amount, prev.amount AS previous_amount"
      + " FROM institution i"
      + " LEFT JOIN evaluation_settlement_volume cur ON cur.institution_id = i.id AND cur.settle_year = #{year}"
      + " LEFT JOIN evaluation_settlement_volume prev ON prev.institution_id = i.id AND prev.settle_year = #{year} - 1"
      + " WHERE" + IN_FORCE + " AND i.id <= #{maxId}")
  List<Volumes> volumes(@Param("region") String region, @Param("maxId") long maxId, @Param("year") int year);

  record Volumes(long id, String code, String name, String type, BigDecimal currentAmount, BigDecimal previousAmount) {
  }

  @Insert("INSERT INTO inspection (plan_id, inspection_no, kind, slot, institution_id, batch_no, draw_reason,"
      + " inspectors, due_on, status, abnormal_indicators) VALUES (#{i.planId}, #{i.inspectionNo}, #{i.kind},"
      + " #{i.slot}, #{i.institutionId}, #{i.batchNo}, #{i.drawReason}, #{i.inspectors}, #{i.dueOn}, #{i.status},"
      + " #{i.abnormalIndicators})")
  @Options(useGeneratedKeys = false)
  int insert(@Param("i") Inspection inspection);

  @Select("SELECT slot FROM inspection WHERE plan_id = #{planId} AND batch_no = #{batchNo}")
  List<String> slotsOf(@Param("planId") long planId, @Param("batchNo") int batchNo);

  @Select("SELECT id FROM inspection WHERE plan_id = #{planId} AND batch_no = #{batchNo} ORDER BY id")
  List<Long> idsOf(@Param("planId") long planId, @Param("batchNo") int batchNo);

  @Select("SELECT id FROM inspection WHERE plan_id = #{planId} AND kind = #{kind} ORDER BY id")
  List<Long> idsOfKind(@Param("planId") long planId, @Param("kind") String kind);

  @Select("SELECT " + COLUMNS + " FROM inspection WHERE id = #{id}")
  Inspection find(@Param("id") long id);

  @Select("SELECT " + COLUMNS + " FROM inspection WHERE plan_id = #{planId} AND slot = #{slot}")
  Inspection findBySlot(@Param("planId") long planId, @Param("slot") String slot);

  @Update("UPDATE inspection SET document_no = #{documentNo} WHERE id = #{id}")
  int attachDocument(@Param("id") long id, @Param("documentNo") String documentNo);

  /** Records the findings once (a retried job finds the inspection done and writes nothing). */
  @Update("UPDATE inspection SET status = 'DONE', institution_id = #{institutionId}, violation_codes = #{codes},"
      + " deduction_codes = #{deductions}, person_code = #{personCode}, note = #{note},"
      + " materials_passed = #{passed}, inspected_by = #{by}, completed_at = #{at} WHERE id = #{id}"
      + " AND status <> 'DONE'")
  int complete(@Param("id") long id, @Param("institutionId") Long institutionId, @Param("codes") String codes,
      @Param("deductions") String deductions, @Param("personCode") String personCode, @Param("note") String note,
      @Param("passed") Boolean passed, @Param("by") String by, @Param("at") OffsetDateTime at);

  @Update("UPDATE inspection SET case_no = #{caseNo} WHERE id = #{id}")
  int attachCase(@Param("id") long id, @Param("caseNo") String caseNo);

  /** Done and planned inspections per institution and kind (the plan's progress, R-VIO-14). */
  @Select("SELECT p.institution_id, i.code, p.kind, SUM(CASE WHEN p.status = 'DONE' THEN 1 ELSE 0 END) AS done,"
      + " COUNT(*) AS planned FROM inspection p JOIN institution i ON i.id = p.institution_id"
      + " WHERE p.plan_id = #{planId} GROUP BY p.institution_id, i.code, p.kind")
  List<Tally> tally(@Param("planId") long planId);

  record Tally(long institutionId, String code, String kind, long done, long planned) {
  }

  @Select("SELECT COUNT(*) FROM inspection WHERE plan_id = #{planId} AND kind = 'SPECIAL' AND status = 'DONE'")
  int specialDone(@Param("planId") long planId);

  @Select("SELECT plan_no FROM inspection_plan WHERE id = #{planId}")
  String planNoOf(@Param("planId") long planId);

  @Select("SELECT i.id, i.code, i.name, i.type FROM institution i WHERE i.id = #{id}")
  Designated institution(@Param("id") long id);
}
