package org.yibaoflow.institution;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RegionSettingMapper {

  List<RegionSettingRow> findByRegion(@Param("region") String region);

  RegionSettingRow find(@Param("region") String region, @Param("key") String key);

  int insert(@Param("region") String region, @Param("key") String key, @Param("value") int value,
      @Param("unit") String unit, @Param("ruleId") String ruleId, @Param("updatedBy") String updatedBy,
      @Param("updatedAt") OffsetDateTime updatedAt);

  int update(@Param("region") String region, @Param("key") String key, @Param("value") int value,
      @Param("expectedVersion") long expectedVersion, @Param("updatedBy") String updatedBy,
      @Param("updatedAt") OffsetDateTime updatedAt);
}
