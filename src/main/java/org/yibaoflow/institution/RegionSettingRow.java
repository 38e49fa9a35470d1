package org.yibaoflow.institution;

import java.time.OffsetDateTime;

/** A row of region_setting. */
record RegionSettingRow(Long id, String region, String settingKey, Integer settingValue, String unit, String ruleId,
    String updatedBy, OffsetDateTime updatedAt, Long version) {
}
