package org.yibaoflow.designation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DemoSeeder;

/**
 * Demo profile only: both demo regions have a resource-allocation plan in force (R-DES-5), so they accept
 * designation applications. Idempotent by document reference.
 */
@Component
@Profile("demo")
@Order(40)
class DesignationDemoSeeder implements DemoSeeder {

  private final DesignationPlanMapper plans;
  private final Clock clock;

  DesignationDemoSeeder(DesignationPlanMapper plans, Clock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  public void seed() {
    seed("huaibei", "淮北市定点医药机构资源配置规划（2025—2027年）", "淮医保〔2025〕1号");
    seed("jining", "济宁市定点医药机构资源配置规划（2025—2027年）", "济医保发〔2025〕1号");
  }

  private void seed(String region, String title, String documentRef) {
    if (plans.find(region, documentRef) == null) {
      plans.insert(new DesignationPlan.New(region, title, documentRef, LocalDate.of(2025, 1, 1),
          LocalDate.of(2027, 12, 31), "demo", OffsetDateTime.now(clock)));
    }
  }
}
