package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;

/**
 * Demo profile only: a few qualified persons per demo region at the demo institutions (after
 * InstitutionDemoSeeder), one physician practising at two sites. Idempotent by national code.
 */
@Component
@Profile("demo")
@Order(30)
class PersonnelDemoSeeder implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(PersonnelDemoSeeder.class);

  private final PersonnelService personnel;
  private final InstitutionService institutions;
  private final Clock clock;

  PersonnelDemoSeeder(PersonnelService personnel, InstitutionService institutions, Clock clock) {
    this.personnel = personnel;
    this.institutions = institutions;
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

  @Override
  public void run(ApplicationArguments args) {
    LocalDate from = LocalDate.now(clock).withDayOfYear(1);
    int created = 0;
    for (Demo d : DEMOS) {
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
