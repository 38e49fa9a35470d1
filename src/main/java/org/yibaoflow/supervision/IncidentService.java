package org.yibaoflow.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * Incidents of the user's regions in plain Chinese, and the supervisor's retry: a failed job gets one more attempt
 * (ManagementService.setJobRetries), which the job executor then runs. Another region's incident answers 404.
 */
@Service
class IncidentService {

  static final String ENTITY = "JOB";

  record IncidentView(String id, String region, String caseNo, String caseKind, String institution, String process,
      String step, String plainZh, String technical, Instant occurredAt, String occurredBeijing, boolean retryable) {
  }

  record Retried(String incidentId, String jobId, int retries) {
  }

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final EngineAsApplication engine;
  private final EngineNames names;
  private final CaseDirectory directory;
  private final RegionAccess regions;
  private final AuditService audit;

  IncidentService(RuntimeService runtimeService, ManagementService managementService, EngineAsApplication engine,
      EngineNames names, CaseDirectory directory, RegionAccess regions, AuditService audit) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.engine = engine;
    this.names = names;
    this.directory = directory;
    this.regions = regions;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<IncidentView> incidents(List<String> visible) {
    if (visible.isEmpty()) {
      return List.of();
    }
    return engine.call(() -> {
      // the root causes only: a failed job in a called process also raises an incident on each calling activity
      List<Incident> incidents = runtimeService.createIncidentQuery().tenantIdIn(visible.toArray(String[]::new))
          .orderByIncidentTimestamp().desc().listPage(0, 500).stream()
          .filter(i -> i.getId().equals(i.getRootCauseIncidentId())).limit(200).toList();
      Set<String> pis = new HashSet<>();
      incidents.forEach(i -> pis.add(i.getProcessInstanceId()));
      Map<String, String> keys = names.businessKeys(pis);
      Map<String, SupervisionMapper.CaseRef> cases = directory.find(keys.values());
      List<IncidentView> views = new ArrayList<>();
      for (Incident i : incidents) {
        String caseNo = keys.get(i.getProcessInstanceId());
        SupervisionMapper.CaseRef ref = cases.get(caseNo);
        String step = names.activity(i.getProcessDefinitionId(), i.getActivityId());
        Instant at = i.getIncidentTimestamp().toInstant();
        views.add(new IncidentView(i.getId(), i.getTenantId(), caseNo, ref == null ? null : ref.kind(),
            ref == null ? null : ref.party(), names.definition(i.getProcessDefinitionId()).name(), step,
            plain(i, step), i.getIncidentMessage(), at, DeadlineService.beijing(at),
            Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType())));
      }
      return views;
    });
  }

  /** One more attempt for the failed job of an incident of the user's regions; audited. */
  @Transactional
  public Retried retry(String incidentId) {
    Incident incident = engine.call(() -> runtimeService.createIncidentQuery().incidentId(incidentId).singleResult());
    if (incident == null || !regions.canSee(incident.getTenantId())) {
      throw DomainRuleException.notFound("异常 / incident", incidentId);
    }
    if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
      throw DomainRuleException.conflict("incidentId", "INCIDENT", "该异常不是自动任务失败，不能在此重试",
          "Only failed jobs can be retried here");
    }
    String jobId = incident.getConfiguration();
    Job job = engine.call(() -> managementService.createJobQuery().jobId(jobId).singleResult());
    if (job == null) {
      throw DomainRuleException.notFound("自动任务 / job", jobId);
    }
    engine.run(() -> managementService.setJobRetries(jobId, 1));
    String caseNo = names.businessKeys(List.of(incident.getProcessInstanceId())).get(incident.getProcessInstanceId());
    audit.record(AuditEntry.of(incident.getTenantId(), ENTITY, jobId, "RETRY", "FAILED", "RETRYING", null,
        "科室负责人重新执行失败的自动任务「" + names.activity(incident.getProcessDefinitionId(), incident.getActivityId())
            + "」（案件 " + caseNo + "）", incident.getProcessInstanceId(), "incident=" + incidentId));
    return new Retried(incidentId, jobId, 1);
  }

  /** What happened, for a supervisor rather than a developer. */
  static String plain(Incident i, String step) {
    String message = i.getIncidentMessage() == null ? "" : i.getIncidentMessage();
    String cause;
    if (message.isBlank()) {
      cause = "重试次数已用完";
    } else if (message.contains("Lock") || message.contains("OptimisticLocking")) {
      cause = "与其他操作同时修改了同一记录";
    } else if (message.contains("Unknown property") || message.contains("Cannot resolve identifier")) {
      cause = "流程缺少所需数据（变量）";
    } else if (message.contains("timeout") || message.contains("Connection")) {
      cause = "连接数据库或外部系统超时";
    } else {
      cause = "执行时出错";
    }
    return "「" + step + "」自动执行失败：" + cause + "。流程停在此步骤，处理原因后可点“重试”。";
  }
}
