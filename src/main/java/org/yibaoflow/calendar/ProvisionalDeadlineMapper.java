package org.yibaoflow.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Deadlines computed provisionally for a process (table provisional_deadline, R-TIME-3). */
@Mapper
interface ProvisionalDeadlineMapper {

  void insert(ProvisionalDeadline row);

  List<ProvisionalDeadline> findOpen();

  /** Whether another row already claimed the job or task. */
  int countLinked(@Param("jobId") String jobId, @Param("taskId") String taskId, @Param("exceptId") long exceptId);

  int link(@Param("id") long id, @Param("jobId") String jobId, @Param("taskId") String taskId);

  /** Closes an open row that still has {@code expectedDeadline}; 0 when another node got there first. */
  int resolve(@Param("id") long id, @Param("expectedDeadline") LocalDate expectedDeadline,
      @Param("outcome") String outcome, @Param("resolvedDeadline") LocalDate resolvedDeadline,
      @Param("resolvedAt") OffsetDateTime resolvedAt);

  /** Moves an open row that stays provisional to its new date; 0 when another node got there first. */
  int moveOpen(@Param("id") long id, @Param("expectedDeadline") LocalDate expectedDeadline,
      @Param("deadline") LocalDate deadline, @Param("expiresAt") OffsetDateTime expiresAt);
}
