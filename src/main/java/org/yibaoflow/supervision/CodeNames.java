package org.yibaoflow.supervision;

import java.util.HashMap;
import java.util.Map;
import org.yibaoflow.enforcement.MeasureClass;
import org.yibaoflow.evaluation.Grade;
import org.yibaoflow.evaluation.Outcome;
import org.yibaoflow.institution.AgreementState;

/** The codes the supervision page and the case file show, by their Chinese names (Labels uses them). */
final class CodeNames {

  /** Statuses of each kind of case (the table's status column), where a code means something else elsewhere. */
  private static final Map<String, Map<String, String>> STATUS = Map.of(
      "VIOLATION", Map.of("INVESTIGATING", "调查取证中", "DOCUMENTS_REQUESTED", "责令提供资料", "DECIDING", "拟定处理意见",
          "NOTICE_SERVED", "处理决定已送达", "RECTIFYING", "整改中", "CLOSED", "已结案"),
      "REFERRAL", Map.of("PREPARING", "移送准备中", "TRANSFERRED", "已移送", "ACCEPTED", "接收机关已受理",
          "DECLINED", "接收机关不予受理", "CLOSED", "已办结"),
      "PERSONNEL", Map.of("DECIDED", "已作出处理", "NOTIFIED", "已书面告知", "INTERVIEWED", "已约谈", "REVOKED", "已撤销",
          "NO_MEASURE", "无需处理", "SUSPENDED", "中止服务协议中", "RESTORED", "已恢复", "REPLACED", "已被更重处理替代",
          "TERMINATED", "已解除服务协议"),
      "EVALUATION", Map.of("STARTED", "已启动", "GATHERED", "已汇集考核数据", "SCORED", "已评分", "DECIDED", "已审定",
          "DEFERRED", "缓签", "DONE", "已办结"));

  /** Every other code the pages show, by what it is. */
  private static final Map<String, String> CODES = new HashMap<>();

  static {
    // designation applications (R-DES-1..4)
    put("RECEIVED", "已接收", "ACCEPTED", "已受理", "INCOMPLETE", "待补正材料", "REFUSED", "不予受理", "LAPSED", "逾期未补正",
        "EVALUATION_PASSED", "评估通过", "EVALUATION_FAILED", "评估未通过", "UNDER_EVALUATION", "评估中",
        "RE_EVALUATION_REQUESTED", "已申请再次评估", "CLOSED_NOT_RE_EVALUATED", "未申请再次评估，已办结",
        "BARRED", "限制申请期内", "PUBLIC_NOTICE", "公示中", "COMPLAINT_FOUNDED", "公示投诉属实",
        "NEGOTIATION", "协商谈判中", "NEGOTIATION_BROKEN_DOWN", "谈判未达成一致", "SIGNING", "签订协议中",
        "DESIGNATED", "已纳入定点");
    // objections (R-PERS-12)
    put("WINDOW_OPEN", "异议期内", "AGENCY_REVIEW", "经办机构复核中", "SECOND_WINDOW_OPEN", "复核后异议期内",
        "ADMIN_REVIEW", "医保行政部门复核中", "FINAL", "决定已生效", "NO_OBJECTION", "未提出异议", "UPHELD", "维持原决定",
        "CHANGED", "变更原决定", "REVOKED", "撤销原决定", "AGENCY", "经办机构", "ADMIN", "医保行政部门",
        "VIOLATION_DECISION", "违约处理决定", "VIOLATION_MEASURE", "违约处理决定", "PERSONNEL_MEASURE", "相关人员处理决定",
        "ANNUAL_EVALUATION", "年度考核结果");
    // referrals (R-VIO-11)
    put("JUDICIAL", "司法机关", "DISCIPLINE", "纪检监察机关", "REGULATOR", "其他行政部门");
    // personnel measures (R-PERS-6..8)
    put("INTERVIEW", "约谈", "SUSPEND", "中止服务协议", "SUSPEND_3_MONTHS", "中止服务协议3个月",
        "SUSPEND_6_MONTHS", "中止服务协议6个月", "TERMINATE", "解除服务协议", "NONE", "无", "FAILED_TEST", "年度考试不合格",
        "PHYSICIAN", "医师", "NURSE", "护士", "PHARMACIST", "药师", "TWELVE_POINTS", "一次记满12分",
        "THREE_VIOLATIONS", "3次及以上违规");
    // evaluation (R-EVA-1..5)
    put("RENEWED", "已续签", "NOT_RENEWED", "不再签订", "TERMINATED", "已解除", "ONLINE", "网上签约", "OFFLINE", "线下签约",
        "PASSED", "已消除", "APPROVE", "同意", "RETURN", "退回");
    // violation cases: sources (R-VIO-1) and what was decided (R-VIO-2..10)
    put("COMPLAINT", "投诉举报", "SMART_MONITORING", "智能监控", "ROUTINE_INSPECTION", "日常稽核",
        "SPECIAL_INSPECTION", "专项检查", "YEAR_END_INSPECTION", "年终检查", "FLYING_INSPECTION", "飞行检查",
        "EXPENSE_REVIEW", "费用审核");
    // how a violation case closed
    put("AGREEMENT_TERMINATED", "解除服务协议", "DECISION_REVOKED", "处理决定已撤销", "MEASURES_EXECUTED", "处理措施已执行");
    put("DOCUMENTS_REQUESTED", "责令提供资料（暂停结算）", "DOCUMENTS_PROVIDED", "按期提供资料",
        "DOCUMENTS_NOT_PROVIDED", "逾期未提供资料", "RECOVERY", "追回医保基金", "REFUSAL", "拒付", "FINE_PROPOSAL", "罚款建议",
        "RECTIFIED", "整改到位", "NOT_RECTIFIED_SUSPENSION", "逾期未整改，中止协议",
        "RISK_SETTLEMENT_SUSPENSION", "风险行为暂停结算", "SETTLEMENT_RESUMED", "恢复结算");
    for (MeasureClass m : MeasureClass.values()) {
      CODES.put(m.name(), m.zh());
    }
    // institutions and agreements
    put("HOSPITAL", "定点医疗机构", "PHARMACY", "定点零售药店");
    for (AgreementState s : AgreementState.values()) {
      CODES.put(s.name(), s.zh());
    }
    for (Grade g : Grade.values()) {
      CODES.put(g.name(), g.zh());
    }
    for (Outcome o : Outcome.values()) {
      CODES.put(o.name(), o.zh());
    }
  }

  private static final Map<String, String> PROCESS_STATE = Map.of("ACTIVE", "办理中", "COMPLETED", "已办结",
      "EXTERNALLY_TERMINATED", "已终止", "INTERNALLY_TERMINATED", "已终止", "SUSPENDED", "已挂起");

  /** What an audit entry is about. */
  private static final Map<String, String> ENTITY = Map.ofEntries(Map.entry("VIOLATION_CASE", "违约案件"),
      Map.entry("AGREEMENT", "服务协议"), Map.entry("OBJECTION", "异议"), Map.entry("REFERRAL", "案件移送"),
      Map.entry("PERSONNEL_MEASURE", "相关人员处理"), Map.entry("PERSON", "相关人员"),
      Map.entry("PERSON_AGREEMENT", "人员服务协议"), Map.entry("EVALUATION", "年度考核"),
      Map.entry("EVALUATION_CAMPAIGN", "年度考核批次"), Map.entry("DESIGNATION_APPLICATION", "定点申请"),
      Map.entry("DESIGNATION_PLAN", "资源配置规划"), Map.entry("DOCUMENT", "文书"), Map.entry("CLAIM_BATCH", "结算批次"),
      Map.entry("INSTITUTION", "定点机构"), Map.entry("JOB", "自动任务"), Map.entry("REGION_SETTING", "地区参数"),
      Map.entry("CALENDAR_YEAR", "工作日历"));

  /** The case kind whose statuses an audited entity's states are. */
  private static final Map<String, String> KIND_OF_ENTITY = Map.of("VIOLATION_CASE", "VIOLATION",
      "DESIGNATION_APPLICATION", "DESIGNATION", "OBJECTION", "OBJECTION",
      "REFERRAL", "REFERRAL", "PERSONNEL_MEASURE", "PERSONNEL", "EVALUATION", "EVALUATION");


  private static void put(String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      CODES.put(pairs[i], pairs[i + 1]);
    }
  }

  private CodeNames() {
  }

  /** The status of a case of a kind. */
  static String status(String kind, String code) {
    if (code == null) {
      return null;
    }
    String s = kind == null ? null : STATUS.getOrDefault(kind, Map.of()).get(code);
    return s != null ? s : code(code);
  }

  /** A code in Chinese; the code itself when it is none of these. */
  static String code(String code) {
    return code == null ? null : CODES.getOrDefault(code, code);
  }

  static String processState(String state) {
    return state == null ? null : PROCESS_STATE.getOrDefault(state, state);
  }

  static String entity(String entityType) {
    return entityType == null ? null : ENTITY.getOrDefault(entityType, "记录");
  }

  /** A state an audited entity moved from or to: an agreement's state, a case's status, else the code's name. */
  static String state(String entityType, String state) {
    if (state == null) {
      return null;
    }
    if (state.startsWith("BANNED_UNTIL ")) {
      // R-VIO-9: an institution barred from applying until a day
      return "限制申请定点至 " + state.substring("BANNED_UNTIL ".length());
    }
    return "AGREEMENT".equals(entityType) ? code(state) : status(KIND_OF_ENTITY.get(entityType), state);
  }

  static boolean known(String code) {
    return CODES.containsKey(code);
  }
}
