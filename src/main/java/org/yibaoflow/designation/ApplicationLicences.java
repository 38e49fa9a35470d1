package org.yibaoflow.designation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;
import org.yibaoflow.institution.Eligibility;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution.NewLicence;
import org.yibaoflow.institution.NewInstitution.NewPenalty;

/**
 * R-DES-1 on the application itself: the licences it carries (kind, number, validity) and the administrative
 * penalties it declares. The eligibility check reads them for every applicant, a first-time one included: the
 * licence its type needs (执业许可证 for a hospital, 药品经营许可证 for a pharmacy) must be there and valid, no
 * declared licence may be expired or revoked, a serious penalty refuses. The institution registered at signing keeps
 * them.
 */
@Component
public class ApplicationLicences {

  /** The applicant's declaration. */
  public record Declared(List<NewLicence> licences, List<NewPenalty> penalties) {

    public Declared {
      licences = licences == null ? List.of() : List.copyOf(licences);
      penalties = penalties == null ? List.of() : List.copyOf(penalties);
    }

    public static Declared none() {
      return new Declared(List.of(), List.of());
    }
  }

  @Mapper
  interface LicenceMapper {

    @Insert("INSERT INTO designation_licence (application_no, kind, number, valid_from, valid_until)"
        + " VALUES (#{no}, #{l.kind}, #{l.number}, #{l.validFrom}, #{l.validUntil})")
    void insertLicence(@Param("no") String applicationNo, @Param("l") NewLicence licence);

    @Insert("INSERT INTO designation_penalty (application_no, authority, decided_on, description, serious)"
        + " VALUES (#{no}, #{p.authority}, #{p.decidedOn}, #{p.description}, #{p.serious})")
    void insertPenalty(@Param("no") String applicationNo, @Param("p") NewPenalty penalty);

    @Select("SELECT kind, number, valid_from, valid_until, FALSE AS revoked FROM designation_licence"
        + " WHERE application_no = #{no} ORDER BY id")
    List<NewLicence> licences(@Param("no") String applicationNo);

    @Select("SELECT authority, decided_on, description, serious FROM designation_penalty"
        + " WHERE application_no = #{no} ORDER BY id")
    List<NewPenalty> penalties(@Param("no") String applicationNo);
  }

  private final LicenceMapper mapper;

  ApplicationLicences(LicenceMapper mapper) {
    this.mapper = mapper;
  }

  /** 400 naming the field for a malformed licence or penalty. */
  static void validate(Declared declared) {
    InstitutionService.validateLicencesAndPenalties(declared.licences(), declared.penalties());
  }

  void store(String applicationNo, Declared declared) {
    if (!mapper.licences(applicationNo).isEmpty() || !mapper.penalties(applicationNo).isEmpty()) {
      return; // a retried registration job
    }
    declared.licences().forEach(l -> mapper.insertLicence(applicationNo, new NewLicence(l.kind(), l.number().trim(),
        l.validFrom(), l.validUntil(), false)));
    declared.penalties().forEach(p -> mapper.insertPenalty(applicationNo, new NewPenalty(p.authority(), p.decidedOn(),
        p.description().trim(), p.serious())));
  }

  public Declared of(String applicationNo) {
    return new Declared(mapper.licences(applicationNo), mapper.penalties(applicationNo));
  }

  /** The licence kind an institution type must hold (R-DES-1). */
  static String requiredKind(String institutionType) {
    return Institution.PHARMACY.equals(institutionType) ? "DRUG_TRADING" : "PRACTICE";
  }

  /** What the declaration says against the application on a date (R-DES-1). */
  static List<Eligibility.Finding> findings(String institutionType, Declared declared, LocalDate date) {
    List<Eligibility.Finding> findings = new ArrayList<>();
    String required = requiredKind(institutionType);
    boolean held = declared.licences().stream().anyMatch(l -> l.kind().equals(required) && valid(l, date));
    if (declared.licences().stream().noneMatch(l -> l.kind().equals(required))) {
      String zh = "PRACTICE".equals(required) ? "《医疗机构执业许可证》" : "《药品经营许可证》";
      findings.add(new Eligibility.Finding("R-DES-1", "LICENCE_MISSING", "申请未附" + zh + "，不符合定点条件",
          "The application carries no " + required + " licence"));
    }
    for (NewLicence l : declared.licences()) {
      if (!valid(l, date)) {
        findings.add(new Eligibility.Finding("R-DES-1", "LICENCE_INVALID", "申请所附证照 " + l.number() + " 不在有效期内"
            + "（" + l.validFrom() + " 至 " + (l.validUntil() == null ? "长期" : l.validUntil()) + "）",
            "Licence " + l.number() + " is not valid on " + date));
      }
    }
    for (NewPenalty p : declared.penalties()) {
      if (p.serious()) {
        findings.add(new Eligibility.Finding("R-DES-1", "SERIOUS_PENALTY", "申报有情节严重的行政处罚（" + p.authority() + "，"
            + p.decidedOn() + "）：" + p.description(), "Declared serious penalty by " + p.authority()));
      }
    }
    return held && findings.isEmpty() ? List.of() : findings;
  }

  private static boolean valid(NewLicence l, LocalDate date) {
    return !l.revoked() && !date.isBefore(l.validFrom()) && (l.validUntil() == null || !date.isAfter(l.validUntil()));
  }
}
