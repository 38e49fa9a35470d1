package org.yibaoflow.inspection;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.platform.RegionTenantIdProvider;
import org.yibaoflow.platform.Role;

/**
 * The yearly inspection plan of a region (年度稽核检查计划, R-VIO-14 [000 §二(三); 001 §三(四)]): one plan per region
 * and year (unique), opened by the supervisor; the flying draw (飞行检查, 双随机一公开) with its recorded seed; the
 * routine inspections of every designated institution planned batch by batch (a job each, no giant transaction);
 * the plan closed. Every step is idempotent: a retried job finds its rows and writes nothing twice.
 */
@Service
public class InspectionPlanService {

  static final String ENTITY = "INSPECTION_PLAN";
  public static final String PROCESS = "inspection-plan";
  /** Inspectors per inspection (two on site; product default). */
  static final int INSPECTORS = 2;
  /** Complaint cases in the last 12 months that make complaints "concentrated" (product default). */
  static final int COMPLAINTS_CONCENTRATED = 2;

  private final InspectionMapper mapper;
  private final RegionSettingsService settings;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final EngineAsApplication engine;
  private final RegionAccess regions;
  private final AuditService audit;
  private final PlanSchedule schedule;
  private final Clock clock;
  private final int batchSize;
  private final Random seeds = new SecureRandom();

  InspectionPlanService(InspectionMapper mapper, RegionSettingsService settings, RuntimeService runtimeService,
      IdentityService identityService, EngineAsApplication engine, RegionAccess regions, AuditService audit,
      WorkingDayCalendar calendar, Clock clock, @Value("${yibao.inspection.batch-size:200}") int batchSize) {
    this.mapper = mapper;
    this.settings = settings;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.engine = engine;
    this.regions = regions;
    this.audit = audit;
    this.schedule = new PlanSchedule(calendar);
    this.clock = clock;
    this.batchSize = batchSize;
  }

  public record Opened(InspectionPlan plan, boolean created) {
  }

  /**
   * The supervisor opens the year's plan over the API: 201 with a new plan and its process, 200 with the existing
   * one (one plan per region and year). The current year or the next; a supervisor of the region only.
   */
  @Transactional
  public Opened openAsSupervisor(String region, Integer year) {
    DomainRuleException.requireText(region, "region", "统筹地区", "region");
    regions.requireRegion(region);
    int y = validYear(year);
    InspectionPlan existing = mapper.findPlan(region, y);
    if (existing != null) {
      return new Opened(existing, false);
    }
    InspectionPlan plan = insert(region, y, regions.currentUser().userId(), null);
    Map<String, Object> vars = new HashMap<>();
    vars.put(RegionTenantIdProvider.REGION_VARIABLE, region);
    vars.put("planYear", y);
    vars.put("startedBy", plan.openedBy());
    String pi = engine.call(() -> runtimeService.startProcessInstanceByKey(PROCESS, plan.planNo(), vars)).getId();
    mapper.attachProcess(plan.id(), pi);
    return new Opened(mapper.findPlanByNo(plan.planNo()), true);
  }

  /**
   * 登记年度计划, the process's first step: the plan of the instance's region and year, registered by this instance
   * (a Tasklist start) or by the API that started it; {@code duplicate} when another instance runs the plan.
   */
  public record Registered(InspectionPlan plan, boolean duplicate) {
  }

  @Transactional
  public Registered register(String region, Integer year, String startedBy, String processInstanceId) {
    int y = validYear(year);
    InspectionPlan plan = mapper.findPlan(region, y);
    if (plan == null) {
      return new Registered(insert(region, y, startedBy == null ? AuditService.SYSTEM : startedBy,
          processInstanceId), false);
    }
    return new Registered(plan, plan.processInstanceId() != null
        && !plan.processInstanceId().equals(processInstanceId));
  }

  private InspectionPlan insert(String region, int year, String actor, String processInstanceId) {
    long maxId = mapper.maxDesignatedId(region);
    int count = mapper.countDesignated(region, maxId);
    // batch 0: the flying and special inspections; batches 1..n: the routine inspections, a page of institutions each
    int batches = 1 + (count + batchSize - 1) / batchSize;
    InspectionPlan plan = new InspectionPlan(null, InspectionPlan.numberOf(region, year), region, year,
        InspectionPlan.OPEN, settings.value(region, RegionSetting.ROUTINE_INSPECTION_MIN),
        settings.value(region, RegionSetting.SPECIAL_ACTION_MIN),
        settings.value(region, RegionSetting.PHARMACY_INSPECTION_FREQUENCY),
        BigDecimal.valueOf(settings.value(region, RegionSetting.FLYING_SAMPLE_MIN_RATIO)).movePointLeft(2),
        settings.value(region, RegionSetting.FLYING_TOP_PAYERS), maxId, count, batches, null, null, null,
        processInstanceId, actor, OffsetDateTime.now(clock), null);
    // two opening at once: the unique (region, plan_year) refuses the second (409 over HTTP)
    mapper.insertPlan(plan);
    audit.record(AuditEntry.of(region, ENTITY, plan.planNo(), "OPENED", null, InspectionPlan.OPEN, "R-VIO-14",
        year + " 年度稽核检查计划：定点医药机构 " + count + " 家，每家定点医疗机构日常检查不少于 " + plan.routineMin()
            + " 次，专项检查不少于 " + plan.specialMin() + " 次", processInstanceId, "batches=" + batches));
    return mapper.findPlanByNo(plan.planNo());
  }

  /**
   * 飞行检查抽取 (R-VIO-14 [001 §三(四)], 双随机一公开): draws the flying sample and its inspectors with a fresh seed,
   * recorded on the plan and in the audit trail with every drawn hospital and why; plans the special actions.
   * A retried job finds the seed and draws nothing again. Returns the batch numbers to plan.
   */
  @Transactional
  public List<Integer> draw(String planNo, String processInstanceId) {
    InspectionPlan p = plan(planNo);
    if (p.seed() == null) {
      long seed = seeds.nextLong();
      LocalDate today = today();
      List<FlyingSample.Drawn> drawn = FlyingSample.draw(mapper.hospitals(p.region(), p.maxInstitutionId(),
          p.planYear() - 1), new HashSet<>(mapper.complaintInstitutions(p.region(), OffsetDateTime.now(clock)
          .minusYears(1), COMPLAINTS_CONCENTRATED)), p.flyingRatio(), p.flyingTop(), caseworkers(p.region()),
          INSPECTORS, seed);
      StringBuilder details = new StringBuilder("seed=").append(seed);
      for (FlyingSample.Drawn d : drawn) {
        insert(p, Inspection.Kind.FLYING, d.hospital().institutionId(), 1, 0, d.reason().name(), d.inspectors(),
            schedule.flying(p.planYear(), today), null);
        details.append(';').append(d.hospital().code()).append(':').append(d.reason()).append(':')
            .append(String.join("+", d.inspectors()));
      }
      Random random = new Random(seed);
      List<String> pool = caseworkers(p.region());
      for (int r = 1; r <= p.specialMin(); r++) {
        insert(p, Inspection.Kind.SPECIAL, null, r, 0, null, FlyingSample.inspectors(pool, INSPECTORS, random),
            schedule.spread(p.planYear(), r, p.specialMin(), today), null);
      }
      mapper.recordDraw(p.id(), seed, OffsetDateTime.now(clock));
      audit.record(AuditEntry.of(p.region(), ENTITY, planNo, "FLYING_DRAWN", null, null, "R-VIO-14",
          "飞行检查随机抽取定点医疗机构 " + drawn.size() + " 家（含上年度基金支付额前 " + p.flyingTop()
              + " 名及投诉集中的机构），检查人员随机选派；专项检查 " + p.specialMin() + " 次", processInstanceId,
          details.length() > 3900 ? details.substring(0, 3900) : details.toString()));
    }
    List<Integer> batches = new ArrayList<>();
    for (int b = 0; b < p.batchCount(); b++) {
      batches.add(b);
    }
    return batches;
  }

  /**
   * Plans one batch (its own job): batch 0 holds the drawn inspections; batch b >= 1 the routine inspections of the
   * b-th page of designated institutions, hospitals routine-inspection-min times, pharmacies at the region's
   * frequency (R-VIO-14), inspectors drawn with {@code new Random(seed + b)}. Returns the batch's inspection ids.
   */
  @Transactional
  public List<Long> planBatch(String planNo, int batchNo) {
    InspectionPlan p = plan(planNo);
    if (batchNo > 0 && mapper.slotsOf(p.id(), batchNo).isEmpty()) {
      Random random = new Random(p.seed() + batchNo);
      List<String> pool = caseworkers(p.region());
      LocalDate today = today();
      for (InspectionMapper.Designated i : mapper.designatedPage(p.region(), p.maxInstitutionId(),
          (batchNo - 1) * batchSize, batchSize)) {
        int n = Institution.HOSPITAL.equals(i.type()) ? p.routineMin() : p.pharmacyFrequency();
        for (int r = 1; r <= n; r++) {
          insert(p, Inspection.Kind.ROUTINE, i.id(), r, batchNo, null, FlyingSample.inspectors(pool, INSPECTORS,
              random), schedule.spread(p.planYear(), r, n, today), null);
        }
      }
    }
    return mapper.idsOf(p.id(), batchNo);
  }

  Inspection insert(InspectionPlan p, Inspection.Kind kind, Long institutionId, int round, int batchNo,
      String reason, List<String> inspectors, LocalDate due, String indicators) {
    String slot = kind.name() + ":" + (institutionId == null ? "-" : institutionId) + ":" + round;
    Inspection existing = mapper.findBySlot(p.id(), slot);
    if (existing != null) {
      return existing;
    }
    // derived from the slot, so batch jobs running side by side never draw the same number
    String code = kind == Inspection.Kind.YEAR_END_ON_SITE ? "YS" : kind.name().substring(0, 1);
    String no = "IN-" + p.planYear() + "-" + p.id() + "-" + code + (institutionId == null ? "" : institutionId) + "-"
        + round;
    mapper.insert(new Inspection(null, p.id(), no, kind.name(), slot, institutionId, batchNo, reason,
        String.join(",", inspectors), due, Inspection.PLANNED, indicators, null, null, null, null, null, null, null,
        null, null));
    return mapper.findBySlot(p.id(), slot);
  }

  /** The region's caseworkers (Camunda group caseworker, tenant = region), by user id: the inspectors' pool. */
  List<String> caseworkers(String region) {
    return engine.call(() -> identityService.createUserQuery().memberOfGroup(Role.CASEWORKER.groupId())
        .memberOfTenant(region).orderByUserId().asc().list()).stream().map(User::getId).sorted().toList();
  }

  /** 计划办结: closes the plan once every inspection and the year-end screening are done. */
  @Transactional
  public void close(String planNo, String processInstanceId) {
    InspectionPlan p = plan(planNo);
    if (mapper.close(p.id(), OffsetDateTime.now(clock)) > 0) {
      audit.record(AuditEntry.of(p.region(), ENTITY, planNo, "CLOSED", InspectionPlan.OPEN, InspectionPlan.CLOSED,
          "R-VIO-14", p.planYear() + " 年度稽核检查计划办结", processInstanceId, null));
    }
  }

  public InspectionPlan plan(String planNo) {
    InspectionPlan p = planNo == null ? null : mapper.findPlanByNo(planNo);
    if (p == null) {
      throw DomainRuleException.notFound("稽核检查计划 / inspection plan", planNo);
    }
    return p;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }

  /** The year a plan may be opened for: the current one or the next (R-VIO-14); 400 naming the field otherwise. */
  public int validYear(Integer year) {
    int current = today().getYear();
    if (year == null || year < current || year > current + 1) {
      throw DomainRuleException.badRequest("year", "R-VIO-14", "计划年度须为今年或明年",
          "The plan year must be the current year or the next").with("year", year);
    }
    return year;
  }

  PlanSchedule schedule() {
    return schedule;
  }

  Set<Long> monitored(InspectionPlan p) {
    return new HashSet<>(mapper.monitoredInstitutions(p.region(),
        LocalDate.of(p.planYear(), 1, 1).atStartOfDay(WorkingDayCalendar.ZONE).toOffsetDateTime()));
  }
}
