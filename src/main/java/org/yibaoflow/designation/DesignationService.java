package org.yibaoflow.designation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.DomainRuleException;

/** Designation applications: registration and the completeness review (受理审查). */
@Service
public class DesignationService {

  static final Set<String> INSTITUTION_TYPES = Set.of("HOSPITAL", "PHARMACY");

  private final DesignationMapper mapper;
  private final Clock clock;

  DesignationService(DesignationMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Registers the application of a process instance and gives it its number. Idempotent: a retried job
   * gets the application its first attempt registered (one row per process instance, unique constraint).
   */
  @Transactional
  public DesignationApplication register(String region, String institutionName, String institutionType,
      String creditCode, String processInstanceId, String createdBy) {
    DesignationApplication existing = mapper.findByProcessInstance(processInstanceId);
    if (existing != null) {
      return existing;
    }
    require(region, "region", "统筹地区", "region");
    require(institutionName, "institutionName", "机构名称", "institution name");
    if (!INSTITUTION_TYPES.contains(institutionType)) {
      throw DomainRuleException.badRequest("institutionType", "INPUT",
          "机构类型须为 HOSPITAL（定点医疗机构）或 PHARMACY（定点零售药店）",
          "institutionType must be HOSPITAL or PHARMACY");
    }
    if (creditCode == null || !creditCode.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
      throw DomainRuleException.badRequest("creditCode", "INPUT", "统一社会信用代码须为 18 位",
          "creditCode must be an 18-character unified social credit code");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    var row = new DesignationMapper.NewApplication(region, institutionName.trim(), institutionType, creditCode,
        processInstanceId, DesignationApplication.STATUS_RECEIVED, createdBy, now);
    mapper.insert(row);
    mapper.assignNumber(row.getId(), applicationNo(now.getYear(), region, row.getId()));
    return mapper.findByProcessInstance(processInstanceId);
  }

  static String applicationNo(int year, String region, long id) {
    return String.format("DA-%d-%s-%06d", year, region, id);
  }

  /**
   * Records the completeness review. Incomplete material is told to the institution once, listing
   * everything missing (R-DES-1 / issue "designation" step 2), so the list is mandatory. Idempotent for a
   * retried job; a second, different conclusion is a conflict.
   */
  @Transactional
  public DesignationApplication recordAcceptance(String applicationNo, boolean complete, String missingMaterials) {
    DesignationApplication application = mapper.findByApplicationNo(applicationNo);
    if (application == null) {
      throw DomainRuleException.notFound("定点申请 / designation application", applicationNo);
    }
    String target = complete ? DesignationApplication.STATUS_ACCEPTED : DesignationApplication.STATUS_INCOMPLETE;
    if (!complete && (missingMaterials == null || missingMaterials.isBlank())) {
      throw DomainRuleException.badRequest("missingMaterials", "R-DES-1",
          "材料不全时须一次性列明全部缺少的材料", "Incomplete material: list everything missing, once");
    }
    if (application.status().equals(target)) {
      return application;
    }
    int updated = mapper.updateStatus(applicationNo, DesignationApplication.STATUS_RECEIVED, target,
        complete ? null : missingMaterials.trim(), OffsetDateTime.now(clock));
    if (updated == 0) {
      throw DomainRuleException.conflict("status", "STATE", "申请已有受理结论：" + application.status(),
          "The application already has a conclusion: " + application.status());
    }
    return mapper.findByApplicationNo(applicationNo);
  }

  private static void require(String value, String field, String zh, String en) {
    if (value == null || value.isBlank()) {
      throw DomainRuleException.badRequest(field, "INPUT", zh + "不能为空", en + " is required");
    }
  }
}
