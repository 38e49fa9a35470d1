package org.yibaoflow.designation;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DesignationMapper {

  DesignationApplication findByProcessInstance(@Param("processInstanceId") String processInstanceId);

  DesignationApplication findByApplicationNo(@Param("applicationNo") String applicationNo);

  void insert(NewApplication application);

  int updateStatus(@Param("applicationNo") String applicationNo, @Param("expectedStatus") String expectedStatus,
      @Param("status") String status, @Param("missingMaterials") String missingMaterials,
      @Param("updatedAt") OffsetDateTime updatedAt);

  int attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  int refuse(@Param("applicationNo") String applicationNo, @Param("ruleId") String ruleId,
      @Param("reason") String reason, @Param("updatedAt") OffsetDateTime updatedAt);

  /** Insert parameter; MyBatis writes the generated id back. */
  final class NewApplication {
    Long id;
    final String applicationNo;
    final String region;
    final String institutionName;
    final String institutionType;
    final String creditCode;
    final String processInstanceId;
    final String status;
    final String createdBy;
    final OffsetDateTime createdAt;

    NewApplication(String applicationNo, String region, String institutionName, String institutionType, String creditCode,
        String processInstanceId, String status, String createdBy, OffsetDateTime createdAt) {
      this.applicationNo = applicationNo;
      this.region = region;
      this.institutionName = institutionName;
      this.institutionType = institutionType;
      this.creditCode = creditCode;
      this.processInstanceId = processInstanceId;
      this.status = status;
      this.createdBy = createdBy;
      this.createdAt = createdAt;
    }

    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }

    public String getApplicationNo() {
      return applicationNo;
    }

    public String getRegion() {
      return region;
    }

    public String getInstitutionName() {
      return institutionName;
    }

    public String getInstitutionType() {
      return institutionType;
    }

    public String getCreditCode() {
      return creditCode;
    }

    public String getProcessInstanceId() {
      return processInstanceId;
    }

    public String getStatus() {
      return status;
    }

    public String getCreatedBy() {
      return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
      return createdAt;
    }
  }
}
