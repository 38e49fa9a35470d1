package org.yibaoflow.institution;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The cause of an agreement's current state (column agreement.state_cause), written with each transition. */
@Mapper
interface AgreementCauseMapper {

  @Update("UPDATE agreement SET state_cause = #{cause} WHERE id = #{id}")
  int setCause(@Param("id") long id, @Param("cause") String cause);

  @Select("SELECT state_cause FROM agreement WHERE id = #{id}")
  String causeOf(@Param("id") long id);
}
