package org.yibaoflow.personnel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.SaneDate;
import org.yibaoflow.personnel.DeductionCatalogue.DeductionCase;

/**
 * Points deductions of a person (by national code) [004 §四, §五]. 201 for a new inspection, 200 with the
 * same answer when the inspection was already submitted (nothing added).
 */
@RestController
@RequestMapping("/api/personnel")
class PersonnelScoringController {

  private final PersonnelScoringService scoring;
  private final PersonnelPayability payability;
  private final KeyMonitoringService keyMonitoring;
  private final PersonnelTestService tests;
  private final QualificationStopService stops;

  PersonnelScoringController(PersonnelScoringService scoring, PersonnelPayability payability,
      KeyMonitoringService keyMonitoring, PersonnelTestService tests, QualificationStopService stops) {
    this.scoring = scoring;
    this.payability = payability;
    this.keyMonitoring = keyMonitoring;
    this.tests = tests;
    this.stops = stops;
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @PostMapping("/{code}/deductions")
  ResponseEntity<ScoringAnswer> deduct(@PathVariable String code, @Valid @RequestBody DeductionRequest r) {
    PersonnelScoringService.Deducted d = scoring.deduct(code,
        new DeductionReport(r.inspectionRef(), r.inspectedOn(), r.findings()));
    return ResponseEntity.status(d.created() ? HttpStatus.CREATED : HttpStatus.OK).body(d.answer());
  }

  /** The deduction catalogue (R-PERS-4), for choosing codes. */
  @AllowedRoles({Role.CASEWORKER, Role.EXPERT, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.MODELER, Role.ADMIN})
  @GetMapping("/deduction-catalogue")
  List<DeductionCase> catalogue() {
    return scoring.catalogue();
  }

  /** R-PERS-9: whether the fund pays the person's services on a date (for settlement systems). */
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{code}/payable")
  PersonnelPayability.Payable payable(@PathVariable String code,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    // R-VIO-12: a stopped settlement qualification answers first
    return stops.stopped(code, date).orElseGet(() -> payability.payable(code, date));
  }

  /**
   * R-PERS-13: the key monitoring list of the user's regions, optionally one cycle (year): for the supervisors who
   * direct the inspections and the administrative department's supervision.
   */
  @AllowedRoles({Role.SUPERVISOR, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/key-monitoring")
  List<MeasureMapper.KeyMonitoringEntry> keyMonitoring(@RequestParam(required = false) Integer year) {
    return keyMonitoring.keyMonitoring(year);
  }

  /** R-PERS-2: the exam form (closed or open book) by the person's age on a date (default today). */
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @GetMapping("/{code}/exam-form")
  Map<String, Object> examForm(@PathVariable String code,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return tests.examFormOf(code, date);
  }

  /**
   * R-PERS-2: records a yearly test result; a failed one starts personnel-scoring, whose termination follows the
   * notice and the objection window (issue 13: this operation never changes an agreement). 201, or 200 for a
   * repeat.
   */
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @PostMapping("/{code}/tests")
  ResponseEntity<PersonnelTestService.TestResult> test(@PathVariable String code,
      @Valid @RequestBody TestRequest r) {
    PersonnelTestService.Recorded<PersonnelTestService.TestResult> t = tests.recordTest(code, r.testedOn(),
        r.passed(), r.score(), r.reason());
    return ResponseEntity.status(t.created() ? HttpStatus.CREATED : HttpStatus.OK).body(t.value());
  }

  /** R-PERS-2: a test taken on a past day (not after today), scored 0..100. */
  record TestRequest(@NotNull @SaneDate(yearsAhead = 0, rule = "R-PERS-2") LocalDate testedOn, @NotNull Boolean passed,
      @Min(0) @Max(100) Integer score, @NotBlank @Size(max = 2000) String reason) {
  }

  /** R-PERS-3/5: an inspection held on a past day; its findings as DeductionReport.Finding (bounds there). */
  record DeductionRequest(@NotBlank @Size(max = 64) String inspectionRef,
      @NotNull @SaneDate(yearsAhead = 0, rule = "R-PERS-3") LocalDate inspectedOn,
      @NotEmpty @Size(max = 20) List<DeductionReport.@NotNull @Valid Finding> findings) {
  }
}
