package org.yibaoflow.expensereview;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A settlement batch under expense review (费用审核, R-VIO-13): the ratio of the second-review sample (a
 * fraction, at least the region's minimum) and the seed of its draw, the figures of the screening and the
 * sample, the amount refused.
 */
public record ClaimBatch(Long id, String batchNo, String region, String settlementRef, BigDecimal sampleRatio,
    Long sampleSeed, String status, int claimCount, BigDecimal totalAmount, Integer suspiciousCount,
    Integer samplePopulation, Integer sampledCount, BigDecimal refusedAmount, String processInstanceId,
    String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt) {

  public static final String SUBMITTED = "SUBMITTED";
  public static final String SCREENED = "SCREENED";
  public static final String SAMPLED = "SAMPLED";
  public static final String REFUSED = "REFUSED";
  public static final String CLOSED = "CLOSED";

  /** One refusal of a batch: per institution and stage, the amount found, the ratio and the amount refused. */
  public record Refusal(String institutionCode, String stage, int claims, BigDecimal foundAmount, BigDecimal ratio,
      BigDecimal refusedAmount, String violationCodes, String caseNo) {
  }

  /** The figures per batch (R-VIO-13): what the supervision page and the API show. */
  public record Figures(int claims, int suspicious, int verified, int sampled, int refusedClaims,
      BigDecimal amountRefused) {
  }
}
