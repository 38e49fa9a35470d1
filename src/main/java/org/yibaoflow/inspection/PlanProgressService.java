package org.yibaoflow.inspection;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/**
 * The plan's progress for the supervisor (the supervision page's figure, R-VIO-14): per minimum the required and
 * met counts and the shortfall named by its rule ID and region setting, and the institutions that will miss their
 * minimum by year end ({@link PlanProgress} at risk), which the plan's reminder audits.
 */
@Service
public class PlanProgressService {

  private final InspectionMapper mapper;
  private final InspectionPlanService plans;
  private final RegionAccess regions;
  private final AuditService audit;

  PlanProgressService(InspectionMapper mapper, InspectionPlanService plans, RegionAccess regions, AuditService audit) {
    this.mapper = mapper;
    this.plans = plans;
    this.regions = regions;
    this.audit = audit;
  }

  /** One minimum: required vs met; {@code shortfall} > 0 names what is missing. */
  public record Minimum(String ruleId, String setting, String kind, String description, long required, long met,
      long shortfall) {
  }

  public record Progress(String planNo, String region, int year, String status, Long seed, int institutions,
      long planned, long done, List<Minimum> minimums, List<PlanProgress.Row> atRisk) {
  }

  /** The progress of a plan of the user's regions (404 for another region's, not disclosed). */
  @Transactional(readOnly = true)
  public Progress visible(String planNo) {
    InspectionPlan p = planNo == null ? null : mapper.findPlanByNo(planNo);
    if (p == null || !regions.canSee(p.region())) {
      throw DomainRuleException.notFound("稽核检查计划 / inspection plan", planNo);
    }
    return progress(p);
  }

  @Transactional(readOnly = true)
  public Progress progress(InspectionPlan p) {
    List<InspectionMapper.Tally> tally = mapper.tally(p.id());
    int daysLeft = plans.schedule().workingDaysLeft(p.planYear(), plans.today());
    List<PlanProgress.Row> atRisk = new ArrayList<>();
    List<Minimum> minimums = new ArrayList<>();
    long planned = 0;
    long done = 0;
    for (PlanProgress.Kind kind : PlanProgress.Kind.values()) {
      Map<Long, String> codes = new HashMap<>();
      Map<Long, Integer> doneBy = new HashMap<>();
      Map<Long, Integer> required = new HashMap<>();
      for (InspectionMapper.Tally t : tally) {
        if (kindOf(t.kind()) == kind) {
          codes.put(t.institutionId(), t.code());
          doneBy.merge(t.institutionId(), (int) t.done(), Integer::sum);
          required.merge(t.institutionId(), (int) t.planned(), Integer::sum);
          planned += t.planned();
          done += t.done();
        }
      }
      List<PlanProgress.Row> rows = PlanProgress.of(kind, codes, doneBy, required, daysLeft, PlanSchedule.LEAD);
      rows.stream().filter(PlanProgress.Row::atRisk).forEach(atRisk::add);
      if (kind == PlanProgress.Kind.ROUTINE) {
        long met = rows.stream().filter(PlanProgress.Row::met).count();
        minimums.add(new Minimum("R-VIO-14", "routine-inspection-min / pharmacy-inspection-frequency", "ROUTINE",
            "每家定点医疗机构每年现场日常检查不少于 " + p.routineMin() + " 次，定点零售药店每年 " + p.pharmacyFrequency()
                + " 次：已达到的机构数", p.institutionCount(), met, Math.max(0, p.institutionCount() - met)));
      }
    }
    long specialDone = mapper.specialDone(p.id());
    planned += mapper.idsOfKind(p.id(), "SPECIAL").size();
    done += specialDone;
    minimums.add(new Minimum("R-VIO-14", "special-action-min", "SPECIAL", "本地区每年专项检查不少于 " + p.specialMin()
        + " 次", p.specialMin(), specialDone, Math.max(0, p.specialMin() - specialDone)));
    long hospitals = mapper.hospitals(p.region(), p.maxInstitutionId(), p.planYear() - 1).size();
    long sample = p.flyingRatio().multiply(java.math.BigDecimal.valueOf(hospitals)).setScale(0, RoundingMode.CEILING)
        .longValueExact();
    long drawn = mapper.idsOfKind(p.id(), "FLYING").size();
    minimums.add(new Minimum("R-VIO-14", "flying-sample-min-ratio / flying-top-payers", "FLYING",
        "飞行检查抽取不少于 " + p.flyingRatio().movePointRight(2).stripTrailingZeros().toPlainString()
            + "% 的定点医疗机构（含上年度基金支付额前 " + p.flyingTop() + " 名）：已抽取", sample, drawn,
        Math.max(0, sample - drawn)));
    atRisk.sort((a, b) -> Long.compare(a.institutionId(), b.institutionId()));
    return new Progress(p.planNo(), p.region(), p.planYear(), p.status(), p.seed(), p.institutionCount(), planned,
        done, minimums, atRisk);
  }

  /** 进度预警: audits the institutions that will miss their minimum by year end; returns how many. */
  @Transactional
  public int remind(String planNo, String processInstanceId) {
    InspectionPlan p = plans.plan(planNo);
    List<PlanProgress.Row> atRisk = progress(p).atRisk();
    if (!atRisk.isEmpty()) {
      StringBuilder codes = new StringBuilder();
      atRisk.stream().limit(100).forEach(r -> codes.append(r.code()).append(':').append(r.kind()).append(':')
          .append(r.done()).append('/').append(r.required()).append(';'));
      audit.record(AuditEntry.of(p.region(), InspectionPlanService.ENTITY, planNo, "REMINDER", null, null, "R-VIO-14",
          atRisk.size() + " 家定点医药机构按剩余工作日已无法在年底前完成最低检查次数", processInstanceId,
          codes.toString()));
    }
    return atRisk.size();
  }

  private static PlanProgress.Kind kindOf(String kind) {
    return switch (Inspection.Kind.valueOf(kind)) {
      case ROUTINE -> PlanProgress.Kind.ROUTINE;
      case SPECIAL -> PlanProgress.Kind.SPECIAL;
      case FLYING -> PlanProgress.Kind.FLYING;
      case YEAR_END, YEAR_END_ON_SITE -> PlanProgress.Kind.YEAR_END;
    };
  }
}
