package org.yibaoflow.designation;

import java.time.LocalDate;
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
    OffsetDateTime updatedAt,
    Integer evaluationRound,
    LocalDate evaluationDeadline,
    String failureReason,
    String rectificationAdvice,
    LocalDate reEvaluationFrom,
    LocalDate reEvaluationUntil,
    Long agreementId) {

  /** An application before its evaluation (round 0, nothing decided yet). */
  public DesignationApplication(Long id, String applicationNo, String region, String institutionName,
      String institutionType, String creditCode, String processInstanceId, String status, String missingMaterials,
      String refusalRule, String refusalReason, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    this(id, applicationNo, region, institutionName, institutionType, creditCode, processInstanceId, status,
        missingMaterials, refusalRule, refusalReason, createdBy, createdAt, updatedAt, 0, null, null, null, null, null,
        null);
  }

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
  /** Evaluation (round 1, or 2 after a re-evaluation request) running under its time limit (R-DES-2). */
  public static final String STATUS_UNDER_EVALUATION = "UNDER_EVALUATION";
  /** After a failed first evaluation the institution asked for re-evaluation (R-DES-2). */
  public static final String STATUS_RE_EVALUATION_REQUESTED = "RE_EVALUATION_REQUESTED";
  /** Failed once and no re-evaluation was asked for within the window: closed. */
  public static final String STATUS_CLOSED_NOT_RE_EVALUATED = "CLOSED_NOT_RE_EVALUATED";
  /** Failed the re-evaluation: new applications are barred (R-DES-1, designation_bar). */
  public static final String STATUS_BARRED = "BARRED";
  /** The evaluation result is publicly noticed (R-DES-3). */
  public static final String STATUS_PUBLIC_NOTICE = "PUBLIC_NOTICE";
  /** A verified, founded complaint failed the application (R-DES-3); failureReason says why. */
  public static final String STATUS_COMPLAINT_FOUNDED = "COMPLAINT_FOUNDED";
  /** Notice over without an open or founded complaint: negotiation (R-DES-4). */
  public static final String STATUS_NEGOTIATION = "NEGOTIATION";
  /** Negotiation broke down: no agreement (R-DES-4). */
  public static final String STATUS_NEGOTIATION_BROKEN_DOWN = "NEGOTIATION_BROKEN_DOWN";
  /** Agreed; the online signing is running (R-DES-4). */
  public static final String STATUS_SIGNING = "SIGNING";
  /** Signed online, agreement ACTIVE in the registry: the designation is published. */
  public static final String STATUS_DESIGNATED = "DESIGNATED";
}
