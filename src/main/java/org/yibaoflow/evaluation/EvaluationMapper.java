package org.yibaoflow.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EvaluationMapper {

  /** An agreement in force in the campaign's year, with what its evaluation instance starts with. */
  record Candidate(Long agreementId, Long institutionId, String institutionCode, String institutionName,
      String institutionType) {
  }

  void insertCampaign(EvaluationCampaign campaign);

  EvaluationCampaign findCampaign(@Param("region") String region, @Param("year") int year);

  EvaluationCampaign campaign(@Param("id") long id);

  /** The campaign under its row lock: batches of one campaign run one after the other, on any node. */
  EvaluationCampaign lockCampaign(@Param("id") long id);

  int countInForce(@Param("region") String region, @Param("yearStart") LocalDate yearStart,
      @Param("yearEnd") LocalDate yearEnd);

  /** Keyset page: the next agreements in force after {@code afterId}, one per institution (its latest). */
  List<Candidate> nextInForce(@Param("region") String region, @Param("yearStart") LocalDate yearStart,
      @Param("yearEnd") LocalDate yearEnd, @Param("afterId") long afterId, @Param("limit") int limit);

  void insertItem(EvaluationItem item);

  int advanceCampaign(@Param("id") long id, @Param("lastAgreementId") long lastAgreementId,
      @Param("started") int started, @Param("status") String status,
      @Param("allStartedAt") OffsetDateTime allStartedAt);

  EvaluationItem item(@Param("businessKey") String businessKey);

  String gradeOf(@Param("institutionId") long institutionId, @Param("year") int year);

  int updateFacts(EvaluationItem item);

  int updateScore(@Param("businessKey") String businessKey, @Param("score") int score,
      @Param("finalScore") int finalScore, @Param("scoredBy") String scoredBy, @Param("at") OffsetDateTime at);

  int updateResult(@Param("businessKey") String businessKey, @Param("grade") String grade,
      @Param("withheldPercent") int withheldPercent, @Param("preAllocationPercent") int preAllocationPercent,
      @Param("outcome") String outcome, @Param("reasonCode") String reasonCode, @Param("ruleId") String ruleId,
      @Param("noticeServedOn") LocalDate noticeServedOn, @Param("at") OffsetDateTime at);

  int updateObjection(@Param("businessKey") String businessKey, @Param("objectionNo") String objectionNo,
      @Param("objectionOutcome") String objectionOutcome, @Param("at") OffsetDateTime at);

  int markApplied(@Param("businessKey") String businessKey, @Param("status") String status,
      @Param("appliedOutcome") String appliedOutcome, @Param("newAgreementId") Long newAgreementId,
      @Param("signingChannel") String signingChannel, @Param("at") OffsetDateTime at);

  Map<String, Object> progress(@Param("campaignId") long campaignId);

  // facts the registry already has (RegistryEvaluationFacts)

  BigDecimal settlementAmount(@Param("institutionId") long institutionId, @Param("year") int year);

  @org.apache.ibatis.annotations.Update("UPDATE evaluation_settlement_volume SET amount = #{amount} "
      + "WHERE institution_id = #{institutionId} AND settle_year = #{year}")
  int updateSettlementAmount(@Param("institutionId") long institutionId, @Param("year") int year,
      @Param("amount") BigDecimal amount);

  @org.apache.ibatis.annotations.Insert("INSERT INTO evaluation_settlement_volume (institution_id, settle_year, amount) "
      + "VALUES (#{institutionId}, #{year}, #{amount})")
  void insertSettlementAmount(@Param("institutionId") long institutionId, @Param("year") int year,
      @Param("amount") BigDecimal amount);
}
