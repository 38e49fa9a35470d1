package org.yibaoflow.enforcement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.ViolationCatalogue.Violation;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.institution.TransitionResult;
import org.yibaoflow.platform.DomainRuleException;

/**
 * What every step of a violation case (违约处理) shares: the case by its number, a measure recorded once per case
 * and measure (the unique constraint makes a retried job a no-op), the agreement's transition in the same
 * transaction (suspension count and ban written by {@link AgreementService}), the catalogue check of codes
 * (R-VIO-2) and the case's findings.
 */
@Component
class ViolationCaseSupport {

  static final String ENTITY = "VIOLATION_CASE";

  private final ViolationCaseMapper mapper;
  private final ViolationCatalogue catalogue;
  private final AgreementService agreements;
  private final Clock clock;

  ViolationCaseSupport(ViolationCaseMapper mapper, ViolationCatalogue catalogue, AgreementService agreements,
      Clock clock) {
    this.mapper = mapper;
    this.catalogue = catalogue;
    this.agreements = agreements;
    this.clock = clock;
  }

  /** The case; 404 when there is none (a process's own case always exists). */
  ViolationCase find(String caseNo) {
    ViolationCase c = caseNo == null ? null : mapper.find(caseNo);
    if (c == null) {
      throw DomainRuleException.notFound("违约处理案件 / violation case", caseNo);
    }
    return c;
  }

  /** Records a measure once per case (unique constraint); false when a retried job finds it recorded. */
  boolean record(ViolationCase c, String measure, String ruleId, BigDecimal amount, String detail,
      String processInstanceId) {
    if (mapper.measureCount(c.caseNo(), measure) > 0) {
      return false;
    }
    mapper.insertMeasure(c.caseNo(), measure, ruleId, amount, truncate(detail), processInstanceId, now());
    return true;
  }

  TransitionResult transition(ViolationCase c, AgreementState to, String cause, String ruleId, String reason,
      String processInstanceId) {
    return agreements.transition(c.agreementId(), new TransitionCommand(to, cause, ruleId, truncate(reason),
        processInstanceId));
  }

  /** The catalogue entries of the codes, each applying to the institution's type (R-VIO-2); 400 otherwise. */
  List<Violation> violations(List<String> codes, String institutionType, String field) {
    if (codes == null || codes.isEmpty()) {
      throw DomainRuleException.badRequest(field, "R-VIO-2", "须列明至少一项违约行为（违约行为目录编码）",
          "Name at least one violation of the catalogue");
    }
    List<Violation> result = new ArrayList<>();
    for (String code : new LinkedHashSet<>(codes)) {
      Violation v = catalogue.find(code == null ? null : code.trim()).orElseThrow(() -> DomainRuleException.badRequest(
          field, "R-VIO-2", "违约行为目录中没有编码 " + code, "No violation " + code + " in the catalogue")
          .with("code", code));
      if (!v.appliesTo(institutionType)) {
        throw DomainRuleException.badRequest(field, "R-VIO-2", "违约行为 " + code + "（" + v.name() + "）不适用于该类机构",
            "Violation " + code + " does not apply to a " + institutionType).with("code", code);
      }
      result.add(v);
    }
    return result;
  }

  /** The case's recorded findings as catalogue entries. */
  List<Violation> findings(ViolationCase c) {
    return mapper.findings(c.caseNo()).stream().map(f -> catalogue.find(f.code()).orElseThrow()).toList();
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** R-VIO-3 hospital, R-VIO-4 pharmacy: the rule a termination for the institution's type rests on. */
  static String terminationRule(ViolationCase c) {
    return "PHARMACY".equals(c.institutionType()) ? "R-VIO-4" : "R-VIO-3";
  }

  static BigDecimal zero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
