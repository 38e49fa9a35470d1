package org.yibaoflow.designation.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.yibaoflow.designation.ApplicationLicences;
import org.yibaoflow.designation.DesignationApplication;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.ProcessVariables;

/**
 * 登记申请: registers the application, makes its number the business key and sets {@code reviewPeriod}, the
 * region's working days for the completeness review.
 */
@Component("registerApplicationDelegate")
class RegisterApplicationDelegate implements JavaDelegate {

  private final DesignationService service;

  RegisterApplicationDelegate(DesignationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DesignationApplication application = service.register(execution.getTenantId(),
        ProcessVariables.string(execution, "institutionName"), ProcessVariables.string(execution, "institutionType"),
        ProcessVariables.string(execution, "creditCode"), execution.getProcessInstanceId(),
        ProcessVariables.string(execution, "startedBy"), declared(execution));
    execution.setVariable("applicationNo", application.applicationNo());
    // R-DES-1: the region's completeness-review period, the due date of 受理审查 (also after a supplement)
    execution.setVariable("reviewPeriod", service.completenessReviewPeriod(application.region()));
    execution.setProcessBusinessKey(application.applicationNo());
  }

  /**
   * R-DES-1: the licence and the penalty the Tasklist start form declares (licenceKind, licenceNumber,
   * licenceValidFrom, licenceValidUntil; penaltyDeclared with penaltyAuthority, penaltyDecidedOn,
   * penaltyDescription, penaltySerious). An application started through the API carries its own and has none here.
   */
  static ApplicationLicences.Declared declared(DelegateExecution execution) {
    List<NewInstitution.NewLicence> licences = new ArrayList<>();
    String kind = text(execution, "licenceKind");
    if (kind != null) {
      licences.add(new NewInstitution.NewLicence(kind, text(execution, "licenceNumber"),
          date(execution, "licenceValidFrom"), date(execution, "licenceValidUntil"), false));
    }
    List<NewInstitution.NewPenalty> penalties = new ArrayList<>();
    if (Boolean.TRUE.equals(execution.getVariable("penaltyDeclared"))) {
      penalties.add(new NewInstitution.NewPenalty(text(execution, "penaltyAuthority"),
          date(execution, "penaltyDecidedOn"), text(execution, "penaltyDescription"),
          Boolean.TRUE.equals(execution.getVariable("penaltySerious"))));
    }
    return new ApplicationLicences.Declared(licences, penalties);
  }

  private static String text(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  private static LocalDate date(DelegateExecution execution, String name) {
    String v = text(execution, name);
    try {
      return v == null ? null : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    } catch (java.time.format.DateTimeParseException e) {
      throw DomainRuleException.badRequest(name, "INPUT", name + " 须为日期（yyyy-MM-dd）", name + " must be a date");
    }
  }
}
