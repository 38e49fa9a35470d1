package org.yibaoflow.institution;

import static org.yibaoflow.institution.AgreementState.ACTIVE;
import static org.yibaoflow.institution.AgreementState.DEFERRED;
import static org.yibaoflow.institution.AgreementState.EXPIRED;
import static org.yibaoflow.institution.AgreementState.NOT_RENEWED;
import static org.yibaoflow.institution.AgreementState.SETTLEMENT_SUSPENDED;
import static org.yibaoflow.institution.AgreementState.SUSPENDED;
import static org.yibaoflow.institution.AgreementState.TERMINATED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The agreement state machine as a table: every allowed transition names its cause and the rule (R-...)
 * that allows it. Anything not in the table is refused. The table is the single source: the service,
 * the REST endpoint {@code GET /api/agreements/transitions} and docs/registry.md all show this list.
 */
public final class AgreementStateMachine {

  /** Rule IDs that only apply to one institution type: R-VIO-3 hospitals, R-VIO-4 pharmacies [000 §一]. */
  static final String HOSPITAL_ONLY = "R-VIO-3";
  static final String PHARMACY_ONLY = "R-VIO-4";

  /** The cause of the forced termination on reaching the region's suspension count (R-VIO-5). */
  public static final String SUSPENSION_LIMIT = "SUSPENSION_LIMIT";
  /** Suspension on the institution's own request (依申请中止): not a sanction, not counted (R-EVA-5). */
  public static final String ON_REQUEST = "ON_REQUEST";

  /**
   * One allowed transition. {@code countsAsSuspension}: entering SUSPENDED this way adds one to the
   * agreement's suspension count (被中止, a sanction), which R-VIO-3/4/5 count towards termination.
   */
  public record Transition(AgreementState from, AgreementState to, String cause, String ruleId, String causeZh,
      boolean countsAsSuspension) {
  }

  static final List<Transition> TABLE;

  static {
    List<Transition> t = new ArrayList<>();
    // 暂停结算: serious-risk conduct, records not provided, 阴阳价格, other violations (R-VIO-2)
    t.add(new Transition(ACTIVE, SETTLEMENT_SUSPENDED, "SERIOUS_RISK", "R-VIO-6", "可能造成重大风险的行为", false));
    t.add(new Transition(ACTIVE, SETTLEMENT_SUSPENDED, "RECORDS_NOT_PROVIDED", "R-VIO-7", "未按要求保管、提供资料", false));
    t.add(new Transition(ACTIVE, SETTLEMENT_SUSPENDED, "YINYANG_PRICE", "R-VIO-16", "阴阳价格", false));
    t.add(new Transition(ACTIVE, SETTLEMENT_SUSPENDED, "VIOLATION", "R-VIO-2", "违约行为", false));
    t.add(new Transition(SETTLEMENT_SUSPENDED, ACTIVE, "SETTLEMENT_RESUMED", "R-VIO-2", "核实完毕，恢复结算", false));
    t.add(new Transition(SETTLEMENT_SUSPENDED, ACTIVE, "RECORDS_PROVIDED", "R-VIO-7", "已在期限内提供资料", false));
    // 中止协议
    for (AgreementState from : List.of(ACTIVE, SETTLEMENT_SUSPENDED)) {
      t.add(new Transition(from, SUSPENDED, "VIOLATION", "R-VIO-2", "违约行为", true));
      t.add(new Transition(from, SUSPENDED, "YINYANG_PRICE", "R-VIO-16", "阴阳价格", true));
      t.add(new Transition(from, SUSPENDED, "PERSONNEL_THRESHOLD", "R-PERS-10", "被中止或解除协议的相关人员达30%", true));
    }
    t.add(new Transition(ACTIVE, SUSPENDED, ON_REQUEST, "R-EVA-5", "依申请中止", false));
    t.add(new Transition(SUSPENDED, ACTIVE, "RECTIFIED", "R-VIO-2", "整改到位，恢复履行", false));
    t.add(new Transition(SUSPENDED, ACTIVE, "RESUMED_ON_REQUEST", "R-EVA-5", "依申请继续履行", false));
    t.add(new Transition(SUSPENDED, ACTIVE, "PERSONNEL_SHARE_ENDED", "R-PERS-10", "相关人员比例中止期满，恢复履行", false));
    // 解除协议
    for (AgreementState from : List.of(ACTIVE, SETTLEMENT_SUSPENDED, SUSPENDED)) {
      t.add(new Transition(from, TERMINATED, "FRAUD", HOSPITAL_ONLY, "虚构医疗服务、伪造文书票据骗取基金", false));
      t.add(new Transition(from, TERMINATED, "FRAUD", PHARMACY_ONLY, "伪造凭证、串通兑换现金骗取基金", false));
      t.add(new Transition(from, TERMINATED, "FRAUD", "R-VIO-6", "经查实有欺诈骗保行为", false));
      t.add(new Transition(from, TERMINATED, "SETTLING_FOR_OTHERS", HOSPITAL_ONLY, "为非定点或中止协议机构结算", false));
      t.add(new Transition(from, TERMINATED, "SETTLING_FOR_OTHERS", PHARMACY_ONLY, "为非定点药店或其他机构结算", false));
      t.add(new Transition(from, TERMINATED, "OUT_OF_CATALOGUE", PHARMACY_ONLY, "目录外项目按目录内申报", false));
      t.add(new Transition(from, TERMINATED, "LICENCE_REVOKED", HOSPITAL_ONLY, "执业许可证或营业执照被吊销", false));
      t.add(new Transition(from, TERMINATED, "LICENCE_REVOKED", PHARMACY_ONLY, "药品经营许可证或营业执照被吊销", false));
      t.add(new Transition(from, TERMINATED, "INSPECTION_REFUSED", HOSPITAL_ONLY, "拒绝、阻挠或不配合监督检查", false));
      t.add(new Transition(from, TERMINATED, "INSPECTION_REFUSED", PHARMACY_ONLY, "拒绝、阻挠或不配合监督检查", false));
      t.add(new Transition(from, TERMINATED, "RECORDS_DESTROYED", "R-VIO-8", "隐匿销毁资料、拒不配合检查", false));
      t.add(new Transition(from, TERMINATED, "OTHER_SERIOUS", HOSPITAL_ONLY, "其他造成严重后果的违约行为", false));
      t.add(new Transition(from, TERMINATED, "OTHER_SERIOUS", PHARMACY_ONLY, "其他造成严重后果的违约行为", false));
      t.add(new Transition(from, TERMINATED, "YINYANG_PRICE", "R-VIO-16", "阴阳价格，情节严重", false));
      t.add(new Transition(from, TERMINATED, "FAILED_EVALUATION_TWICE", "R-EVA-2", "连续两年考核不合格", false));
      t.add(new Transition(from, TERMINATED, "PERSONNEL_THRESHOLD", "R-PERS-10", "被中止或解除协议的相关人员达30%", false));
    }
    t.add(new Transition(SETTLEMENT_SUSPENDED, TERMINATED, "RECORDS_NOT_PROVIDED", "R-VIO-7", "期限内仍不能提供资料", false));
    t.add(new Transition(SUSPENDED, TERMINATED, "NOT_RECTIFIED", HOSPITAL_ONLY, "中止期间未按时整改或整改不到位", false));
    t.add(new Transition(SUSPENDED, TERMINATED, "NOT_RECTIFIED", PHARMACY_ONLY, "中止期间未按时整改或整改不到位", false));
    t.add(new Transition(SUSPENDED, TERMINATED, SUSPENSION_LIMIT, "R-VIO-5", "协议期内累计中止次数达到本地区上限", false));
    // end of the period: expiry, non-renewal, deferral's outcome
    for (AgreementState from : List.of(ACTIVE, SETTLEMENT_SUSPENDED, SUSPENDED)) {
      t.add(new Transition(from, EXPIRED, "PERIOD_ENDED", "R-EVA-1", "协议期满", false));
      t.add(new Transition(from, NOT_RENEWED, "NON_RENEWAL_CASE", "R-EVA-5", "存在不再签订协议的情形", false));
      t.add(new Transition(from, NOT_RENEWED, "FAILED_EVALUATION", "R-EVA-2", "年度考核不合格", false));
    }
    t.add(new Transition(EXPIRED, NOT_RENEWED, "NON_RENEWAL_CASE", "R-EVA-5", "存在不再签订协议的情形", false));
    t.add(new Transition(EXPIRED, NOT_RENEWED, "FAILED_EVALUATION", "R-EVA-2", "年度考核不合格", false));
    t.add(new Transition(DEFERRED, ACTIVE, "EVALUATION_PASSED", "R-EVA-4", "缓签情形消除，评估通过", false));
    t.add(new Transition(DEFERRED, NOT_RENEWED, "NON_RENEWAL_CASE", "R-EVA-5", "存在不再签订协议的情形", false));
    t.add(new Transition(DEFERRED, NOT_RENEWED, "FAILED_EVALUATION", "R-EVA-2", "年度考核不合格", false));
    TABLE = Collections.unmodifiableList(t);
  }

  /** No way out: termination, non-renewal. */
  static final Set<AgreementState> FINAL = Set.of(TERMINATED, NOT_RENEWED);

  private AgreementStateMachine() {
  }

  public static List<Transition> table() {
    return TABLE;
  }

  static boolean allows(AgreementState from, AgreementState to) {
    return TABLE.stream().anyMatch(t -> t.from() == from && t.to() == to);
  }

  static Optional<Transition> find(AgreementState from, AgreementState to, String cause, String ruleId) {
    return TABLE.stream()
        .filter(t -> t.from() == from && t.to() == to && t.cause().equals(cause) && t.ruleId().equals(ruleId))
        .findFirst();
  }

  /**
   * The transition the table allows for this request, or the refusal: 409 when the state forbids the
   * target (illegal transition, naming the rule asked for), 400 when the cause or rule does not fit.
   */
  static Transition require(AgreementState from, AgreementState to, String cause, String ruleId,
      String institutionType) {
    if (!allows(from, to)) {
      throw DomainRuleException.conflict("to", ruleId,
          "协议当前状态为「" + from.zh() + "」，不能变更为「" + to.zh() + "」",
          "Illegal transition: an agreement in state " + from + " cannot become " + to);
    }
    if (TABLE.stream().noneMatch(t -> t.from() == from && t.to() == to && t.cause().equals(cause))) {
      throw DomainRuleException.badRequest("cause", ruleId,
          "原因「" + cause + "」不能导致从「" + from.zh() + "」变更为「" + to.zh() + "」",
          "Cause " + cause + " does not allow " + from + " -> " + to);
    }
    Transition transition = find(from, to, cause, ruleId).orElseThrow(() -> DomainRuleException.badRequest(
        "ruleId", ruleId, "规则 " + ruleId + " 不是原因「" + cause + "」对应的规则",
        "Rule " + ruleId + " is not a rule of cause " + cause + " for " + from + " -> " + to));
    if (HOSPITAL_ONLY.equals(ruleId) && !"HOSPITAL".equals(institutionType)
        || PHARMACY_ONLY.equals(ruleId) && !"PHARMACY".equals(institutionType)) {
      throw DomainRuleException.badRequest("ruleId", ruleId,
          ruleId + " 仅适用于" + (HOSPITAL_ONLY.equals(ruleId) ? "定点医疗机构" : "定点零售药店"),
          ruleId + " applies to " + (HOSPITAL_ONLY.equals(ruleId) ? "hospitals" : "pharmacies") + " only");
    }
    return transition;
  }
}
