package org.yibaoflow.objection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ObjectionMapper {

  void insert(Objection objection);

  Objection findByProcessInstance(@Param("processInstanceId") String processInstanceId);

  Objection findByNo(@Param("objectionNo") String objectionNo);

  List<Objection> findByRegions(@Param("regions") List<String> regions, @Param("status") Objection.Status status);

  /** Moves the case on; 0 rows when its status is no longer {@code expected} (someone was faster). */
  int updateStatus(@Param("objectionNo") String objectionNo, @Param("expected") Objection.Status expected,
      @Param("status") Objection.Status status, @Param("updatedAt") OffsetDateTime updatedAt);

  int recordDecision(@Param("objectionNo") String objectionNo, @Param("expected") Objection.Status expected,
      @Param("status") Objection.Status status, @Param("outcome") Objection.Outcome outcome,
      @Param("effectiveDecision") String effectiveDecision, @Param("reasons") String reasons,
      @Param("level") Objection.Level level, @Param("reviewServedOn") LocalDate reviewServedOn,
      @Param("updatedAt") OffsetDateTime updatedAt);

  void insertFiling(ObjectionFiling filing);

  List<ObjectionFiling> findFilings(@Param("objectionNo") String objectionNo);

  /** The date of service moved to the recorded one while the first window is open (issue 17, 文书送达). */
  @org.apache.ibatis.annotations.Update("UPDATE objection SET notice_served_on = #{servedOn}, updated_at = #{updatedAt} "
      + "WHERE objection_no = #{objectionNo} AND status = 'WINDOW_OPEN'")
  int moveNoticeServedOn(@Param("objectionNo") String objectionNo, @Param("servedOn") java.time.LocalDate servedOn,
      @Param("updatedAt") java.time.OffsetDateTime updatedAt);

  /** The review decision's date of service moved to the recorded one while the second window is open (issue 17). */
  @org.apache.ibatis.annotations.Update("UPDATE objection SET review_served_on = #{servedOn}, updated_at = #{updatedAt} "
      + "WHERE objection_no = #{objectionNo} AND status = 'SECOND_WINDOW_OPEN'")
  int moveReviewServedOn(@Param("objectionNo") String objectionNo, @Param("servedOn") java.time.LocalDate servedOn,
      @Param("updatedAt") java.time.OffsetDateTime updatedAt);
}
