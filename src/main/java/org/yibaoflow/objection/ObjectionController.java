package org.yibaoflow.objection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.calendar.Deadline;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.DomainRuleException;

/** Objections of the user's regions, and filing one (异议登记). */
@RestController
@RequestMapping("/api/objections")
class ObjectionController {

  private final ObjectionService service;

  ObjectionController(ObjectionService service) {
    this.service = service;
  }

  record FilingRequest(@NotBlank @Size(max = 4000) String reasons, @Size(max = 4000) String evidence) {
  }

  record ObjectionView(Objection objection, LocalDate windowEndsOn, Instant windowExpiresAt, boolean provisional,
      List<ObjectionFiling> filings) {
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping
  List<Objection> list(@RequestParam(required = false) Objection.Status status) {
    return service.list(status);
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{objectionNo}")
  ObjectionView get(@PathVariable String objectionNo) {
    Objection o = service.get(objectionNo);
    Deadline window = service.window(o);
    return new ObjectionView(o, window.deadline(), window.expiresAt(), window.provisional(), service.filings(objectionNo));
  }

  /** 202 when the objection is inside its window; 409 naming the deadline when it is late (R-PERS-12). */
  // R-PERS-12: the objection against the agency's decision is filed with the administrative department
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.ADMINDEPT})
  @PostMapping("/{objectionNo}/filings")
  @ResponseStatus(HttpStatus.ACCEPTED)
  FilingResult file(@PathVariable String objectionNo, @Valid @RequestBody FilingRequest request) {
    FilingResult result = service.file(objectionNo, request.reasons(), request.evidence());
    if (!result.accepted()) {
      throw DomainRuleException.conflict("filedAt", "R-PERS-12",
          "异议已超过期限，不予受理；异议期截止日为 " + result.windowEndsOn() + "（当日 24 时止）",
          "The objection is late and refused; the window ended on " + result.windowEndsOn() + " (24:00 Asia/Shanghai)")
          .with("windowEndsOn", result.windowEndsOn().toString())
          .with("windowExpiresAt", result.windowExpiresAt().toString());
    }
    return result;
  }
}
