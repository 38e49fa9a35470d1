package org.yibaoflow.institution;

import java.time.OffsetDateTime;

/** A setting as a region sees it: its own value, or the shipped default ({@code source} = DEFAULT). */
public record RegionSettingValue(String region, String key, int value, RegionSetting.Unit unit, String ruleId,
    String descriptionZh, String source, String updatedBy, OffsetDateTime updatedAt, Long version) {

  public static final String SOURCE_REGION = "REGION";
  public static final String SOURCE_DEFAULT = "DEFAULT";
}
