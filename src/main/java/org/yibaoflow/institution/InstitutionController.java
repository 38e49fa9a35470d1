package org.yibaoflow.institution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.platform.SaneDate;

/** Institutions of the user's regions: list/search, detail, registration, agreements, audit history. */
@RestController
@RequestMapping("/api/institutions")
class InstitutionController {

  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final AgreementCorrectionService corrections;
  private final RegionAccess regions;

  InstitutionController(InstitutionService institutions, AgreementService agreements,
      AgreementCorrectionService corrections, RegionAccess regions) {
    this.institutions = institutions;
    this.agreements = agreements;
    this.corrections = corrections;
    this.regions = regions;
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN, Role.EXPERT})
  @GetMapping
  Page<InstitutionSummary> search(@RequestParam(required = false) String region,
      @RequestParam(required = false) @Size(max = 100) String name,
      @RequestParam(required = false) @Pattern(regexp = "HOSPITAL|PHARMACY") String type,
      @RequestParam(required = false) AgreementState state,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_SIZE) int size) {
    return institutions.search(region, name, type, state == null ? null : state.name(), page, size);
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN, Role.EXPERT})
  @GetMapping("/{id}")
  InstitutionDetail get(@PathVariable long id) {
    return institutions.detail(id);
  }

  @AllowedRoles({Role.CASEWORKER, Role.ADMIN})
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  InstitutionDetail register(@Valid @RequestBody InstitutionRequest r) {
    regions.requireRegion(r.region());
    Institution saved = institutions.register(new NewInstitution(r.region(), r.code(), r.name(), r.type(),
        r.creditCode(), r.level(),
        r.licences() == null ? List.of() : r.licences().stream().map(l -> new NewInstitution.NewLicence(l.kind(),
            l.number(), l.validFrom(), l.validUntil(), Boolean.TRUE.equals(l.revoked()))).toList(),
        r.penalties() == null ? List.of() : r.penalties().stream().map(p -> new NewInstitution.NewPenalty(
            p.authority(), p.decidedOn(), p.description(), Boolean.TRUE.equals(p.serious()))).toList(),
        r.reason(), r.processInstanceId()));
    return institutions.detail(saved.id());
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN, Role.EXPERT})
  @GetMapping("/{id}/agreements")
  List<Agreement> agreements(@PathVariable long id) {
    return agreements.ofInstitution(id);
  }

  /**
   * An administrator imports an existing agreement (存量协议; reason mandatory, audited as IMPORTED). Signing a new
   * agreement is the designation and annual-evaluation processes' act.
   */
  @AllowedRoles({Role.ADMIN})
  @PostMapping("/{id}/agreements")
  @ResponseStatus(HttpStatus.CREATED)
  Agreement importAgreement(@PathVariable long id, @Valid @RequestBody SignRequest r) {
    institutions.visible(id);
    return corrections.importExisting(id, r.periodStart(), r.periodEnd(),
        r.state() == null ? AgreementState.ACTIVE : r.state(), r.reason());
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{id}/history")
  List<AuditEntry> history(@PathVariable long id) {
    return institutions.history(id);
  }

  /** Designated agreements began with the 1998 reform of employees' medical insurance (existing ones are imported). */
  static final String AGREEMENTS_FROM = "1998-01-01";

  record InstitutionRequest(
      @NotBlank @Size(max = 64) String region,
      @NotBlank @Pattern(regexp = "[HP][0-9]{11}") String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull @Pattern(regexp = "HOSPITAL|PHARMACY") String type,
      @NotBlank @Size(min = 18, max = 18) String creditCode,
      @Size(max = 40) String level,
      @Size(max = 20) List<@NotNull @Valid LicenceRequest> licences,
      @Size(max = 50) List<@NotNull @Valid PenaltyRequest> penalties,
      @NotBlank @Size(max = 2000) String reason,
      @Size(max = 64) String processInstanceId) {
  }

  record LicenceRequest(@NotNull @Pattern(regexp = "PRACTICE|DRUG_TRADING|BUSINESS") String kind,
      @NotBlank @Size(max = 64) String number,
      @NotNull @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 1) LocalDate validFrom,
      @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 50) LocalDate validUntil, Boolean revoked) {
  }

  record PenaltyRequest(@NotNull @Pattern(regexp = "HEALTH|DRUG|PRICE|MARKET") String authority,
      @NotNull @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 0) LocalDate decidedOn,
      @NotBlank @Size(max = 2000) String description, Boolean serious) {
  }

  /** An import names no process: {@code processInstanceId} is accepted for older clients and not used. */
  record SignRequest(@NotNull @SaneDate(notBefore = AGREEMENTS_FROM) LocalDate periodStart,
      @NotNull @SaneDate(notBefore = AGREEMENTS_FROM, yearsAhead = 20) LocalDate periodEnd, AgreementState state,
      @NotBlank @Size(max = 2000) String reason, @Size(max = 64) String processInstanceId) {
  }
}
