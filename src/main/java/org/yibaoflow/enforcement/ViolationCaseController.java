package org.yibaoflow.enforcement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Amount;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.EngineAsApplication;

/**
 * Violation cases: intake (立案, R-VIO-1) from any source, e.g. a smart-monitoring system; reading a case with
 * its findings and measures; the institution's answers as the messages {@code DocumentsProvided} and
 * {@code RectificationReported}, correlated by the case number (business key).
 */
@RestController
@RequestMapping("/api/violation-cases")
class ViolationCaseController {

  static final Map<String, String> MESSAGES = Map.of("documents-provided", "DocumentsProvided",
      "rectification-reported", "RectificationReported");

  /** Attempts at opening a case when a concurrent request collides with this one. */
  static final int ATTEMPTS = 3;

  private final ViolationIntakeService service;
  private final ViolationCaseQueries queries;
  private final ViolationCatalogue catalogue;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final java.time.Clock clock;

  ViolationCaseController(ViolationIntakeService service, ViolationCaseQueries queries, ViolationCatalogue catalogue,
      RuntimeService runtimeService, EngineAsApplication engine, java.time.Clock clock) {
    this.service = service;
    this.queries = queries;
    this.catalogue = catalogue;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.clock = clock;
  }

  /** Bounds: the columns of violation_case (suspected_violations: up to 30 catalogue codes, R-VIO-1). */
  record IntakeRequest(@Size(max = 64) String region, @NotBlank @Size(max = 30) String source,
      @NotBlank @Size(max = 40) String institutionCode,
      @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 40) String> suspectedViolations,
      @Amount(rule = "R-VIO-1") BigDecimal suspectedAmount, @Size(max = 64) String externalRef,
      @Size(max = 2000) String summary) {
  }

  record CaseOpened(String caseNo, String region, String status, String processInstanceId, boolean created) {
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @PostMapping
  ResponseEntity<CaseOpened> open(@Valid @RequestBody IntakeRequest r) {
    var intake = new ViolationIntakeService.Intake(r.region(), r.source(), r.institutionCode(), r.suspectedViolations(),
        r.suspectedAmount(), r.externalRef(), r.summary());
    ViolationIntakeService.Opened opened = null;
    for (int attempt = 1; opened == null; attempt++) {
      try {
        opened = service.open(intake);
      } catch (DuplicateKeyException | PessimisticLockingFailureException concurrent) {
        // a concurrent request opened the same external reference (unique constraint) or held the case-number
        // counter: nothing of this request was written; the next attempt answers the other request's case
        if (attempt >= ATTEMPTS) {
          throw concurrent;
        }
      }
    }
    ViolationCase c = opened.violationCase();
    return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new CaseOpened(c.caseNo(), c.region(), c.status(), c.processInstanceId(), opened.created()));
  }

  @AllowedRoles({Role.CASEWORKER, Role.EXPERT, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.MODELER, Role.ADMIN})
  @GetMapping("/catalogue")
  List<ViolationCatalogue.Violation> catalogue() {
    return catalogue.all();
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{caseNo}")
  ViolationCaseQueries.CaseView get(@PathVariable String caseNo) {
    return queries.visible(caseNo);
  }

  /** The institution's answer: documents provided or rectification reported (by business key). */
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @PostMapping("/{caseNo}/{message}")
  ResponseEntity<Void> message(@PathVariable String caseNo, @PathVariable String message) {
    String name = MESSAGES.get(message);
    if (name == null) {
      throw DomainRuleException.notFound("消息 / message", message);
    }
    queries.visible(caseNo);
    try {
      // received today (Beijing): the date the periods that follow count from, as a caseworker records it in
      // Tasklist for what arrives on paper (receivedOn, issue 15)
      String receivedOn = java.time.LocalDate.now(clock.withZone(org.yibaoflow.calendar.WorkingDayCalendar.ZONE))
          .toString();
      engine.run(() -> runtimeService.createMessageCorrelation(name).processInstanceBusinessKey(caseNo)
          .setVariable("receivedOn", receivedOn).correlate());
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw DomainRuleException.conflict("message", "R-VIO-7", "案件 " + caseNo + " 当前不在等待该答复",
          "Case " + caseNo + " is not waiting for " + name);
    }
    return ResponseEntity.noContent().build();
  }
}
