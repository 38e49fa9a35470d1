package org.yibaoflow.insured;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.personnel.IdNumber;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/**
 * The minimal insured-person record (参保人, R-VIO-12): registered by the agency of the region where the person is
 * insured, one per region and id number; read only within the user's regions (another region's person is 404, as if
 * unknown). The id number is checked as the personnel's (GB 11643): a malformed one is 400 naming {@code idNumber}.
 */
@Service
public class InsuredPersons {

  static final String ENTITY = "INSURED_PERSON";

  private final InsuredMapper mapper;
  private final RegionAccess regions;
  private final AuditService audit;
  private final Clock clock;

  InsuredPersons(InsuredMapper mapper, RegionAccess regions, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.regions = regions;
    this.audit = audit;
    this.clock = clock;
  }

  /** The answer to a registration: the record, and whether this request created it. */
  public record Registered(InsuredPerson person, boolean created) {
  }

  /**
   * Registers a person in a region of the user's (403 otherwise); the same id number and name again answers the
   * first record, the same id number with another name is 409 (a record is not changed by a second registration).
   */
  @Transactional
  public Registered register(String region, String idNumber, String name) {
    String r = regions.caseRegion(region);
    String number = checkIdNumber(idNumber);
    DomainRuleException.requireText(name, "name", "参保人姓名", "name");
    String n = name.strip();
    InsuredPerson existing = inRegion(number, r);
    if (existing != null) {
      if (!existing.name().equals(n)) {
        throw DomainRuleException.conflict("name", "INPUT", "本统筹地区已登记该身份证号码的参保人，姓名不同",
            "An insured person with this id number is registered in the region under another name");
      }
      return new Registered(existing, false);
    }
    mapper.insertPerson(r, number, n, audit.currentActor(), OffsetDateTime.now(clock));
    InsuredPerson p = inRegion(number, r);
    audit.record(AuditEntry.of(r, ENTITY, String.valueOf(p.id()), "REGISTERED", null, "REGISTERED", "R-VIO-12",
        "登记参保人", null, null));
    return new Registered(p, true);
  }

  /** The person's records in the user's regions; 400 for a malformed id number, 404 when none is visible. */
  @Transactional(readOnly = true)
  public List<InsuredPerson> visible(String idNumber) {
    String number = checkIdNumber(idNumber);
    List<InsuredPerson> found = mapper.byIdNumber(number).stream().filter(p -> regions.canSee(p.region())).toList();
    if (found.isEmpty()) {
      throw DomainRuleException.notFound("参保人 / insured person", number);
    }
    return found;
  }

  /** The record of a region, or null. */
  InsuredPerson inRegion(String idNumber, String region) {
    return mapper.byIdNumber(idNumber).stream().filter(p -> p.region().equals(region)).findFirst().orElse(null);
  }

  InsuredPerson byId(long id) {
    return mapper.person(id);
  }

  /** GB 11643: 18 characters, a real birth date, the check character; 400 naming idNumber otherwise. */
  static String checkIdNumber(String idNumber) {
    String n = idNumber == null ? null : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
    if (!IdNumber.isValid(n)) {
      throw DomainRuleException.badRequest("idNumber", "GB 11643", "身份证号码不合法（须为 18 位且校验码符合 GB 11643）",
          "idNumber is not a valid citizen identity number (18 characters, GB 11643 check digit)");
    }
    return n;
  }
}
