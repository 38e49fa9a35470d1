package org.yibaoflow.supervision;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yibaoflow.platform.AuditEntry;

/**
 * Read-only figures and the case directory over the domain tables, and the overview's grouped counts over the
 * engine's runtime and history tables (always within the given tenants).
 */
@Mapper
interface SupervisionMapper {

  /** Every kind of case by its number: kind, region, institution or party, status, process instance. */
  List<CaseRef> cases(@Param("caseNos") Collection<String> caseNos);

  /** Agreements per state in the regions. */
  List<Count> agreementsByState(@Param("regions") List<String> regions);

  /** Violation-case measures and personnel measures per class (R-VIO-2, R-PERS-6). */
  List<Count> measuresByClass(@Param("regions") List<String> regions);

  /** Agreements in force whose suspension count is at least {@code minimum} (R-VIO-5), with the institution. */
  List<Map<String, Object>> suspendedOften(@Param("region") String region, @Param("minimum") int minimum);

  /** The latest evaluation campaign of a region, or null. */
  Long latestCampaign(@Param("region") String region);

  /** Signings of a region since {@code from}: designation signings and renewals, with their channel (R-DES-4). */
  Map<String, Object> signings(@Param("region") String region, @Param("from") OffsetDateTime from);

  /** The key monitoring list of the regions for a cycle year (R-PERS-13). */
  List<Map<String, Object>> keyMonitoring(@Param("regions") List<String> regions, @Param("year") int year);

  /** The audit trail of a case: entries on its number or written by one of its process instances. */
  List<AuditEntry> auditOfCase(@Param("caseNo") String caseNo, @Param("processInstanceIds") List<String> pids);

  /** The audit trail of an agreement (its state history). */
  List<AuditEntry> auditOfAgreement(@Param("agreementId") String agreementId);

  Map<String, Object> agreement(@Param("id") long id);

  Map<String, Object> institution(@Param("id") long id);

  /** The case's own row, as columns (for the case file's facts). */
  Map<String, Object> violationCase(@Param("caseNo") String caseNo);

  List<Map<String, Object>> violationMeasures(@Param("caseNo") String caseNo);

  Map<String, Object> designationApplication(@Param("caseNo") String caseNo);

  Map<String, Object> objection(@Param("caseNo") String caseNo);

  Map<String, Object> referral(@Param("caseNo") String caseNo);

  Map<String, Object> personnelMeasure(@Param("caseNo") String caseNo);

  Map<String, Object> evaluationItem(@Param("caseNo") String caseNo);

  /** Objections and referrals whose subject is this case. */
  List<String> casesAbout(@Param("caseNo") String caseNo);

  /** Open process instances per process definition key, in the tenants. */
  List<Grouped> openInstancesByProcess(@Param("tenants") List<String> tenants);

  /** Open top-level instances (cases) in the tenants. */
  long openRootInstances(@Param("tenants") List<String> tenants);

  /** Open user tasks per process definition key and task name, in the tenants. */
  List<Grouped> openTasksByStep(@Param("tenants") List<String> tenants);

  /** Timers per process definition and job definition, in the tenants. */
  List<TimerGroup> timersByJobDefinition(@Param("tenants") List<String> tenants);

  /** Open and overdue tasks per assignee (null: unclaimed), in the tenants. */
  List<Load> workload(@Param("tenants") List<String> tenants, @Param("now") Date now);

  /** Top-level instances opened ({@code opened_i}) and closed ({@code closed_i}) in each month i. */
  Map<String, Object> openedAndClosed(@Param("tenants") List<String> tenants, @Param("months") List<Period> months,
      @Param("since") Date since);

  /** Candidate groups of tasks. */
  List<Candidate> candidateGroups(@Param("taskIds") Collection<String> taskIds);

  record Grouped(String processKey, String name, long total) {
  }

  record TimerGroup(String processDefinitionId, String jobDefinitionId, long total) {
  }

  record Load(String assignee, long total, long overdue) {
  }

  record Period(Date from, Date to) {
  }

  record Candidate(String taskId, String groupId) {
  }

  /** A case's institution and agreement ids where its kind has them. */
  record CaseRef(String caseNo, String kind, String region, String party, String status, String processInstanceId,
      Long institutionId, Long agreementId) {
  }

  record Count(String region, String name, long total) {
  }
}
