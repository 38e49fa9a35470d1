package org.yibaoflow.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.evaluation.CampaignProgress;
import org.yibaoflow.evaluation.EvaluationCampaignService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.referral.ReferralService;

/**
 * The figures of the supervision page for the user's regions: open cases per process and step, cases opened and
 * closed per month, measures by class, agreements by state, suspensions near the termination threshold (R-VIO-5),
 * open transfers (R-VIO-11), the evaluation campaign, the online-signing rate (R-DES-4), the key monitoring list
 * (R-PERS-13) and the workload per caseworker.
 */
@Service
class OverviewService {

  /** R-DES-4: the online-signing rate a region should reach, in percent. */
  static final double SIGNING_TARGET_PERCENT = 90.0;
  static final int MONTHS = 6;

  record StepCount(String processKey, String process, String step, long open) {
  }

  record ProcessCount(String processKey, String process, long open, List<StepCount> steps) {
  }

  record Month(String month, long opened, long closed) {
  }

  record Workload(String assignee, String name, long open, long overdue) {
  }

  record NearThreshold(String region, int threshold, List<Map<String, Object>> agreements) {
  }

  record SigningRate(String region, int year, long signed, long online, Double ratePercent, double targetPercent,
      Boolean targetMet) {
  }

  record Overview(List<String> regions, long openCases, List<ProcessCount> processes, List<Month> months,
      List<SupervisionMapper.Count> measures, List<SupervisionMapper.Count> agreements, List<NearThreshold> suspensions,
      List<ReferralService.OpenReferral> openReferrals, List<CampaignProgress> campaigns, List<SigningRate> signing,
      List<Map<String, Object>> keyMonitoring, List<Workload> workload) {
  }

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final EngineAsApplication engine;
  private final EngineNames names;
  private final SupervisionMapper mapper;
  private final RegionSettingsService settings;
  private final ReferralService referrals;
  private final EvaluationCampaignService campaigns;
  private final Clock clock;

  OverviewService(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
      RepositoryService repositoryService, HistoryService historyService,
      EngineAsApplication engine, EngineNames names, SupervisionMapper mapper, RegionSettingsService settings,
      ReferralService referrals, EvaluationCampaignService campaigns, Clock clock) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.engine = engine;
    this.names = names;
    this.mapper = mapper;
    this.settings = settings;
    this.referrals = referrals;
    this.campaigns = campaigns;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Overview overview(List<String> regions) {
    if (regions.isEmpty()) {
      return new Overview(regions, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of());
    }
    String[] tenants = regions.toArray(String[]::new);
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    return engine.call(() -> {
      List<Task> tasks = taskService.createTaskQuery().tenantIdIn(tenants).list();
      long openCases = runtimeService.createProcessInstanceQuery().tenantIdIn(tenants).rootProcessInstances().count();
      List<NearThreshold> near = new ArrayList<>();
      List<SigningRate> signing = new ArrayList<>();
      List<CampaignProgress> progress = new ArrayList<>();
      for (String region : regions) {
        // R-VIO-5: one more suspension at the region's threshold terminates the agreement
        int threshold = settings.value(region, RegionSetting.SUSPENSION_TERMINATION_THRESHOLD);
        near.add(new NearThreshold(region, threshold,
            Rows.camel(mapper.suspendedOften(region, Math.max(1, threshold - 1)))));
        signing.add(signingRate(region, today.getYear()));
        Long campaign = mapper.latestCampaign(region);
        if (campaign != null) {
          progress.add(campaigns.progressUnchecked(campaign));
        }
      }
      return new Overview(regions, openCases, steps(tasks, tenants), months(tenants, today),
          mapper.measuresByClass(regions), mapper.agreementsByState(regions), near, referrals.open(), progress,
          signing, Rows.camel(mapper.keyMonitoring(regions, today.getYear())), workload(tasks));
    });
  }

  /**
   * R-DES-4: signings of the year in the region (designations and renewals), online share against 90 %. This is
   * the region's figure; each campaign's own rate is in its progress (CampaignProgress.onlineSigningRate).
   */
  SigningRate signingRate(String region, int year) {
    OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(WorkingDayCalendar.ZONE).toOffsetDateTime();
    Map<String, Object> row = lower(mapper.signings(region, from));
    long signed = n(row, "designation_signed") + n(row, "renewal_signed");
    long online = n(row, "designation_online") + n(row, "renewal_online");
    Double rate = signed == 0 ? null : Math.round(online * 1000.0 / signed) / 10.0;
    return new SigningRate(region, year, signed, online, rate, SIGNING_TARGET_PERCENT,
        rate == null ? null : rate >= SIGNING_TARGET_PERCENT);
  }

  /**
   * Open instances per process, and where they wait: user tasks by name, process deadlines (timers) as
   * "期限：name". Every process with an open instance is listed, also one that only waits for a message or timer.
   */
  private List<ProcessCount> steps(List<Task> tasks, String[] tenants) {
    Map<String, Map<String, Long>> byProcess = new TreeMap<>();
    Map<String, String> processNames = new TreeMap<>();
    for (Task t : tasks) {
      EngineNames.Definition d = names.definition(t.getProcessDefinitionId());
      processNames.put(d.key(), d.name());
      byProcess.computeIfAbsent(d.key(), k -> new TreeMap<>()).merge(t.getName(), 1L, Long::sum);
    }
    for (Job j : managementService.createJobQuery().timers().tenantIdIn(tenants).list()) {
      EngineNames.Definition d = names.definition(j.getProcessDefinitionId());
      processNames.put(d.key(), d.name());
      String step = "期限：" + names.activity(j.getProcessDefinitionId(), names.jobActivity(j.getJobDefinitionId()));
      byProcess.computeIfAbsent(d.key(), k -> new TreeMap<>()).merge(step, 1L, Long::sum);
    }
    for (ProcessDefinition d : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      processNames.putIfAbsent(d.getKey(), d.getName() != null ? d.getName() : d.getKey());
    }
    List<ProcessCount> result = new ArrayList<>();
    for (Map.Entry<String, String> p : processNames.entrySet()) {
      long open = runtimeService.createProcessInstanceQuery().tenantIdIn(tenants).processDefinitionKey(p.getKey())
          .count();
      if (open == 0) {
        continue;
      }
      List<StepCount> steps = byProcess.getOrDefault(p.getKey(), Map.of()).entrySet().stream()
          .map(e -> new StepCount(p.getKey(), p.getValue(), e.getKey(), e.getValue())).toList();
      result.add(new ProcessCount(p.getKey(), p.getValue(), open, steps));
    }
    return result;
  }

  /** Cases (top-level process instances) opened and closed per month, from the history: closed cases count too. */
  private List<Month> months(String[] tenants, LocalDate today) {
    List<Month> months = new ArrayList<>();
    YearMonth current = YearMonth.from(today);
    for (int i = MONTHS - 1; i >= 0; i--) {
      YearMonth m = current.minusMonths(i);
      Date from = Date.from(m.atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
      Date to = Date.from(m.plusMonths(1).atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
      long opened = historyService.createHistoricProcessInstanceQuery().tenantIdIn(tenants).rootProcessInstances()
          .startedAfter(from).startedBefore(to).count();
      long closed = historyService.createHistoricProcessInstanceQuery().tenantIdIn(tenants).rootProcessInstances()
          .finishedAfter(from).finishedBefore(to).count();
      months.add(new Month(m.toString(), opened, closed));
    }
    return months;
  }

  private List<Workload> workload(List<Task> tasks) {
    Date now = Date.from(clock.instant());
    Map<String, long[]> counts = new TreeMap<>();
    for (Task t : tasks) {
      String who = t.getAssignee() == null ? "" : t.getAssignee();
      long[] c = counts.computeIfAbsent(who, k -> new long[2]);
      c[0]++;
      if (t.getDueDate() != null && t.getDueDate().before(now)) {
        c[1]++;
      }
    }
    Map<String, String> userNames = names.userNames(counts.keySet().stream().filter(s -> !s.isEmpty()).toList());
    return counts.entrySet().stream().map(e -> new Workload(e.getKey().isEmpty() ? null : e.getKey(),
        e.getKey().isEmpty() ? "待认领" : userNames.get(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
  }

  private static Map<String, Object> lower(Map<String, Object> row) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (row != null) {
      row.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
    }
    return m;
  }

  private static long n(Map<String, Object> row, String key) {
    Object v = row.get(key);
    return v == null ? 0 : ((Number) v).longValue();
  }
}
