package org.yibaoflow.designation;

import java.time.OffsetDateTime;

/** A designation application (定点申请) as stored. */
public record DesignationApplication(
    Long id,
    String applicationNo,
    String region,
    String institutionName,
    String institutionType,
    String creditCode,
    String processInstanceId,
    String status,
    String missingMaterials,
    String refusalRule,
    String refusalReason,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public static final String STATUS_RECEIVED = "RECEIVED";
  public static final String STATUS_ACCEPTED = "ACCEPTED";
  public static final String STATUS_INCOMPLETE = "INCOMPLETE";
  /** Refused at the eligibility check (R-DES-1, R-VIO-9); refusalRule and refusalReason say why. */
  public static final String STATUS_REFUSED = "REFUSED";
  /** Incomplete material not supplemented within the region's supplement period (R-DES-1): closed. */
  public static final String STATUS_LAPSED = "LAPSED";
  /** Expert evaluation and system check both passed (R-DES-2); the public notice comes next (R-DES-3). */
  public static final String STATUS_EVALUATION_PASSED = "EVALUATION_PASSED";
  public static final String STATUS_EVALUATION_FAILED = "EVALUATION_FAILED";
}
