package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DemoSeeder;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;

/**
 * Demo profile only: a few qualified persons per demo region at the demo institutions (after
 * InstitutionDemoSeeder), one physician practising at two sites. Idempotent by national code.
 */
@Component
@Profile("demo")
@Order(30)
class PersonnelDemoSeeder implements DemoSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(PersonnelDemoSeeder.class);

  /**
   * Issue 8 §7: demo region 1 (济宁, the region of seed 004) scores by the default rule set SEED_004; demo
   * region 2 (淮北) shows a different rule set, GRADED_12 (personnel/rule-sets.json).
   */
  static final String HUAIBEI_RULE_SET = "GRADED_12";

  private final PersonnelService personnel;
  private final InstitutionService institutions;
  private final PersonnelRuleSets ruleSets;
  private final Clock clock;

  PersonnelDemoSeeder(PersonnelService personnel, InstitutionService institutions, PersonnelRuleSets ruleSets,
      Clock clock) {
    this.personnel = personnel;
    this.institutions = institutions;
    this.ruleSets = ruleSets;
    this.clock = clock;
  }

  record Demo(String region, String nationalCode, String idNumber, String name, String category, List<String> sites) {
  }

  static final List<Demo> DEMOS = List.of(
      new Demo("huaibei", "D340603000001", "340603197805123019", "李建国", "PHYSICIAN",
          List.of("H34060000001", "H34060000002")),
      new Demo("huaibei", "N340603000002", "340603198509234026", "王芳", "NURSE", List.of("H34060000001")),
      new Demo("huaibei", "D340602000003", "340602199002150032", "赵明", "PHYSICIAN", List.of("H34060000002")),
      new Demo("huaibei", "Y340603000004", "340603197203015045", "孙丽华", "PHARMACIST", List.of("P34060000001")),
      new Demo("jining", "D370811000001", "370811197608181013", "张伟", "PHYSICIAN",
          List.of("H37080000001", "H37080000002")),
      new Demo("jining", "N370811000002", "370811198304073026", "刘静", "NURSE", List.of("H37080000001")),
      new Demo("jining", "J370812000003", "370812199106302036", "陈磊", "TECHNICIAN", List.of("H37080000002")),
      new Demo("jining", "Y370811000004", "370811196901254045", "周红梅", "PHARMACIST", List.of("P37080000001")));

  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾";
  private static final List<String> GIVEN = List.of("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋",
      "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英");
  /** Per district: the generated institutions' codes (see InstitutionDemoSeeder.generated) and its people. */
  private static final List<List<String>> DISTRICTS = List.of(
      List.of("huaibei", "340602", "10"), List.of("huaibei", "340603", "11"), List.of("huaibei", "340604", "12"),
      List.of("huaibei", "340621", "13"), List.of("jining", "370811", "14"), List.of("jining", "370812", "15"),
      List.of("jining", "370881", "16"), List.of("jining", "370883", "17"));
  /** The letter national codes start with per category (as in the hand-written demo people). */
  private static final java.util.Map<String, String> CODE_LETTERS = java.util.Map.of("PHYSICIAN", "D", "NURSE", "N",
      "PHARMACIST", "Y", "TECHNICIAN", "J", "CARER", "H");
  private static final List<String> ROSTER = List.of("PHYSICIAN", "PHYSICIAN", "PHYSICIAN", "PHYSICIAN", "NURSE",
      "NURSE", "NURSE", "TECHNICIAN", "CARER", "PHARMACIST", "PHARMACIST");

  /**
   * About 90 more people (issue: "about 100 across them"): eleven per district — physicians and nurses at the
   * community health centre (the first physician also at the clinic, to show multi-site points), a technician
   * and a carer, pharmacists at the pharmacy. ID numbers carry their real GB 11643 check character.
   */
  static List<Demo> generated() {
    List<Demo> list = new ArrayList<>();
    int serial = 0;
    for (List<String> district : DISTRICTS) {
      String region = district.get(0);
      String division = district.get(1);
      String n = district.get(2);
      for (int i = 0; i < ROSTER.size(); i++, serial++) {
        String category = ROSTER.get(i);
        String centre = "H" + division + "100" + n;
        List<String> sites = switch (category) {
          case "PHARMACIST" -> List.of("P" + division + "300" + n);
          case "PHYSICIAN" -> i == 0 ? List.of(centre, "H" + division + "200" + n) : List.of(centre);
          default -> List.of(centre);
        };
        String first17 = division + String.format("19%02d%02d%02d", 60 + serial % 40, 1 + serial % 12,
            1 + serial % 28) + String.format("%03d", 100 + serial);
        String name = SURNAMES.charAt(serial % SURNAMES.length()) + GIVEN.get((serial * 7) % GIVEN.size());
        list.add(new Demo(region, CODE_LETTERS.get(category) + division + String.format("1%05d", serial),
            first17 + IdNumber.checkCharacter(first17), name, category, sites));
      }
    }
    return list;
  }

  @Override
  public void seed() {
    if (!HUAIBEI_RULE_SET.equals(ruleSets.of("huaibei").key())) {
      ruleSets.assign("huaibei", HUAIBEI_RULE_SET, "演示数据 / demo data：第二个演示地区采用分级扣分规则集（issue 8 §7）",
          java.time.OffsetDateTime.now(clock));
    }
    LocalDate from = LocalDate.now(clock).withDayOfYear(1);
    int created = 0;
    List<Demo> all = new ArrayList<>(DEMOS);
    all.addAll(generated());
    for (Demo d : all) {
      if (personnel.existsNationalCode(d.nationalCode())) {
        continue;
      }
      List<Long> sites = new ArrayList<>();
      for (String code : d.sites()) {
        Institution site = institutions.findByCode(d.region(), code);
        if (site != null) {
          sites.add(site.id());
        }
      }
      if (sites.isEmpty()) {
        continue;
      }
      personnel.register(new NewPerson(d.region(), d.nationalCode(), d.idNumber(), d.name(), d.category(), null,
          sites, from, "演示数据 / demo data：登记备案并签订服务协议", null));
      created++;
    }
    LOG.info("Demo personnel: {} created", created);
  }
}
