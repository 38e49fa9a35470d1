package org.yibaoflow.expensereview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.enforcement.ViolationIntakeService;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;

/**
 * The refusals of a batch open violation cases (R-VIO-1 source EXPENSE_REVIEW, R-VIO-13): one case per batch and
 * institution (external reference {@code <batchNo>/<institutionCode>}, so a retried job finds it), with the
 * amount refused as the suspected amount, the screening's and the sample's amounts and the ratio in the summary,
 * and the investigation pre-filled (defraudedAmount = confirmed in the screening, sampleAmount and samplingRatio
 * = the sample's). An institution without an agreement in force gets no case; that is audited on the batch.
 */
@Service
public class RefusalCases {

  static final String SOURCE = "EXPENSE_REVIEW";

  private final ExpenseReviewMapper mapper;
  private final ViolationIntakeService cases;
  private final InstitutionService institutions;
  private final AuditService audit;

  RefusalCases(ExpenseReviewMapper mapper, ViolationIntakeService cases, InstitutionService institutions,
      AuditService audit) {
    this.mapper = mapper;
    this.cases = cases;
    this.institutions = institutions;
    this.audit = audit;
  }

  /** Opens (or finds) the case of each refused institution; returns the case numbers. */
  @Transactional
  public List<String> open(String batchNo, String processInstanceId) {
    ClaimBatch b = mapper.find(batchNo);
    Map<String, List<ClaimBatch.Refusal>> byInstitution = new LinkedHashMap<>();
    for (ClaimBatch.Refusal r : mapper.refusals(b.id())) {
      byInstitution.computeIfAbsent(r.institutionCode(), k -> new ArrayList<>()).add(r);
    }
    List<String> caseNos = new ArrayList<>();
    for (var entry : byInstitution.entrySet()) {
      Institution institution = institutions.findByCode(b.region(), entry.getKey());
      if (!cases.canOpenFor(institution.id())) {
        if (entry.getValue().stream().allMatch(r -> r.caseNo() == null)) {
          audit.record(AuditEntry.of(b.region(), ExpenseBatchService.ENTITY, batchNo, "NO_CASE", null, null, "R-VIO-2",
              "机构 " + institution.name() + " 没有正在履行的服务协议，拒付已记录，未立违约处理案件", processInstanceId,
              "institutionCode=" + entry.getKey()));
        }
        continue;
      }
      var opened = cases.openForProcess(intake(b, institution, entry.getValue()), AuditService.SYSTEM,
          variables(entry.getValue()));
      mapper.attachCase(b.id(), entry.getKey(), opened.violationCase().caseNo());
      caseNos.add(opened.violationCase().caseNo());
    }
    return caseNos;
  }

  private static ViolationIntakeService.Intake intake(ClaimBatch b, Institution institution,
      List<ClaimBatch.Refusal> refusals) {
    Set<String> codes = new LinkedHashSet<>();
    BigDecimal refused = BigDecimal.ZERO;
    StringBuilder summary = new StringBuilder("费用审核批次 ").append(b.batchNo()).append("（结算批次 ")
        .append(b.settlementRef()).append("）拒付：");
    for (ClaimBatch.Refusal r : refusals) {
      codes.addAll(Arrays.asList(r.violationCodes().split(",")));
      refused = refused.add(r.refusedAmount());
      if (ExpenseReviewService.SCREENING.equals(r.stage())) {
        summary.append("初审可疑单据核实查实 ").append(r.claims()).append(" 张，违规金额 ")
            .append(r.foundAmount().toPlainString()).append(" 元，按查实金额拒付 ")
            .append(r.refusedAmount().toPlainString()).append(" 元；");
      } else {
        summary.append("复审随机抽查（抽查比例 ").append(ExpenseReviewService.percent(r.ratio())).append("%）查实 ")
            .append(r.claims()).append(" 张，违规金额 ").append(r.foundAmount().toPlainString())
            .append(" 元，按抽查比例放大拒付 ").append(r.refusedAmount().toPlainString()).append(" 元（R-VIO-13）；");
      }
    }
    summary.append("合计拒付 ").append(refused.toPlainString()).append(" 元。");
    return new ViolationIntakeService.Intake(b.region(), SOURCE, institution.code(), List.copyOf(codes), refused,
        b.batchNo() + "/" + institution.code(), summary.toString());
  }

  private static Map<String, Object> variables(List<ClaimBatch.Refusal> refusals) {
    Map<String, Object> v = new HashMap<>();
    for (ClaimBatch.Refusal r : refusals) {
      if (ExpenseReviewService.SCREENING.equals(r.stage())) {
        v.put("defraudedAmount", r.foundAmount().doubleValue());
      } else {
        v.put("sampleAmount", r.foundAmount().doubleValue());
        v.put("samplingRatio", r.ratio().doubleValue());
      }
    }
    return v;
  }
}
