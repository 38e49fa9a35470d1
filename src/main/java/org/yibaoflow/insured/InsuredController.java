package org.yibaoflow.insured;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
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

/**
 * R-VIO-12 for insured persons: the minimal record, the suspension of direct settlement proposed from a violation
 * case, and the settlement system's question whether a day may be settled directly (like the personnel's payable).
 */
@RestController
@RequestMapping("/api/insured")
class InsuredController {

  private final InsuredPersons persons;
  private final InsuredSuspensionService suspensions;

  InsuredController(InsuredPersons persons, InsuredSuspensionService suspensions) {
    this.persons = persons;
    this.suspensions = suspensions;
  }

  record InsuredPersonRequest(@Size(max = 64) String region, @NotBlank @Size(max = 18) String idNumber,
      @NotBlank @Size(max = 100) String name) {
  }

  record InsuredSuspensionRequest(@NotBlank @Size(max = 40) String caseNo, @NotNull @Min(1) @Max(12) Integer months,
      @NotBlank @Size(max = 2000) String reasons) {
  }

  // R-VIO-12: the agency of the region where the person is insured registers the record
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @PostMapping
  ResponseEntity<InsuredPerson> register(@Valid @RequestBody InsuredPersonRequest r) {
    InsuredPersons.Registered p = persons.register(r.region(), r.idNumber(), r.name());
    return ResponseEntity.status(p.created() ? HttpStatus.CREATED : HttpStatus.OK).body(p.person());
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{idNumber}")
  List<InsuredPerson> person(@PathVariable String idNumber) {
    return persons.visible(idNumber);
  }

  // R-VIO-12: proposed by the caseworker who handled the case; the process has it approved, notified and objected to
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @PostMapping("/{idNumber}/suspensions")
  ResponseEntity<InsuredSuspension> propose(@PathVariable String idNumber, @Valid @RequestBody InsuredSuspensionRequest r) {
    InsuredSuspensionService.Proposed p = suspensions.propose(idNumber, r.caseNo(), r.months(), r.reasons());
    return ResponseEntity.status(p.created() ? HttpStatus.CREATED : HttpStatus.OK).body(p.suspension());
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{idNumber}/suspensions")
  List<InsuredSuspension> list(@PathVariable String idNumber) {
    return suspensions.ofPerson(idNumber);
  }

  /** R-VIO-12: whether a day may be settled directly (for settlement systems; the roles of personnel payable). */
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{idNumber}/direct-settlement")
  InsuredSuspensionService.DirectSettlement directSettlement(@PathVariable String idNumber,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return suspensions.directSettlement(idNumber, date);
  }
}
