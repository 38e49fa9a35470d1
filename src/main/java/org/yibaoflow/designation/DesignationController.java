package org.yibaoflow.designation;

import org.yibaoflow.platform.SaneDate;
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
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.institution.Page;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.springframework.web.bind.annotation.RestController;

/**
 * Designation applications (定点申请): filing starts the process {@code designation} (an institution banned
 * after termination is refused at once with 409 naming R-VIO-9, one barred after a failed re-evaluation with
 * R-DES-1, and no case is started); reading one with its inquiries, complaints, negotiation rounds and
 * signing; the institution's re-evaluation request (R-DES-2) and complaints during the public notice
 * (R-DES-3). Every endpoint is region-checked: another region's application is 404.
 */
@RestController
@RequestMapping("/api/designation-applications")
class DesignationController {

  private final DesignationService service;
  private final EvaluationService evaluation;
  private final PublicNoticeService notice;
  private final SigningService signing;
  private final DesignationQueries queries;
  private final RegionAccess regionAccess;

  DesignationController(DesignationService service, EvaluationService evaluation, PublicNoticeService notice,
      SigningService signing, DesignationQueries queries, RegionAccess regionAccess) {
    this.queries = queries;
    this.regionAccess = regionAccess;
    this.service = service;
    this.evaluation = evaluation;
    this.notice = notice;
    this.signing = signing;
  }

  /**
   * An application with the licences it carries (kind, number, validity) and the penalties it declares (R-DES-1).
   */
  record ApplicationRequest(@NotBlank @Size(max = 200) String institutionName, @NotBlank @Pattern(regexp = "HOSPITAL|PHARMACY") String institutionType,
      @NotBlank @Size(min = 18, max = 18) String creditCode, @Size(max = 64) String region,
      @Valid @Size(max = 10) List<@NotNull LicenceRequest> licences,
      @Valid @Size(max = 20) List<@NotNull PenaltyRequest> penalties) {

    ApplicationLicences.Declared declared() {
      return new ApplicationLicences.Declared(
          licences == null ? List.of() : licences.stream().map(l -> new NewInstitution.NewLicence(l.kind(), l.number(),
              l.validFrom(), l.validUntil(), false)).toList(),
          penalties == null ? List.of() : penalties.stream().map(p -> new NewInstitution.NewPenalty(p.authority(),
              p.decidedOn(), p.description(), Boolean.TRUE.equals(p.serious()))).toList());
    }
  }

  record LicenceRequest(@NotNull @Pattern(regexp = "PRACTICE|DRUG_TRADING|BUSINESS") String kind,
      @NotBlank @Size(max = 64) String number,
      @NotNull @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 1, rule = "R-DES-1") LocalDate validFrom,
      @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 50, rule = "R-DES-1") LocalDate validUntil) {
  }

  record PenaltyRequest(@NotNull @Pattern(regexp = "HEALTH|DRUG|PRICE|MARKET") String authority,
      @NotNull @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 0, rule = "R-DES-1") LocalDate decidedOn,
      @NotBlank @Size(max = 2000) String description, Boolean serious) {
  }

  record ApplicationFiled(String applicationNo, String region, String status, String processInstanceId) {
  }

  @AllowedRoles({Role.CASEWORKER})
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationFiled apply(@Valid @RequestBody ApplicationRequest request) {
    DesignationApplication a = service.apply(request.region(), request.institutionName(), request.institutionType(),
        request.creditCode(), request.declared());
    return new ApplicationFiled(a.applicationNo(), a.region(), a.status(), a.processInstanceId());
  }

  record ApplicationView(String applicationNo, String region, String institutionName, String institutionType,
      String creditCode, String status, Integer evaluationRound, LocalDate evaluationDeadline, String refusalRule,
      String refusalReason, String failureReason, String rectificationAdvice, LocalDate reEvaluationFrom,
      LocalDate reEvaluationUntil, Long agreementId, List<DesignationRecords.Complaint> complaints,
      List<DesignationRecords.NegotiationRound> negotiationRounds, DesignationRecords.Signing signing,
      ApplicationLicences.Declared declared, List<AuditEntry> evaluationResults,
      List<DesignationRecords.Inquiry> inquiryReplies) {
  }

  @AllowedRoles({Role.CASEWORKER, Role.EXPERT, Role.SUPERVISOR, Role.LEGAL, Role.ADMIN})
  @GetMapping("/{applicationNo}")
  ApplicationView get(@PathVariable String applicationNo) {
    DesignationApplication a = evaluation.visible(applicationNo);
    return new ApplicationView(a.applicationNo(), a.region(), a.institutionName(), a.institutionType(),
        a.creditCode(), a.status(), a.evaluationRound(), a.evaluationDeadline(), a.refusalRule(), a.refusalReason(),
        a.failureReason(), a.rectificationAdvice(), a.reEvaluationFrom(), a.reEvaluationUntil(), a.agreementId(),
        notice.complaints(applicationNo), signing.rounds(applicationNo), signing.signing(applicationNo),
        queries.declared(applicationNo), queries.results(applicationNo), queries.inquiries(applicationNo));
  }

  /**
   * The applications of the user's regions, refused ones included (each with its written refusal), newest first;
   * filters: status, part of the institution's name, who filed it ({@code mine=true}: the current user).
   */
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMIN})
  @GetMapping
  Page<DesignationApplication> search(
      @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String status,
      @RequestParam(required = false) @Size(max = 100) String name,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_SIZE) int size) {
    return queries.search(status, name, mine ? regionAccess.currentUser().userId() : null, page, size);
  }

  /** The application's audit trail (who did what, when, under which rule), oldest first. */
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMIN})
  @GetMapping("/{applicationNo}/history")
  List<AuditEntry> history(@PathVariable String applicationNo) {
    return queries.history(applicationNo);
  }

  /**
   * What arrived: which of the materials told missing (default: all of them), the day received (required) and a
   * note; the rules of Tasklist's 登记补正材料 ({@link SupplementReceipt}).
   */
  record SupplementRequest(@Size(max = 50) List<@NotBlank @Size(max = 200) String> materials,
      @NotNull @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 0, rule = "R-DES-1") LocalDate receivedOn,
      @Size(max = 2000) String note) {
  }

  /**
   * R-DES-1: the institution hands in the missing material within the supplement period (409 otherwise; 400 for
   * a material not told missing or a date outside the period).
   */
  @AllowedRoles({Role.CASEWORKER})
  @PostMapping("/{applicationNo}/supplements")
  @ResponseStatus(HttpStatus.ACCEPTED)
  ApplicationFiled supplement(@PathVariable String applicationNo,
      @Valid @RequestBody SupplementRequest request) {
    DesignationApplication a = service.supplement(applicationNo,
        new SupplementReceipt(request.materials(), request.receivedOn(), request.note()));
    return new ApplicationFiled(a.applicationNo(), a.region(), a.status(), a.processInstanceId());
  }

  /** R-DES-2: the institution asks for re-evaluation after the rectification period (409 before it). */
  @AllowedRoles({Role.CASEWORKER})
  @PostMapping("/{applicationNo}/re-evaluation-requests")
  @ResponseStatus(HttpStatus.ACCEPTED)
  ApplicationFiled requestReEvaluation(@PathVariable String applicationNo) {
    DesignationApplication a = evaluation.requestReEvaluation(applicationNo);
    return new ApplicationFiled(a.applicationNo(), a.region(), a.status(), a.processInstanceId());
  }

  /**
   * What was received: channel defaults to SYSTEM (another system's interface), receivedOn to today (Beijing);
   * both checked as in Tasklist's 登记公示期间投诉 ({@link ComplaintReceipt}).
   */
  record ComplaintRequest(@Size(max = 200) String complainant, @NotBlank @Size(max = 2000) String content,
      @Pattern(regexp = "PHONE|LETTER|VISIT|EMAIL|SYSTEM") String channel,
      @SaneDate(notBefore = SaneDate.PRC_FOUNDED, yearsAhead = 0, rule = "R-DES-3") LocalDate receivedOn) {
  }

  /**
   * R-DES-3: a complaint during the public notice, received on a day of the notice (400 otherwise); it must be
   * verified before any agreement is signed.
   */
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @PostMapping("/{applicationNo}/complaints")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void complain(@PathVariable String applicationNo, @Valid @RequestBody ComplaintRequest request) {
    notice.fileComplaint(applicationNo, new ComplaintReceipt(request.complainant(),
        request.channel() == null ? "SYSTEM" : request.channel(), request.content(),
        request.receivedOn() == null ? notice.today() : request.receivedOn()));
  }
}
