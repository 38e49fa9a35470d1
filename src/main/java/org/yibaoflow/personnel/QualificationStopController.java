package org.yibaoflow.personnel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;

/** R-VIO-12: a person's settlement-qualification stops: the proposal from a violation case, and the person's list. */
@RestController
@RequestMapping("/api/personnel/{code}/qualification-stops")
class QualificationStopController {

  private final QualificationStopService service;

  QualificationStopController(QualificationStopService service) {
    this.service = service;
  }

  record StopRequest(@NotBlank @Size(max = 40) String caseNo, @NotNull @Min(1) @Max(5) Integer years,
      @NotBlank @Size(max = 2000) String reasons) {
  }

  // R-VIO-12: proposed by the caseworker who handled the case; the process has it approved, notified and objected to
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @PostMapping
  ResponseEntity<QualificationStop> propose(@PathVariable String code, @Valid @RequestBody StopRequest request) {
    QualificationStopService.Proposed p = service.propose(code, request.caseNo(), request.years(), request.reasons());
    return ResponseEntity.status(p.created() ? HttpStatus.CREATED : HttpStatus.OK).body(p.stop());
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping
  List<QualificationStop> list(@PathVariable String code) {
    return service.ofPerson(code);
  }
}
