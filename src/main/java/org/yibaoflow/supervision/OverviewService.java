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

  /** A count of a code (measure class, agreement state) with its Chinese name. */
  record Named(String region, String name, String nameZh, long total) {
  }

  record Overview(List<String> regions, Map<String, String> regionNames, long openCases, List<ProcessCount> processes,
      List<Month> months, List<Named> measures, List<Named> agreements, List<NearThreshold> suspensions,
      List<ReferralService.OpenReferral> openReferrals, List<CampaignProgress> campaigns, List<SigningRate> signing,
      List<Map<String, Object>> keyMonitoring, List<Workload> workload) {
  }

  private final EngineAsApplication engine;
  private final EngineNames names;
  private final SupervisionMapper mapper;
  private final RegionSettingsService settings;
  private final ReferralService referrals;
  private final EvaluationCampaignService campaigns;
  private final Clock clock;
  private final Labels labels;

  OverviewService(EngineAsApplication engine, EngineNames names, SupervisionMapper mapper, RegionSettingsService settings,
      ReferralService referrals, EvaluationCampaignService campaigns, Clock clock, Labels labels) {
    this.labels = labels;
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
      return new Overview(regions, Map.of(), 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of(), List.of());
    }
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    return engine.call(() -> {
      long openCases = mapper.openRootInstances(regions);
      List<NearThreshold> near = new ArrayList<>();
      List<SigningRate> signing = new ArrayList<>();
      List<CampaignProgress> progress = new ArrayList<>();
      for (String region : regions) {
        // R-VIO-5: one more suspension at the region's threshold terminates the agreement
        int threshold = settings.value(region, RegionSetting.SUSPENSION_TERMINATION_THRESHOLD);
        List<Map<String, Object>> often = new ArrayList<>();
        for (Map<String, Object> a : Rows.camel(mapper.suspendedOften(region, Math.max(1, threshold - 1)))) {
          Map<String, Object> shown = new LinkedHashMap<>(a);
          shown.put("stateZh", CodeNames.code((String) a.get("state")));
          often.add(shown);
        }
        near.add(new NearThreshold(region, threshold, often));
        signing.add(signingRate(region, today.getYear()));
        Long campaign = mapper.latestCampaign(region);
        if (campaign != null) {
          progress.add(campaigns.progressUnchecked(campaign));
        }
      }
      return new Overview(regions, labels.regions(regions), openCases, steps(regions), months(regions, today),
          named(mapper.measuresByClass(regions)), named(mapper.agreementsByState(regions)), near, referrals.open(), progress,
          signing, Rows.camel(mapper.keyMonitoring(regions, today.getYear())), workload(regions));
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
   * The database counts (grouped reads over ACT_RU_EXECUTION, ACT_RU_TASK and ACT_RU_JOB in the user's tenants): no
   * task or job is loaded, whatever the number of open cases.
   */
  List<ProcessCount> steps(List<String> tenants) {
    Map<String, Map<String, Long>> byProcess = new TreeMap<>();
    for (SupervisionMapper.Grouped g : mapper.openTasksByStep(tenants)) {
      byProcess.computeIfAbsent(g.processKey(), k -> new TreeMap<>()).merge(g.name(), g.total(), Long::sum);
    }
    for (SupervisionMapper.TimerGroup g : mapper.timersByJobDefinition(tenants)) {
      String step = "期限：" + names.activity(g.processDefinitionId(), names.jobActivity(g.jobDefinitionId()));
      byProcess.computeIfAbsent(names.definition(g.processDefinitionId()).key(), k -> new TreeMap<>())
          .merge(step, g.total(), Long::sum);
    }
    List<ProcessCount> result = new ArrayList<>();
    List<SupervisionMapper.Grouped> open = new ArrayList<>(mapper.openInstancesByProcess(tenants));
    open.sort(java.util.Comparator.comparing(SupervisionMapper.Grouped::processKey));
    for (SupervisionMapper.Grouped p : open) {
      String name = p.name() != null ? p.name() : p.processKey();
      List<StepCount> steps = byProcess.getOrDefault(p.processKey(), Map.of()).entrySet().stream()
          .map(e -> new StepCount(p.processKey(), name, e.getKey(), e.getValue())).toList();
      result.add(new ProcessCount(p.processKey(), name, p.total(), steps));
    }
    return result;
  }

  /**
   * Cases (top-level process instances) opened and closed per month, from the history (closed cases count too),
   * in one grouped read.
   */
  List<Month> months(List<String> tenants, LocalDate today) {
    YearMonth current = YearMonth.from(today);
    List<YearMonth> ms = new ArrayList<>();
    List<SupervisionMapper.Period> periods = new ArrayList<>();
    for (int i = MONTHS - 1; i >= 0; i--) {
      YearMonth m = current.minusMonths(i);
      ms.add(m);
      periods.add(new SupervisionMapper.Period(
          Date.from(m.atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()),
          Date.from(m.plusMonths(1).atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant())));
    }
    Map<String, Object> row = lower(mapper.openedAndClosed(tenants, periods, periods.get(0).from()));
    List<Month> months = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      months.add(new Month(ms.get(i).toString(), n(row, "opened_" + i), n(row, "closed_" + i)));
    }
    return months;
  }

  /** Open and overdue tasks per caseworker (unclaimed ones as 待认领), counted by the database. */
  List<Workload> workload(List<String> tenants) {
    List<SupervisionMapper.Load> loads = mapper.workload(tenants, Date.from(clock.instant()));
    Map<String, String> userNames = names.userNames(loads.stream().map(SupervisionMapper.Load::assignee)
        .filter(java.util.Objects::nonNull).toList());
    return loads.stream()
        .sorted(java.util.Comparator.comparing(l -> l.assignee() == null ? "" : l.assignee()))
        .map(l -> new Workload(l.assignee(), l.assignee() == null ? "待认领" : userNames.get(l.assignee()),
            l.total(), l.overdue())).toList();
  }

  /** Measure classes (R-VIO-2), personnel measures (PERSONNEL_..., R-PERS-6) and agreement states by name. */
  private static List<Named> named(List<SupervisionMapper.Count> counts) {
    return counts.stream().map(c -> new Named(c.region(), c.name(), c.name().startsWith("PERSONNEL_")
        ? "人员" + CodeNames.code(c.name().substring("PERSONNEL_".length())) : CodeNames.code(c.name()), c.total()))
        .toList();
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
