package org.yibaoflow.institution;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AgreementMapper {

  void insert(Agreement agreement);

  Agreement find(@Param("id") long id);

  Agreement findByPeriod(@Param("institutionId") long institutionId,
      @Param("periodStart") java.time.LocalDate periodStart);

  /** Newest period first. */
  List<Agreement> byInstitution(@Param("institutionId") long institutionId);

  /** Optimistic lock: 0 rows when someone else changed the agreement since it was read. */
  int updateState(@Param("id") long id, @Param("expectedVersion") long expectedVersion,
      @Param("state") AgreementState state, @Param("suspensionCount") int suspensionCount,
      @Param("stateSince") OffsetDateTime stateSince);
}
