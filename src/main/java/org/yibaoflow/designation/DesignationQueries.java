package org.yibaoflow.designation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.Page;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.RegionAccess;

/**
 * What a caseworker reads about applications after filing them (issue 14 "designation follow-through"): the list of
 * the region's applications with filters, refused ones included (the written refusal is on each); the expert
 * results and the departments' replies of every round; the audit trail. Region-scoped (other regions: nothing or
 * 404).
 */
@Service
public class DesignationQueries {

  /** The audit actions that carry an evaluation's result (expert evaluation, system check; R-DES-2). */
  static final Set<String> RESULT_ACTIONS = Set.of("EVALUATED", "SYSTEM_CHECKED", "FAILURE_NOTIFIED");

  private final DesignationMapper mapper;
  private final EvaluationService evaluation;
  private final ApplicationLicences licences;
  private final AuditService audit;
  private final RegionAccess regions;

  DesignationQueries(DesignationMapper mapper, EvaluationService evaluation, ApplicationLicences licences,
      AuditService audit, RegionAccess regions) {
    this.mapper = mapper;
    this.evaluation = evaluation;
    this.licences = licences;
    this.audit = audit;
    this.regions = regions;
  }

  @Transactional(readOnly = true)
  public Page<DesignationApplication> search(String status, String name, String createdBy, int page, int size) {
    List<String> visible = regions.visibleRegions();
    if (visible.isEmpty()) {
      return new Page<>(List.of(), page, size, 0);
    }
    String pattern = name == null || name.isBlank() ? null : "%" + name.trim().toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    long total = mapper.count(visible, status, pattern, createdBy);
    List<DesignationApplication> items = total == 0 ? List.of()
        : mapper.search(visible, status, pattern, createdBy, size, (long) page * size);
    return new Page<>(items, page, size, total);
  }

  /** The expert results and system checks of every round, as recorded (R-DES-2). */
  @Transactional(readOnly = true)
  public List<AuditEntry> results(String applicationNo) {
    evaluation.visible(applicationNo);
    return audit.history(DesignationService.ENTITY, applicationNo).stream()
        .filter(e -> RESULT_ACTIONS.contains(e.action())).toList();
  }

  /** The related departments' replies of every round (R-DES-2 函询). */
  @Transactional(readOnly = true)
  public List<DesignationRecords.Inquiry> inquiries(String applicationNo) {
    evaluation.visible(applicationNo);
    return mapper.allInquiries(applicationNo);
  }

  /** The licences and penalties the application carried (R-DES-1). */
  @Transactional(readOnly = true)
  public ApplicationLicences.Declared declared(String applicationNo) {
    evaluation.visible(applicationNo);
    return licences.of(applicationNo);
  }

  /** The application's audit trail, oldest first. */
  @Transactional(readOnly = true)
  public List<AuditEntry> history(String applicationNo) {
    evaluation.visible(applicationNo);
    return audit.history(DesignationService.ENTITY, applicationNo);
  }
}
