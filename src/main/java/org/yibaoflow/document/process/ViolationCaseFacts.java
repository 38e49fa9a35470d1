package org.yibaoflow.document.process;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationCatalogue;

/**
 * The tags of a violation case's documents (and of its document production, rectification, transfer and
 * objection): institution, facts, findings with their catalogue clause, the measure with its rule, the amounts
 * (recovery, refusal R-VIO-13, fine proposal R-VIO-10) as measures and in one line.
 */
@Component
class ViolationCaseFacts {

  /** The measure classes of violation-measures.dmn in the words of a decision (R-VIO-2..6, R-VIO-8). */
  static final Map<String, String> CLASS_ZH = Map.of("INTERVIEW", "约谈", "RECTIFICATION", "限期整改",
      "PUBLIC_CRITICISM", "通报批评", "REFUSAL_RECOVERY", "拒付、追回医保基金", "SETTLEMENT_SUSPENSION", "暂停医保结算",
      "AGREEMENT_SUSPENSION", "中止服务协议", "TERMINATION", "解除服务协议");

  private final CaseFactsMapper mapper;
  private final ViolationCatalogue catalogue;

  ViolationCaseFacts(CaseFactsMapper mapper, ViolationCatalogue catalogue) {
    this.mapper = mapper;
    this.catalogue = catalogue;
  }

  /** The case's tags, or null when the key is not a violation case. */
  CaseFactsMapper.ViolationFacts find(String caseNo) {
    return caseNo == null ? null : mapper.violationCase(caseNo);
  }

  Map<String, Object> data(CaseFactsMapper.ViolationFacts c) {
    Map<String, Object> d = new HashMap<>();
    d.put("institutionName", c.institutionName());
    d.put("facts", c.summary() == null || c.summary().isBlank() ? "" : c.summary().trim() + "。");
    List<String> findings = new ArrayList<>();
    List<String> codes = mapper.findingCodes(c.caseNo());
    if (codes.isEmpty() && c.suspectedViolations() != null) {
      codes = List.of(c.suspectedViolations().split(","));
    }
    for (String code : codes) {
      catalogue.find(code.trim()).ifPresent(v -> findings.add(v.name() + "（" + v.clause() + "）"));
    }
    d.put("findings", String.join("；", findings));
    String rule = c.measureRule() == null ? "服务协议" : c.measureRule();
    d.put("rule", rule);
    List<Map<String, Object>> measures = new ArrayList<>();
    String clause = codes.isEmpty() ? "" : catalogue.find(codes.get(0).trim()).map(v -> v.clause()).orElse("");
    if (c.measureClass() != null) {
      measures.add(measure(measures.size() + 1, CLASS_ZH.getOrDefault(c.measureClass(), c.measureClass()), rule,
          clause, null));
      d.put("decision", CLASS_ZH.getOrDefault(c.measureClass(), c.measureClass()) + "。");
    }
    List<String> amounts = new ArrayList<>();
    if (positive(c.recoveryAmount())) {
      measures.add(measure(measures.size() + 1, "追回医保基金", "R-VIO-10", clause, c.recoveryAmount()));
      amounts.add("追回医保基金 " + yuan(c.recoveryAmount()));
    }
    if (positive(c.refusalAmount())) {
      measures.add(measure(measures.size() + 1, "按抽查比例放大拒付", "R-VIO-13", clause, c.refusalAmount()));
      amounts.add("拒付 " + yuan(c.refusalAmount()));
    }
    if (positive(c.fineProposal())) {
      measures.add(measure(measures.size() + 1, "建议医保行政部门处骗取金额" + multiple(c) + "倍罚款", "R-VIO-10",
          clause, c.fineProposal()));
      amounts.add("罚款建议 " + yuan(c.fineProposal()));
    }
    if (amounts.isEmpty()) {
      amounts.add("涉嫌违规金额 " + yuan(c.suspectedAmount()));
    }
    d.put("measures", measures);
    d.put("amountsText", String.join("；", amounts));
    return d;
  }

  private static Map<String, Object> measure(int index, String name, String rule, String clause, BigDecimal amount) {
    return Map.of("index", index, "name", name, "rule", rule, "clause", clause == null ? "" : clause, "amount",
        amount == null ? "" : yuan(amount));
  }

  /** The multiple of the fine proposal (R-VIO-10): as recorded, else proposal over the defrauded amount. */
  static String multiple(CaseFactsMapper.ViolationFacts c) {
    if (c.fineMultiple() != null) {
      return String.valueOf(c.fineMultiple());
    }
    return positive(c.defraudedAmount())
        ? c.fineProposal().divide(c.defraudedAmount(), 0, java.math.RoundingMode.HALF_UP).toPlainString() : "";
  }

  static boolean positive(BigDecimal b) {
    return b != null && b.signum() > 0;
  }

  static String yuan(BigDecimal b) {
    return b == null ? "" : new DecimalFormat("#,##0.00").format(b) + "元";
  }
}
