package org.yibaoflow.enforcement;

import org.yibaoflow.platform.SaneDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;

/**
 * A licence revoked by its authority (R-VIO-3/4): recorded on the institution and a violation case opened toward
 * termination. 201 with the case when this call recorded it, 200 when it was recorded before.
 */
@RestController
class LicenceRevocationController {

  private final LicenceRevocations revocations;

  LicenceRevocationController(LicenceRevocations revocations) {
    this.revocations = revocations;
  }

  record RevocationRequest(@NotNull @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 0, rule = "R-VIO-3") LocalDate revokedOn, @NotBlank @Size(max = 500) String reason) {
  }

  @AllowedRoles({Role.CASEWORKER})
  @PostMapping("/api/institutions/{id}/licences/{licenceId}/revocation")
  ResponseEntity<LicenceRevocations.Recorded> revoke(@PathVariable long id, @PathVariable long licenceId,
      @Valid @RequestBody RevocationRequest r) {
    LicenceRevocations.Recorded recorded = revocations.record(id, licenceId, r.revokedOn(), r.reason());
    return ResponseEntity.status(recorded.caseCreated() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded);
  }
}
