package org.yibaoflow.designation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A region's resource-allocation plan for designated institutions (定点医药机构资源配置规划, R-DES-5
 * [003 §四]): while none is in force the region accepts no new designations.
 */
public record DesignationPlan(Long id, String region, String title, String documentRef, LocalDate validFrom,
    LocalDate validTo, String recordedBy, OffsetDateTime recordedAt) {

  /** Insert parameter (MyBatis writes the generated id back). */
  static final class New {
    Long id;
    final String region;
    final String title;
    final String documentRef;
    final LocalDate validFrom;
    final LocalDate validTo;
    final String recordedBy;
    final OffsetDateTime recordedAt;

    New(String region, String title, String documentRef, LocalDate validFrom, LocalDate validTo, String recordedBy,
        OffsetDateTime recordedAt) {
      this.region = region;
      this.title = title;
      this.documentRef = documentRef;
      this.validFrom = validFrom;
      this.validTo = validTo;
      this.recordedBy = recordedBy;
      this.recordedAt = recordedAt;
    }

    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }

    public String getRegion() {
      return region;
    }

    public String getTitle() {
      return title;
    }

    public String getDocumentRef() {
      return documentRef;
    }

    public LocalDate getValidFrom() {
      return validFrom;
    }

    public LocalDate getValidTo() {
      return validTo;
    }

    public String getRecordedBy() {
      return recordedBy;
    }

    public OffsetDateTime getRecordedAt() {
      return recordedAt;
    }
  }
}
