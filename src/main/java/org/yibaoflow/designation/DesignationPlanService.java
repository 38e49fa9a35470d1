package org.yibaoflow.designation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.Eligibility;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/**
 * R-DES-5 [003 §四]: "分统筹地区定点医药机构资源配置规划未出台实施前，原则上各地暂停新增医保定点医药机构". A region
 * accepts new designations only while a resource-allocation plan is in force; the plans are recorded by an
 * administrator or a supervisor of the region, audited, and read by the eligibility check of every application.
 */
@Service
public class DesignationPlanService {

  static final String RULE = "R-DES-5";
  static final String ENTITY = "DESIGNATION_PLAN";

  private final DesignationPlanMapper mapper;
  private final RegionAccess regions;
  private final AuditService audit;
  private final Clock clock;

  DesignationPlanService(DesignationPlanMapper mapper, RegionAccess regions, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.regions = regions;
    this.audit = audit;
    this.clock = clock;
  }

  /** The finding that refuses an application when the region has no plan in force on {@code date}. */
  Optional<Eligibility.Finding> missingPlan(String region, LocalDate date) {
    if (!mapper.inForce(region, date).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Eligibility.Finding(RULE, "NO_RESOURCE_PLAN",
        "本统筹地区定点医药机构资源配置规划未出台实施，暂停新增定点医药机构",
        "The region has no resource-allocation plan in force on " + date + ": no new designations"));
  }

  /** The region's plans, newest first; another region's answer 403. */
  public List<DesignationPlan> ofRegion(String region) {
    regions.requireRegion(region);
    return mapper.ofRegion(region);
  }

  /**
   * Records a plan in force from {@code validFrom} (to {@code validTo}, open-ended when null). Who may: the
   * controller's roles (docs/security.md). The same document recorded twice answers the first record.
   */
  @Transactional
  public DesignationPlan record(String region, String title, String documentRef, LocalDate validFrom,
      LocalDate validTo, String reason) {
    regions.requireRegion(region);
    DomainRuleException.requireText(title, "title", "规划名称", "title");
    DomainRuleException.requireText(documentRef, "documentRef", "规划文号", "documentRef");
    DomainRuleException.requireText(reason, "reason", "登记理由", "reason");
    if (validFrom == null) {
      throw DomainRuleException.badRequest("validFrom", RULE, "须填写规划实施日期", "validFrom is required");
    }
    if (validTo != null && validTo.isBefore(validFrom)) {
      throw DomainRuleException.badRequest("validTo", RULE, "规划截止日期不能早于实施日期",
          "validTo must not be before validFrom");
    }
    DesignationPlan existing = mapper.find(region, documentRef);
    if (existing != null) {
      return existing;
    }
    DesignationPlan.New plan = new DesignationPlan.New(region, title, documentRef, validFrom, validTo,
        regions.currentUser().userId(), OffsetDateTime.now(clock));
    mapper.insert(plan);
    audit.record(AuditEntry.of(region, ENTITY, documentRef, "PLAN_RECORDED", null, "IN_FORCE", RULE,
        reason, null, "title=" + title + "; validFrom=" + validFrom + "; validTo=" + validTo));
    return mapper.find(region, documentRef);
  }
}
