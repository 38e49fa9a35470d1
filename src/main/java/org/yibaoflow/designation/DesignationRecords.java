package org.yibaoflow.designation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Rows of the designation tables besides the application itself. */
public final class DesignationRecords {

  private DesignationRecords() {
  }

  /** R-DES-2: a related department's written reply in one evaluation round. */
  public record Inquiry(Long id, String applicationNo, Integer evaluationRound, String department, String reply,
      Boolean adverse, String recordedBy, OffsetDateTime recordedAt) {
  }

  /** R-DES-1: a failed re-evaluation bars new applications of the credit code until {@code barredUntil}. */
  public record Bar(Long id, String applicationNo, String region, String creditCode, LocalDate barredFrom,
      LocalDate barredUntil, String ruleId) {

    public boolean appliesOn(LocalDate date) {
      return !date.isBefore(barredFrom) && date.isBefore(barredUntil);
    }
  }

  /** R-DES-3: a complaint received during the public notice; OPEN until verified UNFOUNDED or FOUNDED. */
  public record Complaint(Long id, String complaintRef, String applicationNo, String region, String complainant,
      String content, String status, String finding, String verifiedBy, OffsetDateTime receivedAt,
      OffsetDateTime verifiedAt, String processInstanceId, String channel, LocalDate receivedOn) {

    public static final String OPEN = "OPEN";
    public static final String UNFOUNDED = "UNFOUNDED";
    public static final String FOUNDED = "FOUNDED";
  }

  /** R-DES-4: one negotiation round. */
  public record NegotiationRound(Long id, String applicationNo, Integer roundNo, String serviceContent,
      String paymentMethod, String settlementStandard, String minutes, String participants, String outcome,
      String recordedBy, OffsetDateTime recordedAt) {

    public static final String CONTINUE = "CONTINUE";
    public static final String AGREED = "AGREED";
    public static final String BROKEN_DOWN = "BROKEN_DOWN";
  }

  /** R-DES-4: the online signing and the agreement it created. */
  public record Signing(Long id, String applicationNo, String institutionSigner, String agencySigner, String channel,
      Long agreementId, OffsetDateTime signedAt) {

    public static final String ONLINE = "ONLINE";
  }

  /** The evaluation clock of one round (R-DES-2): its deadline and when the supervisor is alerted. */
  public record EvaluationStart(int round, LocalDate startedOn, LocalDate deadline, LocalDate warningOn,
      java.util.Date deadlineAt, java.util.Date warningAt) {
  }

  /** A failed evaluation told to the institution: round, reasons, and the re-evaluation window. */
  public record Failure(int round, String reason, String rectificationAdvice, LocalDate reEvaluationFrom,
      LocalDate reEvaluationUntil, java.util.Date reEvaluationClosesAt) {
  }
}
