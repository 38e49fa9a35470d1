package org.yibaoflow.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.MeasureClass;
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.evaluation.Grade;
import org.yibaoflow.evaluation.Outcome;
import org.yibaoflow.evaluation.RenewalReasons;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.personnel.PersonnelRuleSets;

/**
 * What the supervision page and the case file show instead of codes and ids: statuses, reasons, measures, sources,
 * kinds in Chinese, region names (the tenant's name, "淮北市医疗保障局" → "淮北市"), people's names, and moments in
 * Beijing time as people write them ("2026年12月7日 11:30", no offset). The codes stay in the JSON beside them for
 * an agency's own dashboards.
 */
@Component
class Labels {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
      .withZone(WorkingDayCalendar.ZONE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

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
      "REFERRAL", "REFERRAL", "PERSONNEL_MEASURE", "PERSONNEL", "EVALUATION", "EVALUATION");

  /** The facts' labels (columns of the case tables). */
  private static final Map<String, String> FIELD = new HashMap<>();

  static {
    String[] f = {"caseNo", "案件编号", "status", "状态", "source", "案件来源", "externalRef", "外部编号", "summary", "摘要",
        "suspectedViolations", "涉嫌违规", "suspectedAmount", "涉嫌金额（元）", "defraudedAmount", "骗取金额（元）",
        "measureClass", "处理措施类别", "measureRule", "依据", "recoveryAmount", "追回金额（元）", "refusalAmount", "拒付金额（元）",
        "fineProposal", "罚款建议", "rectificationDays", "整改天数", "noticeServedOn", "文书送达日", "objectionOutcome", "异议结果",
        "outcome", "结论", "createdBy", "立案人", "createdAt", "立案时间", "closedAt", "结案时间", "applicationNo", "申请编号",
        "institutionName", "机构名称", "institutionType", "机构类型", "creditCode", "统一社会信用代码",
        "missingMaterials", "缺少材料", "updatedAt", "更新时间", "objectionNo", "异议编号", "subjectRef", "所涉案件",
        "decisionType", "决定类型", "decision", "原决定", "party", "当事人", "windowWorkingDays", "异议期（工作日）",
        "effectiveDecision", "生效决定", "outcomeReasons", "理由", "decidedLevel", "决定层级", "referralNo", "移送编号",
        "kind", "移送类别", "caseSummary", "移送事由", "receivingBody", "接收机关", "transferredOn", "移送日期",
        "letterNo", "移送函文号", "reminderCount", "催办次数", "personName", "人员姓名", "nationalCode", "国家编码",
        "ruleSet", "记分规则", "pointsYear", "记分年度", "total", "年度累计记分", "band", "记分档次", "measure", "处理措施",
        "months", "中止月数", "effectiveOn", "生效日", "suspendedUntil", "中止至", "endedOn", "提前终止日",
        "businessKey", "考核编号", "evalYear", "考核年度", "agreementPoints", "协议记分", "deductionPoints", "扣分",
        "score", "评分", "finalScore", "最终得分", "grade", "考核等次", "reasonCode", "不再签订或缓签情形", "ruleId", "依据",
        "appliedOutcome", "执行结果", "signingChannel", "签约方式", "id", "编号", "region", "统筹地区", "code", "机构编码",
        "name", "名称", "type", "机构类型", "level", "等级", "periodStart", "协议起始", "periodEnd", "协议截止",
        "state", "协议状态", "suspensionCount", "中止次数", "stateSince", "状态起始"};
    for (int i = 0; i < f.length; i += 2) {
      FIELD.put(f[i], f[i + 1]);
    }
  }

  /** A fact of the case file: its label and its value as users read it. */
  record Fact(String field, String label, String value) {
  }

  /** The facts of a row (camelCase columns), labelled, values shown in Chinese; empty ones left out. */
  List<Fact> facts(String kind, Map<String, Object> row) {
    List<Fact> facts = new java.util.ArrayList<>();
    if (row != null) {
      row.forEach((field, value) -> {
        String shown = value(kind, field, value);
        if (shown != null && !shown.isBlank()) {
          facts.add(new Fact(field, FIELD.getOrDefault(field, field), shown));
        }
      });
    }
    return facts;
  }

  /** One value of a case's row as users read it. */
  String value(String kind, String field, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (value instanceof java.sql.Timestamp t) {
      return time(t.toInstant());
    }
    if (value instanceof OffsetDateTime t) {
      return time(t);
    }
    if (value instanceof Instant t) {
      return time(t);
    }
    if (value instanceof java.sql.Date d) {
      return date(d.toLocalDate());
    }
    if (value instanceof LocalDate d) {
      return date(d);
    }
    String s = value.toString();
    return switch (field) {
      case "status" -> status(kind, s);
      case "region" -> region(s);
      case "createdBy" -> user(s);
      case "suspectedViolations", "missingMaterials" -> violations(s);
      case "reasonCode" -> renewalReason(s);
      case "ruleSet" -> ruleSet(s);
      case "outcomeReasons", "summary", "caseSummary", "decision", "effectiveDecision" -> reason(s);
      default -> CODES.containsKey(s) ? code(s) : s;
    };
  }

  private static void put(String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      CODES.put(pairs[i], pairs[i + 1]);
    }
  }

  private final IdentityService identity;
  private final EngineNames names;
  private final ViolationCatalogue catalogue;
  private final RenewalReasons reasons = RenewalReasons.shipped();
  private final PersonnelRuleSets ruleSets;
  private final Map<String, String> regions = new ConcurrentHashMap<>();

  Labels(IdentityService identity, EngineNames names, ViolationCatalogue catalogue, PersonnelRuleSets ruleSets) {
    this.identity = identity;
    this.names = names;
    this.catalogue = catalogue;
    this.ruleSets = ruleSets;
  }

  /** "2026年12月7日 11:30", Beijing time. */
  static String time(Instant instant) {
    return instant == null ? null : MINUTE.format(instant);
  }

  static String time(OffsetDateTime t) {
    return t == null ? null : time(t.toInstant());
  }

  static String date(LocalDate d) {
    return d == null ? null : DAY.format(d);
  }

  /** The status of a case of a kind. */
  static String status(String kind, String code) {
    if (code == null) {
      return null;
    }
    String s = STATUS.getOrDefault(kind, Map.of()).get(code);
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
    return "AGREEMENT".equals(entityType) ? code(state) : status(KIND_OF_ENTITY.get(entityType), state);
  }

  /** "淮北市" for huaibei: the region's tenant name without the agency ("淮北市医疗保障局"). */
  String region(String id) {
    if (id == null) {
      return null;
    }
    return regions.computeIfAbsent(id, k -> {
      Tenant t = identity.createTenantQuery().tenantId(k).singleResult();
      if (t == null || t.getName() == null || t.getName().isBlank()) {
        return k;
      }
      int agency = t.getName().indexOf("医疗保障");
      return agency > 0 ? t.getName().substring(0, agency) : t.getName();
    });
  }

  Map<String, String> regions(List<String> ids) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    ids.forEach(id -> m.put(id, region(id)));
    return m;
  }

  String user(String id) {
    return id == null ? null : names.userNames(List.of(id)).get(id);
  }

  /** Violation codes of the catalogue by their names ("未按要求提供资料、拒不配合检查"). */
  String violations(String codes) {
    String named = replaceCodes(codes, this::named);
    return named == null ? null : named.replaceAll("[\\[\\]\"]", "").replace(",", "、");
  }

  /** An evaluation's renewal reason (R-EVA-4/5). */
  String renewalReason(String code) {
    if (code == null) {
      return null;
    }
    String zh = reasons.zh(code);
    return zh == null || zh.isBlank() ? code(code) : zh;
  }

  String ruleSet(String key) {
    return key == null ? null : ruleSets.byKey(key).map(PersonnelRuleSets.RuleSet::nameZh).orElse(key);
  }

  /**
   * An audit reason as users read it: the Chinese part (reasons are written "中文 / English"), region ids by their
   * names.
   */
  String reason(String reason) {
    if (reason == null) {
      return null;
    }
    int english = reason.indexOf(" / ");
    String zh = english > 0 ? reason.substring(0, english) : reason;
    for (Tenant t : identity.createTenantQuery().list()) {
      // a region id alone ("huaibei 2026 年度"), not inside a case number ("VC-2026-huaibei-000001")
      zh = zh.replaceAll("(?<![-A-Za-z0-9])" + Pattern.quote(t.getId()) + " ?(?![-A-Za-z0-9])",
          Matcher.quoteReplacement(region(t.getId())));
    }
    return replaceCodes(zh, this::named);
  }

  /** A violation of the catalogue by its name, any other code by its Chinese name. */
  private String named(String code) {
    return catalogue.find(code).map(ViolationCatalogue.Violation::name).orElse(code(code));
  }

  private static String replaceCodes(String text, java.util.function.Function<String, String> name) {
    if (text == null) {
      return null;
    }
    Matcher m = CODE.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String code = m.group();
      m.appendReplacement(b, Matcher.quoteReplacement(code.length() > 2 && code.contains("_") || CODES.containsKey(code)
          ? name.apply(code) : code));
    }
    m.appendTail(b);
    return b.toString();
  }
}
