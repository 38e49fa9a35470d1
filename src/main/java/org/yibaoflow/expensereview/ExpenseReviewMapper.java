package org.yibaoflow.expensereview;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The batch, refusal and per-institution queries of the expense review. The bulk paths (inserting a batch's
 * claims, writing 100,000 screening results) are JDBC batches in {@link ClaimRows}.
 */
@Mapper
interface ExpenseReviewMapper {

  int insertBatch(@Param("batchNo") String batchNo, @Param("region") String region,
      @Param("settlementRef") String settlementRef, @Param("sampleRatio") BigDecimal sampleRatio,
      @Param("claimCount") int claimCount, @Param("totalAmount") BigDecimal totalAmount,
      @Param("createdBy") String createdBy, @Param("at") OffsetDateTime at);

  ClaimBatch find(@Param("batchNo") String batchNo);

  ClaimBatch findByRef(@Param("region") String region, @Param("settlementRef") String settlementRef);

  List<ClaimBatch> findByRegions(@Param("regions") List<String> regions);

  int attachProcess(@Param("batchNo") String batchNo, @Param("processInstanceId") String processInstanceId);

  int recordScreening(@Param("batchNo") String batchNo, @Param("suspiciousCount") int suspiciousCount,
      @Param("at") OffsetDateTime at);

  int recordSample(@Param("batchNo") String batchNo, @Param("seed") long seed,
      @Param("population") int population, @Param("sampledCount") int sampledCount, @Param("at") OffsetDateTime at);

  int recordRefused(@Param("batchNo") String batchNo, @Param("refusedAmount") BigDecimal refusedAmount,
      @Param("at") OffsetDateTime at);

  int close(@Param("batchNo") String batchNo, @Param("at") OffsetDateTime at);

  /** Institutions with claims of the stage (suspicious in the screening, or sampled), ordered by code. */
  List<String> institutionsOf(@Param("batchId") long batchId, @Param("stage") String stage);

  List<Claim> claimsOf(@Param("batchId") long batchId, @Param("institutionCode") String institutionCode,
      @Param("stage") String stage);

  int recordVerdict(@Param("id") long id, @Param("verdict") String verdict,
      @Param("violationAmount") BigDecimal violationAmount, @Param("violationCodes") String violationCodes,
      @Param("verifiedBy") String verifiedBy, @Param("at") OffsetDateTime at);

  /** Ids of the inpatient claims that passed the screening, in id order (the population of the sample). */
  List<Long> samplePopulation(@Param("batchId") long batchId);

  int markSampled(@Param("ids") List<Long> ids);

  int countClaims(@Param("batchId") long batchId, @Param("stage") String stage, @Param("verdict") String verdict,
      @Param("verified") Boolean verified);

  /** Confirmed claims per institution and stage: claims, amount found and the codes named. */
  record Found(String institutionCode, String stage, int claims, BigDecimal foundAmount, BigDecimal baseAmount) {
  }

  List<Found> found(@Param("batchId") long batchId);

  List<String> codesOf(@Param("batchId") long batchId, @Param("institutionCode") String institutionCode,
      @Param("stage") String stage);

  int insertRefusal(@Param("batchId") long batchId, @Param("r") ClaimBatch.Refusal refusal,
      @Param("at") OffsetDateTime at);

  List<ClaimBatch.Refusal> refusals(@Param("batchId") long batchId);

  int attachCase(@Param("batchId") long batchId, @Param("institutionCode") String institutionCode,
      @Param("caseNo") String caseNo);
}
