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
import org.yibaoflow.enforcement.ViolationCatalogue;
import org.yibaoflow.evaluation.RenewalReasons;
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
        // the database's own ids (institution, agreement) are nothing users read
        if (shown != null && !shown.isBlank() && !field.equals("id")) {
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
      case "status" -> CodeNames.status(kind, s);
      case "region" -> region(s);
      case "createdBy" -> user(s);
      case "suspectedViolations", "missingMaterials" -> violations(s);
      case "reasonCode" -> renewalReason(s);
      case "ruleSet" -> ruleSet(s);
      case "outcomeReasons", "summary", "caseSummary", "decision", "effectiveDecision" -> reason(s);
      default -> CodeNames.known(s) ? CodeNames.code(s) : s;
    };
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
    return zh == null || zh.isBlank() ? CodeNames.code(code) : zh;
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
    return catalogue.find(code).map(ViolationCatalogue.Violation::name).orElse(CodeNames.code(code));
  }

  private static String replaceCodes(String text, java.util.function.Function<String, String> name) {
    if (text == null) {
      return null;
    }
    Matcher m = CODE.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String code = m.group();
      m.appendReplacement(b, Matcher.quoteReplacement(code.length() > 2 && code.contains("_") || CodeNames.known(code)
          ? name.apply(code) : code));
    }
    m.appendTail(b);
    return b.toString();
  }
}
