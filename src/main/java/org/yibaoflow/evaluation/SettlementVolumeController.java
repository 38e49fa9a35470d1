package org.yibaoflow.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.Amount;
import org.springframework.web.bind.annotation.RestController;

/** An institution's yearly settlement volume for the annual evaluation (R-EVA-5: none in the year). */
@RestController
@RequestMapping("/api/institutions/{id}/settlement-volumes/{year}")
class SettlementVolumeController {

  private final SettlementVolumeService volumes;

  SettlementVolumeController(SettlementVolumeService volumes) {
    this.volumes = volumes;
  }

  record VolumeRequest(@NotNull @Amount(rule = "R-EVA-5") BigDecimal amount) {
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN})
  @PutMapping
  SettlementVolumeService.SettlementVolume record(@PathVariable long id, @PathVariable int year,
      @Valid @RequestBody VolumeRequest request) {
    return volumes.record(id, year, request.amount());
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN})
  @GetMapping
  SettlementVolumeService.SettlementVolume find(@PathVariable long id, @PathVariable int year) {
    return volumes.find(id, year);
  }
}
