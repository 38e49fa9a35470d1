package org.yibaoflow.enforcement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/** Reading violation cases: a case with its findings and measures for the user's regions, display values. */
@Service
public class ViolationCaseQueries {

  private final ViolationCaseMapper mapper;
  private final ViolationCaseSupport support;
  private final InstitutionService institutions;
  private final RegionAccess regionAccess;

  ViolationCaseQueries(ViolationCaseMapper mapper, ViolationCaseSupport support, InstitutionService institutions,
      RegionAccess regionAccess) {
    this.mapper = mapper;
    this.support = support;
    this.institutions = institutions;
    this.regionAccess = regionAccess;
  }

  /** The name of the case's institution: a display variable of the process (Tasklist cards and forms). */
  @Transactional(readOnly = true)
  public String institutionName(String caseNo) {
    return institutions.find(support.find(caseNo).institutionId()).name();
  }

  /** A case with its findings and measures, for the current user's regions; 404 otherwise (not disclosed). */
  public record CaseView(ViolationCase violationCase, List<ViolationCase.Finding> findings,
      List<ViolationCase.Measure> measures) {
  }

  @Transactional(readOnly = true)
  public CaseView visible(String caseNo) {
    ViolationCase c = mapper.find(caseNo);
    if (c == null || !regionAccess.canSee(c.region())) {
      throw DomainRuleException.notFound("违约处理案件 / violation case", caseNo);
    }
    return new CaseView(c, mapper.findings(caseNo), mapper.measures(caseNo));
  }
  /**
   * The measures (处理措施, R-VIO-2) violation cases imposed on the agreement in [from, to), from the cases' own
   * measure rows: each decision that took effect (its measure class, once per case; a decision revoked on
   * objection has none) and each measure the process imposed beyond it (records not provided: termination,
   * R-VIO-7; not rectified: suspension or termination, R-VIO-2/3/4). A settlement stop while the case is open
   * (serious risk R-VIO-6, records requested R-VIO-7) is part of its case and not counted by itself. For the
   * annual evaluation (R-EVA-1/3).
   */
  @Transactional(readOnly = true)
  public int measuresOfAgreement(long agreementId, OffsetDateTime from, OffsetDateTime to) {
    return mapper.measuresOfAgreement(agreementId, from, to, COUNTED_MEASURES);
  }

  static final Set<String> COUNTED_MEASURES = Stream.concat(MeasureClass.NAMES.stream(),
      Stream.of("DOCUMENTS_NOT_PROVIDED", "NOT_RECTIFIED_SUSPENSION", "NOT_RECTIFIED_TERMINATION"))
      .collect(Collectors.toUnmodifiableSet());
}
