package org.yibaoflow.personnel;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The points ledger (V11): inspections per person and the deductions they brought. */
@Mapper
interface PointsMapper {

  void insertInspection(Inspection inspection);

  void insertDeduction(Deduction deduction);

  Inspection findInspection(@Param("personId") long personId, @Param("inspectionRef") String inspectionRef);

  Inspection findInspectionById(@Param("id") long id);

  /** The person's deducted points in a natural year, over all their practice sites (R-PERS-3, R-PERS-5). */
  int yearTotal(@Param("personId") long personId, @Param("pointsYear") int pointsYear);

  /** One inspection of one person and the answer it got (kept so a resubmission answers the same). */
  record Inspection(Long id, Long personId, String inspectionRef, java.time.LocalDate inspectedOn, Integer pointsYear,
      Integer points, Integer totalAfter, String band, String measure, Boolean triggered,
      java.time.OffsetDateTime recordedAt) {
  }

  /** One violation found: the catalogue codes it matches and the points deducted (the highest, once). */
  record Deduction(Long id, Long inspectionId, Long personId, Integer pointsYear, String matchedCodes, Integer points,
      String description) {
  }
}
