package org.yibaoflow.enforcement;

import java.util.List;
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
  }}
