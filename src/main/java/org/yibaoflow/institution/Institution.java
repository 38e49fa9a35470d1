package org.yibaoflow.institution;

import java.time.OffsetDateTime;

/** A designated institution (定点医药机构) as stored; type HOSPITAL (定点医疗机构) or PHARMACY (定点零售药店). */
public record Institution(Long id, String region, String code, String name, String type, String creditCode,
    String level, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  public static final String HOSPITAL = "HOSPITAL";
  public static final String PHARMACY = "PHARMACY";
}
