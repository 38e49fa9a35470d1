package org.yibaoflow.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/**
 * Designated institutions: registration with licences and penalties, region-scoped reading, the ban
 * after termination (R-VIO-9) and the eligibility check a new application needs (R-DES-1).
 */
@Service
public class InstitutionService {

  static final String ENTITY = "INSTITUTION";
  static final Set<String> TYPES = Set.of(Institution.HOSPITAL, Institution.PHARMACY);
  static final Set<String> LICENCE_KINDS = Set.of(Licence.PRACTICE, Licence.DRUG_TRADING, Licence.BUSINESS);
  static final Set<String> AUTHORITIES = Set.of("HEALTH", "DRUG", "PRICE", "MARKET");

  private final InstitutionMapper mapper;
  private final AgreementMapper agreements;
  private final RegionAccess regions;
  private final AuditService audit;
  private final Clock clock;

  InstitutionService(InstitutionMapper mapper, AgreementMapper agreements, RegionAccess regions, AuditService audit,
      Clock clock) {
    this.mapper = mapper;
    this.agreements = agreements;
    this.regions = regions;
    this.audit = audit;
    this.clock = clock;
  }

  /** Registers an institution with its licences and penalties; everything or nothing, audited. */
  @Transactional
  public Institution register(NewInstitution c) {
    validate(c);
    if (mapper.findByCode(c.region(), c.code()) != null) {
      throw DomainRuleException.conflict("code", "INPUT", "机构编码 " + c.code() + " 已存在",
          "Institution code " + c.code() + " already exists");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    mapper.insert(new Institution(null, c.region(), c.code(), c.name().trim(), c.type(), c.creditCode(),
        blankToNull(c.level()), now, now));
    Institution saved = mapper.findByCode(c.region(), c.code());
    c.licences().forEach(l -> mapper.insertLicence(new Licence(null, saved.id(), l.kind(), l.number().trim(),
        l.validFrom(), l.validUntil(), l.revoked())));
    c.penalties().forEach(p -> mapper.insertPenalty(new Penalty(null, saved.id(), p.authority(), p.decidedOn(),
        p.description().trim(), p.serious())));
    audit.record(AuditEntry.of(saved.region(), ENTITY, saved.id().toString(), "REGISTERED", null, null, "R-DES-1",
        c.reason(), c.processInstanceId(), "code=" + saved.code() + ", creditCode=" + saved.creditCode()
            + ", licences=" + c.licences().size() + ", penalties=" + c.penalties().size()));
    return saved;
  }

  static void validate(NewInstitution c) {
    DomainRuleException.requireText(c.region(), "region", "统筹地区", "region");
    DomainRuleException.requireText(c.name(), "name", "机构名称", "name");
    DomainRuleException.requireText(c.reason(), "reason", "理由", "reason");
    if (c.type() == null || !TYPES.contains(c.type())) {
      throw DomainRuleException.badRequest("type", "INPUT", "机构类型须为 HOSPITAL（定点医疗机构）或 PHARMACY（定点零售药店）",
          "type must be HOSPITAL or PHARMACY");
    }
    // 医保机构编码: H + 11 digits for hospitals, P + 11 digits for pharmacies
    String prefix = Institution.HOSPITAL.equals(c.type()) ? "H" : "P";
    if (c.code() == null || !c.code().matches(prefix + "[0-9]{11}")) {
      throw DomainRuleException.badRequest("code", "INPUT", "机构编码须为 " + prefix + " 加 11 位数字",
          "code must be " + prefix + " followed by 11 digits");
    }
    if (!CreditCode.isValid(c.creditCode())) {
      throw DomainRuleException.badRequest("creditCode", "GB 32100",
          "统一社会信用代码不合法（须为 18 位且校验码符合 GB 32100）",
          "creditCode is not a valid unified social credit code (18 characters, GB 32100 check character)");
    }
    validateLicencesAndPenalties(c.licences(), c.penalties());
  }

  /**
   * The licences' and penalties' shape (R-DES-1): known kinds and authorities, a number, a start, an end not before
   * it, a date and a text for each penalty. 400 naming the field; used for registrations and applications.
   */
  public static void validateLicencesAndPenalties(List<NewInstitution.NewLicence> licences,
      List<NewInstitution.NewPenalty> penalties) {
    for (int i = 0; i < licences.size(); i++) {
      var l = licences.get(i);
      String f = "licences[" + i + "].";
      if (l.kind() == null || !LICENCE_KINDS.contains(l.kind())) {
        throw DomainRuleException.badRequest(f + "kind", "R-DES-1", "证照类型须为 PRACTICE、DRUG_TRADING 或 BUSINESS",
            "licence kind must be PRACTICE, DRUG_TRADING or BUSINESS");
      }
      DomainRuleException.requireText(l.number(), f + "number", "证照编号", "licence number");
      if (l.validFrom() == null) {
        throw DomainRuleException.badRequest(f + "validFrom", "R-DES-1", "证照须有生效日期", "validFrom is required");
      }
      if (l.validUntil() != null && l.validUntil().isBefore(l.validFrom())) {
        throw DomainRuleException.badRequest(f + "validUntil", "R-DES-1", "证照有效期止日不能早于起日",
            "validUntil must not be before validFrom");
      }
    }
    for (int i = 0; i < penalties.size(); i++) {
      var p = penalties.get(i);
      String f = "penalties[" + i + "].";
      if (p.authority() == null || !AUTHORITIES.contains(p.authority())) {
        throw DomainRuleException.badRequest(f + "authority", "R-DES-1",
            "处罚机关须为 HEALTH（卫生健康）、DRUG（药监）、PRICE（物价）或 MARKET（市场监管）",
            "authority must be HEALTH, DRUG, PRICE or MARKET");
      }
      if (p.decidedOn() == null) {
        throw DomainRuleException.badRequest(f + "decidedOn", "R-DES-1", "处罚日期不能为空", "decidedOn is required");
      }
      DomainRuleException.requireText(p.description(), f + "description", "处罚内容", "penalty description");
    }
  }

  /** Any institution by id, for services and processes (no region check); 404 if none. */
  @Transactional(readOnly = true)
  public Institution find(long id) {
    Institution i = mapper.find(id);
    if (i == null) {
      throw DomainRuleException.notFound("定点医药机构 / institution", String.valueOf(id));
    }
    return i;
  }

  /** An institution by its code in a region, or null (no region check). */
  @Transactional(readOnly = true)
  public Institution findByCode(String region, String code) {
    return mapper.findByCode(region, code);
  }

  /** The institution of a region with this credit code, or null (no region check; for designation). */
  @Transactional(readOnly = true)
  public Institution findByCreditCode(String region, String creditCode) {
    return mapper.findByIdentifier(creditCode).stream()
        .filter(i -> i.region().equals(region) && i.creditCode().equals(creditCode)).findFirst().orElse(null);
  }

  /** An institution's licences, for processes and other features (no region check). */
  @Transactional(readOnly = true)
  public List<Licence> licencesOf(long institutionId) {
    return mapper.licences(institutionId);
  }

  /** Any institution by id, or null. */
  @Transactional(readOnly = true)
  public Institution findOrNull(long id) {
    return mapper.find(id);
  }

  /** An institution of the current user's regions; 404 for other regions' (not disclosed). */
  @Transactional(readOnly = true)
  public Institution visible(long id) {
    Institution i = mapper.find(id);
    if (i == null || !regions.canSee(i.region())) {
      throw DomainRuleException.notFound("定点医药机构 / institution", String.valueOf(id));
    }
    return i;
  }

  /**
   * Records that a licence of a visible institution was revoked by its authority (R-VIO-3/4 "被吊销"), on a date not
   * in the future, with a reason; audited. Answers the licence and whether this call recorded it (false: it was
   * revoked before). What follows for the agreement is the violation case's (enforcement).
   */
  @Transactional
  public RevokedLicence revokeLicence(long institutionId, long licenceId, LocalDate revokedOn, String reason) {
    Institution i = visible(institutionId);
    DomainRuleException.requireText(reason, "reason", "吊销情况说明", "reason");
    LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
    if (revokedOn == null || revokedOn.isAfter(today)) {
      throw DomainRuleException.badRequest("revokedOn", "R-VIO-3", "须填写吊销日期（不晚于今天）",
          "revokedOn is required and must not be in the future");
    }
    Licence l = mapper.licences(institutionId).stream().filter(x -> x.id() == licenceId).findFirst()
        .orElseThrow(() -> DomainRuleException.notFound("证照 / licence", String.valueOf(licenceId)));
    boolean recorded = mapper.revokeLicence(institutionId, licenceId, revokedOn, reason.trim()) == 1;
    if (recorded) {
      String rule = "PHARMACY".equals(i.type()) ? "R-VIO-4" : "R-VIO-3";
      audit.record(AuditEntry.of(i.region(), ENTITY, String.valueOf(institutionId), "LICENCE_REVOKED", null, null,
          rule, reason.trim(), null, "licenceId=" + licenceId + ", kind=" + l.kind() + ", number=" + l.number()
              + ", revokedOn=" + revokedOn));
    }
    return new RevokedLicence(i, mapper.licences(institutionId).stream().filter(x -> x.id() == licenceId)
        .findFirst().orElseThrow(), recorded);
  }

  /** A revoked licence and its institution; {@code recorded} false when it was revoked before. */
  public record RevokedLicence(Institution institution, Licence licence, boolean recorded) {
  }

  @Transactional(readOnly = true)
  public InstitutionDetail detail(long id) {
    Institution i = visible(id);
    return new InstitutionDetail(i, mapper.licences(id), mapper.penalties(id), agreements.byInstitution(id),
        mapper.bans(id));
  }

  /** The current user's institutions, filtered; an invisible region filter gives an empty page. */
  @Transactional(readOnly = true)
  public Page<InstitutionSummary> search(String region, String name, String type, String state, int page, int size) {
    List<String> visible = regions.visibleRegions();
    if (visible.isEmpty() || region != null && !visible.contains(region)) {
      return new Page<>(List.of(), page, size, 0);
    }
    String pattern = likePattern(name);
    long total = mapper.count(visible, region, pattern, type, state);
    List<InstitutionSummary> items = total == 0 ? List.of()
        : mapper.search(visible, region, pattern, type, state, LocalDate.now(clock), size, (long) page * size);
    return new Page<>(items, page, size, total);
  }

  /** The audit trail of the institution and of its agreements, oldest first. */
  @Transactional(readOnly = true)
  public List<AuditEntry> history(long id) {
    visible(id);
    List<AuditEntry> entries = new ArrayList<>(audit.history(ENTITY, String.valueOf(id)));
    agreements.byInstitution(id).forEach(a -> entries.addAll(audit.history(AgreementService.ENTITY,
        String.valueOf(a.id()))));
    entries.sort(Comparator.comparing(AuditEntry::occurredAt).thenComparing(AuditEntry::id));
    return entries;
  }

  /**
   * R-DES-1 for a new application by credit code or institution code, on a date: a ban after termination
   * in force (R-VIO-9, any region: the ban follows the legal entity), a serious penalty on record, or a
   * licence of a known record revoked or expired refuses it. Used by designation.
   */
  @Transactional(readOnly = true)
  public Eligibility eligibility(String identifier, LocalDate date) {
    if (identifier == null || identifier.isBlank() || date == null) {
      throw DomainRuleException.badRequest("identifier", "R-DES-1", "须给出统一社会信用代码或机构编码及日期",
          "A credit code or institution code and a date are required");
    }
    List<Eligibility.Finding> findings = new ArrayList<>();
    LocalDate bannedUntil = null;
    for (Ban ban : mapper.bansByIdentifier(identifier)) {
      if (ban.appliesOn(date) && (bannedUntil == null || ban.bannedUntil().isAfter(bannedUntil))) {
        bannedUntil = ban.bannedUntil();
      }
    }
    if (bannedUntil != null) {
      findings.add(new Eligibility.Finding("R-VIO-9", "BANNED", "被解除协议的机构 3 年内不得申请定点，禁止期至 " + bannedUntil,
          "Terminated institutions may not apply within 3 years; banned until " + bannedUntil));
    }
    for (Institution i : mapper.findByIdentifier(identifier)) {
      for (Penalty p : mapper.penalties(i.id())) {
        if (Boolean.TRUE.equals(p.serious())) {
          findings.add(new Eligibility.Finding("R-DES-1", "SERIOUS_PENALTY",
              "有情节严重的行政处罚（" + p.authority() + "，" + p.decidedOn() + "）：" + p.description(),
              "Serious administrative penalty by " + p.authority() + " on " + p.decidedOn()));
        }
      }
      for (Licence l : mapper.licences(i.id())) {
        if (!l.validOn(date)) {
          findings.add(new Eligibility.Finding("R-DES-1", "LICENCE_INVALID",
              "证照 " + l.number() + (Boolean.TRUE.equals(l.revoked()) ? " 已被吊销" : " 不在有效期内"),
              "Licence " + l.number() + (Boolean.TRUE.equals(l.revoked()) ? " is revoked" : " is not valid on " + date)));
        }
      }
    }
    return new Eligibility(identifier, date, findings.isEmpty(), bannedUntil, List.copyOf(findings));
  }

  /**
   * R-VIO-9: records the ban of a terminated agreement (until = termination date + the region's
   * termination-ban years). Idempotent: one ban per agreement. Inside the termination's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Ban ban(Institution institution, Agreement agreement, LocalDate from, int years, String reason,
      String processInstanceId) {
    Ban existing = mapper.banOfAgreement(agreement.id());
    if (existing != null) {
      return existing;
    }
    Ban ban = new Ban(null, institution.id(), agreement.id(), institution.region(), institution.creditCode(), from,
        bannedUntil(from, years), "R-VIO-9");
    mapper.insertBan(ban);
    audit.record(AuditEntry.of(institution.region(), ENTITY, institution.id().toString(), "BANNED", null,
        "BANNED_UNTIL " + ban.bannedUntil(), "R-VIO-9", reason, processInstanceId,
        "agreementId=" + agreement.id() + ", bannedFrom=" + from + ", years=" + years));
    return mapper.banOfAgreement(agreement.id());
  }

  /** "3 年内不得申请": the ban ends on the same calendar date 3 years on (29 Feb -> 28 Feb). */
  static LocalDate bannedUntil(LocalDate terminatedOn, int years) {
    return terminatedOn.plusYears(years);
  }

  static String likePattern(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String escaped = name.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_");
    return "%" + escaped + "%";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
