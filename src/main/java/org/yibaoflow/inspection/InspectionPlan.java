package org.yibaoflow.inspection;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A region's yearly inspection plan (年度稽核检查计划, R-VIO-14) with the minimums in force when it was opened
 * and the seed of its draws (双随机一公开).
 */
public record InspectionPlan(Long id, String planNo, String region, int planYear, String status, int routineMin,
    int specialMin, int pharmacyFrequency, BigDecimal flyingRatio, int flyingTop, long maxInstitutionId,
    int institutionCount, int batchCount, Long seed, OffsetDateTime drawnAt, OffsetDateTime screenedAt,
    String processInstanceId, String openedBy, OffsetDateTime openedAt, OffsetDateTime closedAt) {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  /** The plan's number and the business key of its process: IP-<year>-<region>. */
  public static String numberOf(String region, int year) {
    return "IP-" + year + "-" + region;
  }
}
