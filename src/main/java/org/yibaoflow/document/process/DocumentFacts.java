package org.yibaoflow.document.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.document.ChineseDates;
import org.yibaoflow.document.DocumentKind;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.whistleblower.RewardNotices;

/**
 * The data of a document at the step that serves it: the case's own facts where the case is a violation case (read
 * from its rows, not from variables), otherwise what the process's delegates recorded (institution or party,
 * decision text, rule); the period that follows service with its end date in words; how to object and by when.
 * Periods count from the day of generation, the day the process serves the document (R-TIME-1, R-TIME-2).
 */
@Component
class DocumentFacts {

  /** The addressee of a transfer letter by the kind of transfer (R-VIO-11). */
  static final Map<String, String> RECIPIENTS = Map.of("JUDICIAL", "公安机关",
      "DISCIPLINE", "纪检监察机关", "REGULATOR", "有关行政部门", "HEALTH", "卫生健康行政部门");

  private final ViolationCaseFacts violationCases;
  private final PersonnelCaseFacts personnelCases;
  private final RewardNotices rewardNotices;
  private final RegionSettingsService settings;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  DocumentFacts(ViolationCaseFacts violationCases, PersonnelCaseFacts personnelCases, RewardNotices rewardNotices,
      RegionSettingsService settings, WorkingDayCalendar calendar, Clock clock) {
    this.violationCases = violationCases;
    this.personnelCases = personnelCases;
    this.rewardNotices = rewardNotices;
    this.settings = settings;
    this.calendar = calendar;
    this.clock = clock;
  }

  Map<String, Object> collect(DelegateExecution e, DocumentKind kind, String rootCaseNo) {
    Map<String, Object> d = new HashMap<>();
    d.put("institutionName", first(e, "institutionName", "party"));
    d.put("decision", first(e, "decision", "proposedDecision"));
    d.put("rule", first(e, "ruleId", "measureRule"));
    d.put("facts", "");
    var violation = violationCases.find(rootCaseNo);
    if (violation == null && (kind == DocumentKind.FINE_NOTICE || kind == DocumentKind.FINE_DECISION)) {
      // R-VIO-10: a fine's documents state the facts of the violation case it came from
      violation = violationCases.find(first(e, "violationCaseNo"));
    }
    if (violation != null) {
      Map<String, Object> v = violationCases.data(violation);
      // the decision text the case's steps recorded: proposed (告知书) or decided (处理决定书)
      String recorded = kind == DocumentKind.HEARING_NOTICE ? first(e, "proposedDecision", "decision")
          : first(e, "decision");
      if (!recorded.isEmpty()) {
        v.put("decision", recorded);
      }
      d.putAll(v);
    }
    LocalDate today = LocalDate.now(clock);
    period(e, kind, d, today);
    if (kind.objectable()) {
      objection(e, kind, d, today);
    }
    switch (kind) {
      case REFERRAL_LETTER -> {
        d.put("recipient", first(e, "receivingBody").isEmpty() ? RECIPIENTS.getOrDefault(first(e, "referralKind"), "")
            : first(e, "receivingBody"));
        d.put("rule", "R-VIO-11");
        d.put("facts", first(e, "caseSummary"));
        d.put("dossier", first(e, "dossierChecklist", "dossier"));
      }
      case OBJECTION_REVIEW -> {
        d.put("decisionRef", "决定（" + first(e, "subjectRef") + "）");
        d.put("decision", first(e, "effectiveDecision", "changedDecision", "decision"));
        d.put("facts", first(e, "reviewReasons"));
      }
      case ANNUAL_EVALUATION_RESULT -> d.put("year", first(e, "evaluationYear", "year"));
      case EVALUATION_RESULT -> {
        d.put("decision", Boolean.TRUE.equals(e.getVariable("evaluationPassed")) ? "评估通过" : "评估未通过");
        d.put("facts", first(e, "expertOpinion"));
      }
      case SUPPLEMENT_REQUEST -> d.put("facts", first(e, "missingMaterials"));
      case DOCUMENT_REQUEST -> d.put("rule", "R-VIO-7");
      case FINE_NOTICE, FINE_DECISION -> d.put("rule", "R-VIO-10");
      case QUALIFICATION_STOP -> {
        d.put("personName", first(e, "personName", "party"));
        d.put("facts", first(e, "stopReasons"));
        d.put("rule", "R-VIO-12");
      }
      case INSURED_SUSPENSION -> {
        // addressed to the insured person, not to the institution where the case found the fraud
        d.put("personName", first(e, "personName", "party"));
        d.put("institutionName", first(e, "personName", "party"));
        d.put("facts", first(e, "suspensionReasons"));
        d.put("rule", "R-VIO-12");
      }
      case REWARD_NOTICE -> reward(e, d);
      case REJECTION -> {
        d.put("facts", first(e, "rejectionReason", "missingMaterials").isEmpty() ? "不符合定点申请条件"
            : first(e, "rejectionReason", "missingMaterials"));
        d.put("rule", "R-DES-1");
      }
      case PERSONNEL_SCORING_NOTICE, PERSONNEL_DECISION -> {
        // the person, the points, the rule, the deductions and the institutions from the measure case's rows
        d.put("personName", first(e, "personName", "party"));
        d.put("points", first(e, "points", "total"));
        d.putAll(personnelCases.data(e.getProcessBusinessKey()));
        if (kind == DocumentKind.PERSONNEL_SCORING_NOTICE) {
          // served at 记录约谈情况, the measure of reaching 5 points (R-PERS-6)
          d.put("decision", "请你单位对其进行约谈，并做好约谈记录。");
        }
      }
      default -> {
      }
    }
    return d;
  }

  /**
   * 举报奖励通知书 (R-VIO-15): from the report's row; the addressee line is the receipt code's tail, never a name. The
   * case number line shows the report number (the business key).
   */
  private void reward(DelegateExecution e, Map<String, Object> d) {
    RewardNotices.Facts f = rewardNotices.of(e.getProcessBusinessKey());
    d.put("rule", "R-VIO-15");
    if (f == null) {
      return;
    }
    d.put("institutionName", f.addressee());
    d.put("reportedOn", ChineseDates.inWords(f.reportedOn()));
    d.put("reportedInstitution", f.reportedInstitution());
    d.put("violationCaseNo", f.caseNo() == null ? "" : f.caseNo());
    d.put("recoveredAmount", f.recoveredAmount());
    d.put("rewardPercent", f.rewardPercent());
    d.put("rewardAmount", f.rewardAmount());
    d.put("cappedText", f.capped() ? "（已按本地区举报奖励最高金额计）" : "");
  }

  /** The period the document opens, in days, with its last day in words (R-TIME-2). */
  private void period(DelegateExecution e, DocumentKind kind, Map<String, Object> d, LocalDate today) {
    Integer days = switch (kind) {
      case DOCUMENT_REQUEST -> integer(e, "documentDeadlineDays",
          settings.value(e.getTenantId(), RegionSetting.DOCUMENT_DEADLINE));
      case RECTIFICATION_NOTICE -> integer(e, "rectificationDays",
          settings.value(e.getTenantId(), RegionSetting.RECTIFICATION_PERIOD));
      case SUPPLEMENT_REQUEST -> integer(e, "supplementDays", null);
      case FINE_DECISION -> settings.value(e.getTenantId(), RegionSetting.FINE_PAYMENT_PERIOD);
      default -> null;
    };
    if (days != null) {
      d.put("periodDays", days);
      d.put("periodEnd", ChineseDates.inWords(calendar.addDays(today, days).deadline()));
    }
  }

  /**
   * How to object and by when: the agency-level window of the region (R-PERS-12, working days from service); a
   * review decision of the agency goes to the administrative department within the same window.
   */
  private void objection(DelegateExecution e, DocumentKind kind, Map<String, Object> d, LocalDate today) {
    int days = settings.value(e.getTenantId(), kind == DocumentKind.FINE_NOTICE ? RegionSetting.FINE_STATEMENT_PERIOD
        : RegionSetting.OBJECTION_WINDOW);
    d.put("objectionDays", days);
    d.put("objectionDeadline", ChineseDates.inWords(calendar.addWorkingDays(today, days).deadline()));
    d.put("objectionHow", kind == DocumentKind.OBJECTION_REVIEW ? "向医疗保障行政部门提出书面异议，其决定为最终决定"
        : kind == DocumentKind.HEARING_NOTICE ? "向本机构提出书面陈述、申辩意见"
        : kind == DocumentKind.FINE_NOTICE ? "向本机关提出陈述、申辩意见或者要求听证" : "向本机构提出书面异议");
  }

  private static Integer integer(DelegateExecution e, String name, Integer fallback) {
    Object v = e.getVariable(name);
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof String s && s.matches("\\d+")) {
      return Integer.valueOf(s);
    }
    return fallback;
  }

  private static String first(DelegateExecution e, String... names) {
    for (String n : names) {
      Object v = e.getVariable(n);
      if (v != null && !String.valueOf(v).isBlank()) {
        return String.valueOf(v);
      }
    }
    return "";
  }
}
