package org.yibaoflow.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yibaoflow.institution.NewInstitution.NewLicence;
import org.yibaoflow.institution.NewInstitution.NewPenalty;

/**
 * Demo profile only: region settings and a few institutions per demo region, each with an agreement for
 * the current year; one with a past penalty, one terminated (with its R-VIO-9 ban). Idempotent: an
 * institution whose code exists is left alone. 济宁 shows a stricter suspension threshold (2, as in
 * [003 §三(三)]) than 淮北 (3, [000 §一]), so R-VIO-5 is visibly regional.
 */
@Component
@Profile("demo")
@Order(20)
class InstitutionDemoSeeder implements ApplicationRunner {

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

  @Override
  public void run(ApplicationArguments args) {
    settings.seed("huaibei", RegionSetting.SUSPENSION_TERMINATION_THRESHOLD, 3, REASON + "：依 [000 §一] 累计3次");
    settings.seed("jining", RegionSetting.SUSPENSION_TERMINATION_THRESHOLD, 2, REASON + "：依 [003 §三(三)] 累计2次及以上");
    LocalDate today = LocalDate.now(clock);
    LocalDate start = today.withDayOfYear(1);
    int created = 0;
    for (Demo d : demos(today)) {
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
