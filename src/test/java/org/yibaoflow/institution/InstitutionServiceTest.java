package org.yibaoflow.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibaoflow.institution.NewInstitution.NewLicence;
import org.yibaoflow.institution.NewInstitution.NewPenalty;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/** Registration input and the R-DES-1 eligibility of a new application. */
class InstitutionServiceTest {

  static NewInstitution hospital(String code, String creditCode, List<NewLicence> licences) {
    return new NewInstitution("huaibei", code, "淮北市人民医院", "HOSPITAL", creditCode, "三级甲等", licences, List.of(),
        "登记", null);
  }

  @Test
  void registrationInputIsChecked() {
    InstitutionService.validate(hospital("H34060000001", "12340600485950026U", List.of()));
    assertField(hospital("P34060000001", "12340600485950026U", List.of()), "code", "INPUT");
    assertField(hospital("H3406000000", "12340600485950026U", List.of()), "code", "INPUT");
    assertField(hospital("H34060000001", "12340600485950026X", List.of()), "creditCode", "GB 32100");
    assertField(hospital("H34060000001", "12340600485950026U", List.of(new NewLicence("PERMIT", "1",
        LocalDate.of(2020, 1, 1), null, false))), "licences[0].kind", "R-DES-1");
    assertField(new NewInstitution("huaibei", "H34060000001", "医院", "HOSPITAL", "12340600485950026U", null,
        List.of(), List.of(new NewPenalty("POLICE", LocalDate.of(2020, 1, 1), "x", true)), "登记", null),
        "penalties[0].authority", "R-DES-1");
    assertField(new NewInstitution("huaibei", "H34060000001", "医院", "CLINIC", "12340600485950026U", null, List.of(),
        List.of(), "登记", null), "type", "INPUT");
  }

  @Test
  void eligibilityWeighsBansPenaltiesAndLicences() {
    InstitutionMapper mapper = mock(InstitutionMapper.class);
    var service = new InstitutionService(mapper, mock(AgreementMapper.class), mock(RegionAccess.class),
        mock(AuditService.class), Clock.systemUTC());
    LocalDate day = LocalDate.of(2026, 6, 1);
    Institution i = new Institution(5L, "huaibei", "P34060000002", "药房", "PHARMACY", "91340600MA2MTQ3R9A", null, null,
        null);
    when(mapper.bansByIdentifier("91340600MA2MTQ3R9A")).thenReturn(List.of(
        new Ban(1L, 5L, 9L, "huaibei", "91340600MA2MTQ3R9A", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1),
            "R-VIO-9"),
        new Ban(2L, 5L, 8L, "huaibei", "91340600MA2MTQ3R9A", LocalDate.of(2020, 1, 1), LocalDate.of(2023, 1, 1),
            "R-VIO-9")));
    when(mapper.findByIdentifier("91340600MA2MTQ3R9A")).thenReturn(List.of(i));
    when(mapper.penalties(anyLong())).thenReturn(List.of(
        new Penalty(1L, 5L, "MARKET", LocalDate.of(2025, 1, 1), "标价不规范", false)));
    when(mapper.licences(anyLong())).thenReturn(List.of(
        new Licence(1L, 5L, Licence.DRUG_TRADING, "皖CA5610036", LocalDate.of(2021, 1, 1), LocalDate.of(2026, 5, 31),
            false),
        new Licence(2L, 5L, Licence.BUSINESS, "91340600MA2MTQ3R9A", LocalDate.of(2021, 1, 1), null, false)));

    Eligibility e = service.eligibility("91340600MA2MTQ3R9A", day);
    assertThat(e.eligible()).isFalse();
    assertThat(e.bannedUntil()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(e.findings()).extracting(Eligibility.Finding::code).containsExactly("BANNED", "LICENCE_INVALID");

    // after the ban, with the expired licence still on record: only the licence refuses
    Eligibility later = service.eligibility("91340600MA2MTQ3R9A", LocalDate.of(2027, 1, 1));
    assertThat(later.bannedUntil()).isNull();
    assertThat(later.findings()).extracting(Eligibility.Finding::ruleId).containsExactly("R-DES-1");
  }

  private static void assertField(NewInstitution c, String field, String rule) {
    assertThatThrownBy(() -> InstitutionService.validate(c)).isInstanceOfSatisfying(DomainRuleException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
    });
  }
}
