package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.personnel.DeductionCatalogue.DeductionCase;

/**
 * Points deductions of a person (by national code) [004 §四, §五]. 201 for a new inspection, 200 with the
 * same answer when the inspection was already submitted (nothing added).
 */
@RestController
@RequestMapping("/api/personnel")
class PersonnelScoringController {

  private final PersonnelScoringService scoring;

  PersonnelScoringController(PersonnelScoringService scoring) {
    this.scoring = scoring;
  }

  @PostMapping("/{code}/deductions")
  ResponseEntity<ScoringAnswer> deduct(@PathVariable String code, @RequestBody DeductionRequest r) {
    PersonnelScoringService.Deducted d = scoring.deduct(code,
        new DeductionReport(r.inspectionRef(), r.inspectedOn(), r.findings()));
    return ResponseEntity.status(d.created() ? HttpStatus.CREATED : HttpStatus.OK).body(d.answer());
  }

  /** The deduction catalogue (R-PERS-4), for choosing codes. */
  @GetMapping("/deduction-catalogue")
  List<DeductionCase> catalogue() {
    return scoring.catalogue();
  }

  record DeductionRequest(String inspectionRef, LocalDate inspectedOn, List<DeductionReport.Finding> findings) {
  }
}
