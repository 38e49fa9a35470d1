package org.yibaoflow.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.document.Document;
import org.yibaoflow.document.DocumentKind;
import org.yibaoflow.document.DocumentService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * 年终检查 (R-VIO-14 [000 §二(三)]): at year end the designated institutions with abnormal indicators get a written
 * 核查书 (document kind DOCUMENT_REQUEST) asking for materials; the materials are reviewed; a failing review leads
 * to an on-site inspection (kind YEAR_END_ON_SITE, worked like every inspection). Abnormal indicators (product
 * defaults, docs/inspection.md): the year's settled fund payments grew by more than {@link #GROWTH} over the year
 * before (settlement volumes, R-EVA-5), or a smart-monitoring case was opened against the institution this year.
 */
@Service
public class YearEndScreening {

  /** Growth of the year's settled amount over the year before that counts as abnormal (30 %). */
  static final BigDecimal GROWTH = new BigDecimal("1.30");
  /** Batch number of the year-end inspections (outside the plan's batches). */
  static final int BATCH = -1;

  private final InspectionMapper mapper;
  private final InspectionPlanService plans;
  private final DocumentService documents;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final Clock clock;

  YearEndScreening(InspectionMapper mapper, InspectionPlanService plans, DocumentService documents,
      RegionSettingsService settings, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.plans = plans;
    this.documents = documents;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** The abnormal indicators of one institution, in Chinese; empty when none (pure). */
  static List<String> indicators(InspectionMapper.Volumes v, boolean monitored) {
    List<String> found = new ArrayList<>();
    if (v.currentAmount() != null && v.previousAmount() != null && v.previousAmount().signum() > 0
        && v.currentAmount().compareTo(v.previousAmount().multiply(GROWTH)) > 0) {
      found.add("医保基金结算金额较上年增长超过 30%（" + v.previousAmount().toPlainString() + " 元 → "
          + v.currentAmount().toPlainString() + " 元）");
    }
    if (monitored) {
      found.add("本年度智能监控发现疑点并已立案");
    }
    return found;
  }

  /**
   * 年终筛查: a YEAR_END inspection and its 核查书 for each institution with abnormal indicators (once: a retried
   * job finds the screening recorded). Returns the year-end inspections to review.
   */
  @Transactional
  public List<Long> screen(String planNo, String processInstanceId) {
    InspectionPlan p = plans.plan(planNo);
    if (p.screenedAt() == null) {
      Set<Long> monitored = plans.monitored(p);
      LocalDate today = plans.today();
      int deadlineDays = settings.value(p.region(), RegionSetting.DOCUMENT_DEADLINE);
      LocalDate materialsDue = today.plusDays(deadlineDays);
      LocalDate due = plans.schedule().after(materialsDue, PlanSchedule.REVIEW_DAYS);
      Random random = new Random(p.seed() == null ? 0 : p.seed() - 1);
      List<String> pool = plans.caseworkers(p.region());
      int n = 0;
      for (InspectionMapper.Volumes v : mapper.volumes(p.region(), p.maxInstitutionId(), p.planYear())) {
        List<String> found = indicators(v, monitored.contains(v.id()));
        if (found.isEmpty()) {
          continue;
        }
        Inspection i = plans.insert(p, Inspection.Kind.YEAR_END, v.id(), 1, BATCH, null,
            FlyingSample.inspectors(pool, InspectionPlanService.INSPECTORS, random), due, String.join("；", found));
        if (i.documentNo() == null) {
          Map<String, Object> data = new HashMap<>();
          data.put("institutionName", v.name());
          data.put("institutionCode", v.code());
          data.put("facts", "年终检查发现以下指标异常：" + i.abnormalIndicators() + "。请于期限内提供相关材料。");
          data.put("rule", "R-VIO-14");
          data.put("periodDays", deadlineDays);
          data.put("periodEnd", materialsDue.toString());
          Document d = documents.generate(new DocumentService.Request(p.region(), i.inspectionNo(), null,
              DocumentKind.DOCUMENT_REQUEST, "YEAR_END", processInstanceId, data));
          mapper.attachDocument(i.id(), d.number());
        }
        n++;
      }
      mapper.recordScreening(p.id(), OffsetDateTime.now(clock));
      audit.record(AuditEntry.of(p.region(), InspectionPlanService.ENTITY, planNo, "YEAR_END_SCREENED", null, null,
          "R-VIO-14", "年终检查：指标异常的定点医药机构 " + n + " 家，已出具核查书", processInstanceId, null));
    }
    return mapper.idsOfKind(p.id(), Inspection.Kind.YEAR_END.name());
  }

  /**
   * 审查核查材料: records the review once; a failing review plans the on-site inspection (年终现场检查) and
   * returns its id, a passing one returns null.
   */
  @Transactional
  public Long review(long inspectionId, Boolean passed, String note, String by, String processInstanceId) {
    Inspection i = mapper.find(inspectionId);
    if (i == null) {
      throw DomainRuleException.notFound("检查 / inspection", String.valueOf(inspectionId));
    }
    check(passed, note);
    InspectionPlan p = plans.plan(mapper.planNoOf(i.planId()));
    if (mapper.complete(i.id(), i.institutionId(), null, null, null, note.trim(), passed, by,
        OffsetDateTime.now(clock)) > 0) {
      audit.record(AuditEntry.of(p.region(), InspectionPlanService.ENTITY, p.planNo(), "MATERIALS_REVIEWED",
          Inspection.PLANNED, Inspection.DONE, "R-VIO-14", "年终检查 " + i.inspectionNo() + " 材料审查"
              + (passed ? "通过" : "未通过，安排现场检查"), processInstanceId, null));
    }
    Inspection done = mapper.find(inspectionId);
    if (Boolean.TRUE.equals(done.materialsPassed())) {
      return null;
    }
    return plans.insert(p, Inspection.Kind.YEAR_END_ON_SITE, i.institutionId(), 1, BATCH, null, i.inspectorList(),
        plans.schedule().after(plans.today(), PlanSchedule.LEAD), i.abnormalIndicators()).id();
  }

  /** The review's input: a verdict and a note (400 naming the field otherwise). */
  public static void check(Boolean passed, String note) {
    if (passed == null) {
      throw DomainRuleException.badRequest("materialsPassed", "R-VIO-14", "须选择材料审查结论", "materialsPassed is required");
    }
    if (note == null || note.isBlank() || note.length() > 2000) {
      throw DomainRuleException.badRequest("reviewNote", "R-VIO-14", "须填写审查意见（不超过 2000 字）",
          "reviewNote is required (at most 2000 characters)");
    }
  }
}
