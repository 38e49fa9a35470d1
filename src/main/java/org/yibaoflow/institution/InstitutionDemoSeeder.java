package org.yibaoflow.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DemoSeeder;
import org.yibaoflow.institution.NewInstitution.NewLicence;
import org.yibaoflow.institution.NewInstitution.NewPenalty;

/**
 * Demo profile only: region settings and about 15 institutions per demo region, each with an agreement for
 * the current year; one with a past penalty, one terminated (with its R-VIO-9 ban). Idempotent: an
 * institution whose code exists is left alone. 济宁 shows a stricter suspension threshold (2, as in
 * [003 §三(三)]) than 淮北 (3, [000 §一]), so R-VIO-5 is visibly regional.
 */
@Component
@Profile("demo")
@Order(20)
class InstitutionDemoSeeder implements DemoSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(InstitutionDemoSeeder.class);
  static final String REASON = "演示数据 / demo data";

  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final RegionSettingsService settings;
  private final Clock clock;

  InstitutionDemoSeeder(InstitutionService institutions, AgreementService agreements, RegionSettingsService settings,
      Clock clock) {
    this.institutions = institutions;
    this.agreements = agreements;
    this.settings = settings;
    this.clock = clock;
  }

  record Demo(NewInstitution institution, String terminationCause, String terminationRule) {
  }

  static List<Demo> demos(LocalDate today) {
    LocalDate issued = LocalDate.of(2021, 3, 1);
    LocalDate until = today.plusYears(3);
    return List.of(
        new Demo(hospital("huaibei", "H34060000001", "淮北市人民医院", "12340600485950026U", "三级甲等",
            "48595002634060311A1001", issued, until, List.of()), null, null),
        new Demo(hospital("huaibei", "H34060000002", "淮北矿工总医院", "12340600485950034N", "三级甲等",
            "48595003434060311A1001", issued, until, List.of(new NewPenalty("HEALTH", LocalDate.of(2023, 5, 12),
                "病历书写不规范，被卫生健康部门警告", false))), null, null),
        new Demo(pharmacy("huaibei", "P34060000001", "淮北市相山区康民大药房", "91340603MA2N4K7L88", "单体药店",
            "皖CB5610128", issued, until), null, null),
        new Demo(pharmacy("huaibei", "P34060000002", "淮北百姓缘大药房连锁有限公司", "91340600MA2MTQ3R9A", "连锁药店",
            "皖CA5610036", issued, until), "FRAUD", "R-VIO-4"),
        new Demo(hospital("jining", "H37080000001", "济宁市第一人民医院", "123708004950000129", "三级甲等",
            "49500001237081111A1001", issued, until, List.of()), null, null),
        new Demo(hospital("jining", "H37080000002", "济宁医学院附属医院", "123708004950000204", "三级甲等",
            "49500002037081111A1001", issued, until, List.of()), null, null),
        new Demo(pharmacy("jining", "P37080000001", "济宁市任城区仁和大药房", "91370811MA3C5K2P1N", "单体药店",
            "鲁CB5370211", issued, until), null, null),
        new Demo(hospital("jining", "H37080000003", "济宁市兖州区康复医院", "52370812MJD2345671", "二级",
            "MJD23456737081211A5182", issued, until, List.of(new NewPenalty("PRICE", LocalDate.of(2022, 9, 6),
                "违规加价收费，被价格主管部门处罚", true))), "FRAUD", "R-VIO-3"));
  }

  /** Districts of the demo regions: region, administrative division code, Chinese names. */
  private static final List<List<String>> DISTRICTS = List.of(
      List.of("huaibei", "340602", "杜集区"), List.of("huaibei", "340603", "相山区"), List.of("huaibei", "340604", "烈山区"),
      List.of("huaibei", "340621", "濉溪县"), List.of("jining", "370811", "任城区"), List.of("jining", "370812", "兖州区"),
      List.of("jining", "370881", "曲阜市"), List.of("jining", "370883", "邹城市"));

  /**
   * Community hospitals, clinics and pharmacies in every district, so a demo region has about 15 institutions
   * (issue: "about 30 across two regions"). Credit codes carry their real GB 32100 check character. The first
   * district of each region has a pharmacy whose drug-trading licence has expired and a clinic whose practice
   * licence was revoked, so designation and evaluation show the R-DES-1 / R-EVA-5 refusals.
   */
  static List<Demo> generated(LocalDate today) {
    java.util.ArrayList<Demo> list = new java.util.ArrayList<>();
    LocalDate issued = LocalDate.of(2022, 1, 10);
    for (int d = 0; d < DISTRICTS.size(); d++) {
      String region = DISTRICTS.get(d).get(0);
      String division = DISTRICTS.get(d).get(1);
      String district = DISTRICTS.get(d).get(2);
      String city = region.equals("huaibei") ? "淮北市" : "济宁市";
      boolean first = d == 0 || d == 4;
      String n = String.format("%02d", d + 10);
      list.add(new Demo(hospital(region, "H" + division + "100" + n, city + district + "社区卫生服务中心",
          creditCode("12" + division + "MB0" + n + "0000"), "一级", "PDY" + division + n + "A1001", issued,
          today.plusYears(2), List.of()), null, null));
      NewInstitution clinic = hospital(region, "H" + division + "200" + n, city + district + "仁爱中医诊所",
          creditCode("52" + division + "MJ0" + n + "0001"), "未定级", "PDY" + division + n + "D2001", issued,
          today.plusYears(2), List.of());
      if (first) {
        clinic = withLicence(clinic, new NewLicence(Licence.PRACTICE, "PDY" + division + n + "D2001", issued,
            today.plusYears(2), true));
      }
      list.add(new Demo(clinic, null, null));
      LocalDate pharmacyUntil = first ? today.minusDays(20) : today.plusYears(3);
      list.add(new Demo(pharmacy(region, "P" + division + "300" + n, city + district + "益民大药房",
          creditCode("91" + division + "MA0" + n + "0002"), "单体药店", (region.equals("huaibei") ? "皖CB" : "鲁CB")
              + division + n, issued, pharmacyUntil), null, null));
    }
    return list;
  }

  /** 17 characters + their GB 32100 check character. */
  static String creditCode(String first17) {
    return first17 + CreditCode.checkCharacter(first17);
  }

  private static NewInstitution withLicence(NewInstitution i, NewLicence licence) {
    return new NewInstitution(i.region(), i.code(), i.name(), i.type(), i.creditCode(), i.level(), List.of(licence),
        i.penalties(), i.reason(), i.processInstanceId());
  }

  @Override
  public void seed() {
    settings.seed("huaibei", RegionSetting.SUSPENSION_TERMINATION_THRESHOLD, 3, REASON + "：依 [000 §一] 累计3次");
    settings.seed("jining", RegionSetting.SUSPENSION_TERMINATION_THRESHOLD, 2, REASON + "：依 [003 §三(三)] 累计2次及以上");
    LocalDate today = LocalDate.now(clock);
    LocalDate start = today.withDayOfYear(1);
    int created = 0;
    List<Demo> all = new java.util.ArrayList<>(demos(today));
    all.addAll(generated(today));
    for (Demo d : all) {
      if (institutions.findByCode(d.institution().region(), d.institution().code()) != null) {
        continue;
      }
      Institution i = institutions.register(d.institution());
      Agreement a = agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE,
          REASON + "：年度服务协议", null);
      if (d.terminationCause() != null) {
        agreements.transition(a.id(), new TransitionCommand(AgreementState.TERMINATED, d.terminationCause(),
            d.terminationRule(), REASON + "：经查实存在欺诈骗保行为，解除服务协议", null));
      }
      created++;
    }
    LOG.info("Demo institutions: {} created", created);
  }

  private static NewInstitution hospital(String region, String code, String name, String creditCode, String level,
      String licence, LocalDate from, LocalDate until, List<NewPenalty> penalties) {
    return new NewInstitution(region, code, name, Institution.HOSPITAL, creditCode, level,
        List.of(new NewLicence(Licence.PRACTICE, licence, from, until, false)), penalties, REASON, null);
  }

  private static NewInstitution pharmacy(String region, String code, String name, String creditCode, String level,
      String licence, LocalDate from, LocalDate until) {
    return new NewInstitution(region, code, name, Institution.PHARMACY, creditCode, level,
        List.of(new NewLicence(Licence.DRUG_TRADING, licence, from, until, false),
            new NewLicence(Licence.BUSINESS, creditCode, from, null, false)), List.of(), REASON, null);
  }
}
