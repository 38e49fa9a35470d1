package org.yibaoflow.designation.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.designation.ApplicationLicences;
import org.yibaoflow.designation.SupplementReceipt;
import org.yibaoflow.designation.EvaluationService;
import org.yibaoflow.institution.NewInstitution.NewLicence;
import org.yibaoflow.institution.NewInstitution.NewPenalty;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.FormFacts;
import org.yibaoflow.platform.ProcessVariables;

/**
 * What 受理审查 decides on (issue 15, R-DES-1): the application as registered (type, credit code), the licences it
 * carries with their validity today and the administrative penalties it declares, from the application's records;
 * and the related departments (R-DES-2) as the choices of the inquiry checklist and the reply's department.
 */
@Component
class DesignationFormFacts implements FormFacts {

  static final String ACCEPTANCE = "designation-acceptance";
  static final String INQUIRY_REPLY = "designation-inquiry-reply";
  static final Map<String, String> TYPES = Map.of("HOSPITAL", "定点医疗机构", "PHARMACY", "定点零售药店");
  static final Map<String, String> LICENCES = Map.of("PRACTICE", "医疗机构执业许可证", "DRUG_TRADING", "药品经营许可证",
      "BUSINESS", "营业执照");

  private final ApplicationLicences licences;
  private final Deadlines deadlines;
  private final Clock clock;

  DesignationFormFacts(ApplicationLicences licences, Deadlines deadlines, Clock clock) {
    this.licences = licences;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(ACCEPTANCE, INQUIRY_REPLY, SupplementFormChecks.FORM);
  }

  @Override
  public Map<String, Object> facts(FormCheck.Submission task) {
    Map<String, Object> facts = new LinkedHashMap<>();
    if (SupplementFormChecks.FORM.equals(task.formId())) {
      // 登记补正材料 (R-DES-1): what was told missing, as the text and as the checklist's choices, and the period
      String missing = ProcessVariables.string(task.variables(), "missingMaterials");
      facts.put("missingMaterialOptions", FormFacts.options(SupplementReceipt.choices(missing)));
      facts.put("missingMaterialsText", String.join("\n", SupplementReceipt.missingItems(missing)));
      facts.put("supplementDeadlineText", deadlines.label(task.variables() instanceof DelegateTask t ? t.getDueDate()
          : null));
      return facts;
    }
    facts.put("inquiryDepartmentOptions", FormFacts.options(EvaluationService.DEPARTMENTS));
    if (ACCEPTANCE.equals(task.formId())) {
      String summary = ProcessVariables.string(task.variables(), "supplementSummary");
      facts.put("supplementSummaryText", summary == null ? "首次受理审查，尚无补正" : summary);
    }
    if (ACCEPTANCE.equals(task.formId()) && task.businessKey() != null) {
      String type = ProcessVariables.string(task.variables(), "institutionType");
      facts.put("applicationFacts", "机构类型：" + TYPES.getOrDefault(type, "未填写") + "\n统一社会信用代码："
          + orNone(ProcessVariables.string(task.variables(), "creditCode")));
      ApplicationLicences.Declared declared = licences.of(task.businessKey());
      LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
      facts.put("licenceFacts", declared.licences().isEmpty() ? "未提交证照（R-DES-1：医院须有医疗机构执业许可证，"
          + "药店须有药品经营许可证）" : declared.licences().stream().map(l -> licence(l, today))
          .collect(Collectors.joining("\n")));
      facts.put("penaltyFacts", penalties(declared.penalties()));
    }
    return facts;
  }

  static String licence(NewLicence l, LocalDate today) {
    boolean valid = !today.isBefore(l.validFrom()) && (l.validUntil() == null || !today.isAfter(l.validUntil()));
    return LICENCES.getOrDefault(l.kind(), l.kind()) + " 编号 " + l.number() + "，有效期 " + l.validFrom() + " 至 "
        + (l.validUntil() == null ? "长期" : l.validUntil()) + (valid ? "（今日有效）" : "（今日无效）");
  }

  static String penalties(List<NewPenalty> penalties) {
    if (penalties.isEmpty()) {
      return "申请时声明未受过相关行政处罚";
    }
    return penalties.stream().map(p -> EvaluationService.DEPARTMENTS.getOrDefault(p.authority(), p.authority()) + " "
        + p.decidedOn() + "：" + p.description() + (p.serious() ? "（情节严重，R-DES-1 不予定点）" : ""))
        .collect(Collectors.joining("\n"));
  }

  private static String orNone(String s) {
    return s == null ? "未填写" : s;
  }
}
