package org.yibaoflow.enforcement;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agreement's points (协议记分, R-EVA-3): {@code GET /api/agreements/{id}/points?year=} — the entries the
 * violation cases' decisions booked (of the year, or of all years without {@code year}) and their total.
 * Region-checked: another region's agreement answers 404.
 */
@RestController
class AgreementPointsController {

  private final AgreementPointsService service;

  AgreementPointsController(AgreementPointsService service) {
    this.service = service;
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/api/agreements/{id}/points")
  AgreementPointsService.Ledger points(@PathVariable long id, @RequestParam(required = false) Integer year) {
    return service.visible(id, year);
  }
}
