package org.yibaoflow.designation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
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

  /** Moves the application to {@code status} if it is in one of {@code expected}; 0 = it was not. */
  int transition(@Param("applicationNo") String applicationNo, @Param("expected") Collection<String> expected,
      @Param("status") String status, @Param("updatedAt") OffsetDateTime updatedAt);

  int startEvaluation(@Param("applicationNo") String applicationNo, @Param("expected") Collection<String> expected,
      @Param("round") int round, @Param("deadline") LocalDate deadline, @Param("updatedAt") OffsetDateTime updatedAt);

  int recordFailure(@Param("applicationNo") String applicationNo, @Param("reason") String reason,
      @Param("advice") String advice, @Param("from") LocalDate from, @Param("until") LocalDate until,
      @Param("updatedAt") OffsetDateTime updatedAt);

  int recordFailureReason(@Param("applicationNo") String applicationNo, @Param("expected") String expected,
      @Param("status") String status, @Param("reason") String reason, @Param("updatedAt") OffsetDateTime updatedAt);

  int designate(@Param("applicationNo") String applicationNo, @Param("agreementId") long agreementId,
      @Param("updatedAt") OffsetDateTime updatedAt);

  void insertInquiry(DesignationRecords.Inquiry inquiry);

  DesignationRecords.Inquiry findInquiry(@Param("applicationNo") String applicationNo, @Param("round") int round,
      @Param("department") String department);

  List<DesignationRecords.Inquiry> inquiries(@Param("applicationNo") String applicationNo, @Param("round") int round);

  void insertBar(DesignationRecords.Bar bar);

  DesignationRecords.Bar barOf(@Param("applicationNo") String applicationNo);

  List<DesignationRecords.Bar> barsByCreditCode(@Param("creditCode") String creditCode);

  void insertComplaint(DesignationRecords.Complaint complaint);

  DesignationRecords.Complaint complaintByRef(@Param("complaintRef") String complaintRef);

  DesignationRecords.Complaint complaint(@Param("id") long id);

  int verifyComplaint(@Param("id") long id, @Param("status") String status, @Param("finding") String finding,
      @Param("verifiedBy") String verifiedBy, @Param("verifiedAt") OffsetDateTime verifiedAt);

  int countOpenComplaints(@Param("applicationNo") String applicationNo);

  /** R-DES-3: unverified complaints on any designation application of an institution (region + credit code). */
  int countOpenComplaintsOfInstitution(@Param("region") String region, @Param("creditCode") String creditCode);

  List<DesignationRecords.Complaint> complaints(@Param("applicationNo") String applicationNo);

  void insertRound(DesignationRecords.NegotiationRound round);

  DesignationRecords.NegotiationRound findRound(@Param("applicationNo") String applicationNo,
      @Param("roundNo") int roundNo);

  List<DesignationRecords.NegotiationRound> rounds(@Param("applicationNo") String applicationNo);

  void insertSigning(DesignationRecords.Signing signing);

  DesignationRecords.Signing signingOf(@Param("applicationNo") String applicationNo);

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
