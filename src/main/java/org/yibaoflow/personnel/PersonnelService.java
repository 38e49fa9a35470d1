package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.Page;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.BirthDate;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/** Qualified personnel: registration with their practice sites' agreements, region-scoped reading. */
@Service
public class PersonnelService {

  static final String ENTITY = "PERSON";
  static final String AGREEMENT_ENTITY = "PERSON_AGREEMENT";
  static final Set<String> CATEGORIES = Set.of("PHYSICIAN", "NURSE", "PHARMACIST", "TECHNICIAN", "CARER");

  private final PersonnelMapper mapper;
  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final RegionAccess regions;
  private final AuditService audit;
  private final Clock clock;

  PersonnelService(PersonnelMapper mapper, InstitutionService institutions, AgreementService agreements,
      RegionSettingsService settings, RegionAccess regions, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.institutions = institutions;
    this.agreements = agreements;
    this.settings = settings;
    this.regions = regions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Registers a person (one person one code, R-PERS-1) and signs their agreement at each practice site
   * for the region's personnel-agreement-term (2 years [004 §三(二)]). Sites must be institutions of the
   * person's region: a site in another region is registered with that region's agency.
   */
  @Transactional
  public PersonDetail register(NewPerson c) {
    LocalDate birthDate = validate(c);
    // the ID number's birth date must be a working person's (age 16..100 today): a number encoding 2030 is refused
    if (!BirthDate.Validator.valid(birthDate, LocalDate.now(clock), 16, 100)) {
      String field = c.birthDate() != null ? "birthDate" : "idNumber";
      throw DomainRuleException.badRequest(field, "GB 11643", "身份证号码中的出生日期 " + birthDate
          + " 不合理（年龄须在 16 至 100 岁之间）", "The birth date " + birthDate
          + " of the ID number is implausible (the age must be 16 to 100)");
    }
    if (mapper.findByNationalCode(c.nationalCode()) != null) {
      throw DomainRuleException.conflict("nationalCode", "R-PERS-1", "一人一码：医保代码 " + c.nationalCode() + " 已登记",
          "One person one code: " + c.nationalCode() + " is already registered");
    }
    if (mapper.findByIdNumber(c.idNumber()) != null) {
      throw DomainRuleException.conflict("idNumber", "R-PERS-1", "一人一码：该身份证号码已登记",
          "One person one code: this ID number is already registered");
    }
    List<Institution> sites = new ArrayList<>();
    List<String> initialStates = new ArrayList<>();
    for (int i = 0; i < c.institutionIds().size(); i++) {
      Long id = c.institutionIds().get(i);
      Institution site = id == null ? null : institutions.findOrNull(id);
      if (site == null || !site.region().equals(c.region())) {
        throw DomainRuleException.badRequest("institutionIds[" + i + "]", "R-PERS-1",
            "执业机构须为本统筹地区的定点医药机构", "A practice site must be an institution of the person's region");
      }
      String initial = initialState(agreements.ofInstitutionUnchecked(site.id()));
      if (initial == null) {
        throw DomainRuleException.conflict("institutionIds[" + i + "]", "R-PERS-11",
            "执业机构 " + site.name() + " 没有正在履行的服务协议，不能为其人员签订协议",
            "Practice site " + site.code() + " has no agreement in force; its personnel cannot sign");
      }
      sites.add(site);
      initialStates.add(initial);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    mapper.insert(new Person(null, c.region(), c.nationalCode(), c.idNumber(), c.name().trim(), c.category(), birthDate,
        now));
    Person saved = mapper.findByNationalCode(c.nationalCode());
    audit.record(AuditEntry.of(saved.region(), ENTITY, saved.id().toString(), "REGISTERED", null, null, "R-PERS-1",
        c.reason(), c.processInstanceId(), "nationalCode=" + saved.nationalCode() + ", sites=" + sites.size()));
    LocalDate from = c.validFrom() != null ? c.validFrom() : now.toLocalDate();
    LocalDate until = from.plusYears(settings.value(c.region(), RegionSetting.PERSONNEL_AGREEMENT_TERM));
    for (int i = 0; i < sites.size(); i++) {
      String state = initialStates.get(i);
      mapper.insertAgreement(new PersonAgreement(null, saved.id(), sites.get(i).id(), null, sites.get(i).region(),
          state, from, until, null, null, PersonAgreement.SUSPENDED.equals(state), now, 0L));
    }
    for (PersonAgreement a : mapper.agreementsOf(saved.id())) {
      audit.record(AuditEntry.of(a.region(), AGREEMENT_ENTITY, a.id().toString(), "SIGNED", null, a.state(),
          "R-PERS-1", c.reason(), c.processInstanceId(), "personId=" + saved.id() + ", institutionId="
              + a.institutionId() + ", valid=" + a.validFrom() + ".." + a.validUntil()));
    }
    return new PersonDetail(saved, mapper.agreementsOf(saved.id()));
  }

  /**
   * R-PERS-11 holds from the first day: a person signing at a site whose agreement is suspended starts
   * suspended with it (and resumes with it); a site without an agreement in force (terminated, expired,
   * not renewed, deferred, none) cannot take new personnel. Null = refused.
   */
  static String initialState(List<Agreement> siteAgreements) {
    boolean suspended = false;
    for (Agreement a : siteAgreements) {
      if (a.state() == AgreementState.ACTIVE || a.state() == AgreementState.SETTLEMENT_SUSPENDED) {
        return PersonAgreement.ACTIVE;
      }
      suspended |= a.state() == AgreementState.SUSPENDED;
    }
    return suspended ? PersonAgreement.SUSPENDED : null;
  }

  /** Checks the input; answers the birth date (from the ID number, which must agree with a given one). */
  static LocalDate validate(NewPerson c) {
    DomainRuleException.requireText(c.region(), "region", "统筹地区", "region");
    DomainRuleException.requireText(c.name(), "name", "姓名", "name");
    DomainRuleException.requireText(c.reason(), "reason", "理由", "reason");
    // 医保相关人员代码: one capital letter (category) and digits, unique nationally
    if (c.nationalCode() == null || !c.nationalCode().matches("[A-Z][0-9]{6,30}")) {
      throw DomainRuleException.badRequest("nationalCode", "R-PERS-1", "医保相关人员代码须为 1 位大写字母加数字",
          "nationalCode must be a capital letter followed by digits");
    }
    if (!IdNumber.isValid(c.idNumber())) {
      throw DomainRuleException.badRequest("idNumber", "GB 11643", "身份证号码不合法（须为 18 位且校验码符合 GB 11643）",
          "idNumber is not a valid citizen identity number (18 characters, GB 11643 check digit)");
    }
    LocalDate encoded = IdNumber.birthDateOf(c.idNumber());
    if (c.birthDate() != null && !c.birthDate().equals(encoded)) {
      throw DomainRuleException.badRequest("birthDate", "GB 11643", "出生日期与身份证号码不一致（应为 " + encoded + "）",
          "birthDate does not match the ID number (" + encoded + ")");
    }
    if (c.category() == null || !CATEGORIES.contains(c.category())) {
      throw DomainRuleException.badRequest("category", "R-PERS-1",
          "资格类别须为 PHYSICIAN、NURSE、PHARMACIST、TECHNICIAN 或 CARER",
          "category must be PHYSICIAN, NURSE, PHARMACIST, TECHNICIAN or CARER");
    }
    if (c.institutionIds().isEmpty()) {
      throw DomainRuleException.badRequest("institutionIds", "R-PERS-1", "至少须有一个执业机构",
          "At least one practice site is required");
    }
    if (new HashSet<>(c.institutionIds()).size() != c.institutionIds().size()) {
      throw DomainRuleException.badRequest("institutionIds", "R-PERS-1", "执业机构不能重复",
          "Practice sites must not repeat");
    }
    return encoded;
  }

  /**
   * Suspends a person's agreement at one site for their own conduct until a date (R-PERS-6: 3 or 6
   * months by points; the scoring decides the date). A later, longer suspension replaces the remainder of
   * a shorter one (R-PERS-7 product decision); it also takes over a suspension that followed the
   * institution, so the institution's resumption does not end it. Audited, optimistic lock.
   */
  @Transactional
  public PersonAgreement suspend(long personAgreementId, LocalDate until, String ruleId, String reason,
      String processInstanceId) {
    PersonAgreement pa = agreement(personAgreementId);
    LocalDate today = LocalDate.now(clock);
    if (until == null || !until.isAfter(today)) {
      throw DomainRuleException.badRequest("until", ruleId, "中止期限须晚于今天", "The suspension must end after today");
    }
    if (PersonAgreement.TERMINATED.equals(pa.state())) {
      throw DomainRuleException.conflict("state", ruleId, "服务协议已解除，不能中止", "A terminated agreement cannot be suspended");
    }
    return change(pa, PersonAgreement.SUSPENDED, until, pa.barUntil(), false, "SUSPENDED", ruleId, reason,
        processInstanceId);
  }

  /**
   * Terminates a person's agreement at one site for their own conduct, with the bar on a new agreement
   * (R-PERS-2: 1 year after a failed test; R-PERS-8: 1 to 2 years by severity). Audited, optimistic lock.
   */
  @Transactional
  public PersonAgreement terminate(long personAgreementId, LocalDate barUntil, String ruleId, String reason,
      String processInstanceId) {
    PersonAgreement pa = agreement(personAgreementId);
    if (barUntil == null || !barUntil.isAfter(LocalDate.now(clock))) {
      throw DomainRuleException.badRequest("barUntil", ruleId, "不再签订协议的期限须晚于今天",
          "The re-sign bar must end after today");
    }
    if (PersonAgreement.TERMINATED.equals(pa.state()) && !Boolean.TRUE.equals(pa.followsInstitution())) {
      throw DomainRuleException.conflict("state", ruleId, "服务协议已解除", "The agreement is already terminated");
    }
    return change(pa, PersonAgreement.TERMINATED, null, barUntil, false, "TERMINATED", ruleId, reason,
        processInstanceId);
  }

  /**
   * Ends a suspension for the person's own conduct at its expiry (R-PERS-7: "期满后自动恢复"): ACTIVE again,
   * unless the site's own agreement is suspended meanwhile, in which case the person now follows it
   * (R-PERS-11). Only an own suspension is ended; audited, optimistic lock.
   */
  @Transactional
  public PersonAgreement restore(long personAgreementId, String ruleId, String reason, String processInstanceId) {
    PersonAgreement pa = agreement(personAgreementId);
    if (!PersonAgreement.SUSPENDED.equals(pa.state()) || Boolean.TRUE.equals(pa.followsInstitution())) {
      throw DomainRuleException.conflict("state", ruleId, "服务协议不在本人原因的中止状态",
          "The agreement is not suspended for the person's own conduct");
    }
    String site = initialState(agreements.ofInstitutionUnchecked(pa.institutionId()));
    if (PersonAgreement.SUSPENDED.equals(site)) {
      return change(pa, PersonAgreement.SUSPENDED, null, pa.barUntil(), true, "FOLLOWS_INSTITUTION", "R-PERS-11",
          reason + "（执业机构服务协议中止中，随机构中止 / the site's agreement is suspended: follows it）",
          processInstanceId);
    }
    if (site == null) {
      return change(pa, PersonAgreement.TERMINATED, null, pa.barUntil(), true, "FOLLOWS_INSTITUTION", "R-PERS-11",
          reason + "（执业机构无正在履行的服务协议 / the site has no agreement in force）", processInstanceId);
    }
    return change(pa, PersonAgreement.ACTIVE, null, pa.barUntil(), false, "RESTORED", ruleId, reason,
        processInstanceId);
  }

  /** The person's agreements at all their sites (for the scoring process, no region check). */
  List<PersonAgreement> agreementsOfUnchecked(long personId) {
    return mapper.agreementsOf(personId);
  }

  /** A person of the current user's regions by national code; 404 otherwise (not disclosed). */
  @Transactional(readOnly = true)
  public Person visibleByCode(String nationalCode) {
    Person p = nationalCode == null ? null : mapper.findByNationalCode(nationalCode);
    if (p == null || !regions.canSee(p.region())) {
      throw DomainRuleException.notFound("医保支付资格相关人员 / person", String.valueOf(nationalCode));
    }
    return p;
  }

  Person personUnchecked(long personId) {
    return mapper.find(personId);
  }

  private PersonAgreement agreement(long id) {
    PersonAgreement pa = mapper.findAgreement(id);
    if (pa == null) {
      throw DomainRuleException.notFound("相关人员服务协议 / person agreement", String.valueOf(id));
    }
    return pa;
  }

  private PersonAgreement change(PersonAgreement pa, String state, LocalDate suspendedUntil, LocalDate barUntil,
      boolean follows, String action, String ruleId, String reason, String processInstanceId) {
    if (ruleId == null || !ruleId.matches("R-[A-Z]+-[0-9]+")) {
      throw DomainRuleException.badRequest("ruleId", "INPUT", "须给出规则编号（R-...）", "A rule ID (R-...) is required");
    }
    if (reason == null || reason.isBlank()) {
      throw DomainRuleException.badRequest("reason", ruleId, "变更须说明理由", "A change needs a reason");
    }
    if (mapper.updateAgreement(pa.id(), pa.version(), state, suspendedUntil, barUntil, follows,
        OffsetDateTime.now(clock)) == 0) {
      throw DomainRuleException.conflict("version", "CONCURRENCY", "服务协议已被他人同时变更，请刷新后重试",
          "The agreement was changed concurrently; reload and try again");
    }
    audit.record(AuditEntry.of(pa.region(), AGREEMENT_ENTITY, pa.id().toString(), action, pa.state(), state, ruleId,
        reason, processInstanceId, "personId=" + pa.personId() + ", institutionId=" + pa.institutionId()
            + (suspendedUntil != null ? ", suspendedUntil=" + suspendedUntil : "")
            + (barUntil != null ? ", barUntil=" + barUntil : "")));
    return mapper.findAgreement(pa.id());
  }

  @Transactional(readOnly = true)
  public boolean existsNationalCode(String nationalCode) {
    return mapper.findByNationalCode(nationalCode) != null;
  }

  /** A person of the current user's regions; 404 for other regions' (not disclosed). */
  @Transactional(readOnly = true)
  public PersonDetail get(long id) {
    Person p = mapper.find(id);
    if (p == null || !regions.canSee(p.region())) {
      throw DomainRuleException.notFound("医保支付资格相关人员 / person", String.valueOf(id));
    }
    return new PersonDetail(p, mapper.agreementsOf(id));
  }

  @Transactional(readOnly = true)
  public Page<Person> search(String region, String name, String category, String state, Long institutionId,
      int page, int size) {
    List<String> visible = regions.visibleRegions();
    if (visible.isEmpty() || region != null && !visible.contains(region)) {
      return new Page<>(List.of(), page, size, 0);
    }
    String pattern = likePattern(name);
    long total = mapper.count(visible, region, pattern, category, state, institutionId);
    List<Person> items = total == 0 ? List.of()
        : mapper.search(visible, region, pattern, category, state, institutionId, size, (long) page * size);
    return new Page<>(items, page, size, total);
  }

  @Transactional(readOnly = true)
  public List<AuditEntry> history(long id) {
    PersonDetail detail = get(id);
    List<AuditEntry> entries = new ArrayList<>(audit.history(ENTITY, String.valueOf(id)));
    detail.agreements().forEach(a -> entries.addAll(audit.history(AGREEMENT_ENTITY, String.valueOf(a.id()))));
    entries.sort(Comparator.comparing(AuditEntry::occurredAt).thenComparing(AuditEntry::id));
    return entries;
  }

  static String likePattern(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return "%" + name.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        + "%";
  }
}
