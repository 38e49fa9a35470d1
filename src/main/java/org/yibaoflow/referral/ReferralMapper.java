package org.yibaoflow.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ReferralMapper {

  void insert(Referral referral);

  Referral findByNo(@Param("referralNo") String referralNo);

  Referral findByProcessInstance(@Param("processInstanceId") String processInstanceId);

  List<Referral> findOpen(@Param("regions") List<String> regions);

  int recordTransfer(@Param("referralNo") String referralNo, @Param("receivingBody") String receivingBody,
      @Param("transferredOn") LocalDate transferredOn, @Param("letterNo") String letterNo,
      @Param("updatedAt") OffsetDateTime updatedAt);

  int recordReminder(@Param("referralNo") String referralNo, @Param("key") String key,
      @Param("updatedAt") OffsetDateTime updatedAt);

  int updateStatus(@Param("referralNo") String referralNo, @Param("status") Referral.Status status,
      @Param("updatedAt") OffsetDateTime updatedAt);

  int insertFeedback(@Param("referralNo") String referralNo, @Param("type") Referral.FeedbackType type,
      @Param("content") String content, @Param("receivedAt") OffsetDateTime receivedAt,
      @Param("recordedBy") String recordedBy, @Param("dedupKey") String dedupKey,
      @Param("receivedOn") java.time.LocalDate receivedOn, @Param("documentNo") String documentNo);

  int countFeedback(@Param("referralNo") String referralNo, @Param("dedupKey") String dedupKey);
}
