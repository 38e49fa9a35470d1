package org.yibaoflow.personnel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.yibaoflow.institution.Page;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.BirthDate;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.platform.SaneDate;

/** Qualified personnel of the user's regions. ID numbers are shown masked (personal information). */
@RestController
@RequestMapping("/api/personnel")
class PersonnelController {

  private final PersonnelService personnel;
  private final PersonAgreementTerms terms;
  private final RegionAccess regions;

  PersonnelController(PersonnelService personnel, PersonAgreementTerms terms, RegionAccess regions) {
    this.personnel = personnel;
    this.terms = terms;
    this.regions = regions;
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping
  Page<PersonView> search(@RequestParam(required = false) String region,
      @RequestParam(required = false) @Size(max = 100) String name,
      @RequestParam(required = false) @Pattern(regexp = "PHYSICIAN|NURSE|PHARMACIST|TECHNICIAN|CARER") String category,
      @RequestParam(required = false) @Pattern(regexp = "ACTIVE|SUSPENDED|TERMINATED") String state,
      @RequestParam(required = false) Long institutionId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_SIZE) int size) {
    Page<Person> result = personnel.search(region, name, category, state, institutionId, page, size);
    return new Page<>(result.items().stream().map(PersonView::of).toList(), result.page(), result.size(),
        result.total());
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{id}")
  PersonDetailView get(@PathVariable long id) {
    PersonDetail d = personnel.get(id);
    return new PersonDetailView(PersonView.of(d.person()), d.agreements());
  }

  @AllowedRoles({Role.CASEWORKER, Role.ADMIN})
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  PersonDetailView register(@Valid @RequestBody PersonRequest r) {
    regions.requireRegion(r.region());
    PersonDetail d = personnel.register(new NewPerson(r.region(), r.nationalCode(), r.idNumber(), r.name(),
        r.category(), r.birthDate(), r.institutionIds(), r.validFrom(), r.reason(), r.processInstanceId()));
    return new PersonDetailView(PersonView.of(d.person()), d.agreements());
  }

  /**
   * A new agreement (or a new practice site) for a registered person (R-PERS-1); 409 naming the rule and the
   * bar's end while a re-sign bar runs (R-PERS-2, R-PERS-8).
   */
  @AllowedRoles({Role.CASEWORKER})
  @PostMapping("/{id}/agreements")
  @ResponseStatus(HttpStatus.CREATED)
  PersonDetailView signAt(@PathVariable long id, @Valid @RequestBody NewAgreementRequest r) {
    PersonDetail d = terms.signAt(id, r.institutionId(), r.validFrom(), r.reason());
    return new PersonDetailView(PersonView.of(d.person()), d.agreements());
  }

  /** The institution's cancellation record: the agreement runs to the end of its term, not renewed (R-PERS-1). */
  @AllowedRoles({Role.CASEWORKER})
  @PostMapping("/{id}/agreements/{agreementId}/cancellation")
  PersonAgreement cancel(@PathVariable long id, @PathVariable long agreementId,
      @Valid @RequestBody CancellationRequest r) {
    return terms.cancel(id, agreementId, r.reason());
  }

  record NewAgreementRequest(@NotNull Long institutionId, @SaneDate(yearsAhead = 1, rule = "R-PERS-1") LocalDate validFrom,
      @NotBlank @Size(max = 2000) String reason) {
  }

  record CancellationRequest(@NotBlank @Size(max = 500) String reason) {
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{id}/history")
  List<AuditEntry> history(@PathVariable long id) {
    return personnel.history(id);
  }

  record PersonView(Long id, String region, String nationalCode, String idNumberMasked, String name, String category,
      LocalDate birthDate, OffsetDateTime createdAt) {

    static PersonView of(Person p) {
      String id = p.idNumber();
      return new PersonView(p.id(), p.region(), p.nationalCode(), id.substring(0, 6) + "********" + id.substring(14),
          p.name(), p.category(), p.birthDate(), p.createdAt());
    }
  }

  record PersonDetailView(PersonView person, List<PersonAgreement> agreements) {
  }

  record PersonRequest(
      @NotBlank @Size(max = 64) String region,
      @NotBlank @Size(max = 40) String nationalCode,
      @NotBlank @Size(min = 18, max = 18) String idNumber,
      @NotBlank @Size(max = 100) String name,
      @NotNull @Pattern(regexp = "PHYSICIAN|NURSE|PHARMACIST|TECHNICIAN|CARER") String category,
      @BirthDate LocalDate birthDate,
      @NotEmpty @Size(max = 20) List<@NotNull Long> institutionIds,
      @SaneDate(yearsAhead = 1, rule = "R-PERS-1") LocalDate validFrom,
      @NotBlank @Size(max = 2000) String reason,
      @Size(max = 64) String processInstanceId) {
  }
}
