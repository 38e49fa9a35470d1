package org.yibaoflow.supervision;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;

/**
 * The case file as JSON ({@code /cases/{caseNo}} is its page). Everyone who works on cases reads the cases of their
 * regions; experts see only the evaluation tasks given to them, so not the files. Other regions' cases: 404.
 */
@RestController
class CaseFileController {

  private final CaseFileService service;

  CaseFileController(CaseFileService service) {
    this.service = service;
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/api/cases/{caseNo}")
  CaseFileService.CaseFile caseFile(@PathVariable String caseNo) {
    return service.caseFile(caseNo);
  }
}
