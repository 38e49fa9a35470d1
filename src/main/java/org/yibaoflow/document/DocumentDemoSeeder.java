package org.yibaoflow.document;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DemoSeeder;

/** Demo profile only: the letterhead and number prefix of the demo regions (淮医保协〔2026〕1号), unless set. */
@Component
@Profile("demo")
@Order(15)
class DocumentDemoSeeder implements DemoSeeder {

  private final DocumentSchemes schemes;

  DocumentDemoSeeder(DocumentSchemes schemes) {
    this.schemes = schemes;
  }

  @Override
  public void seed() {
    schemes.seed("huaibei", "淮北市医疗保障基金管理中心", "淮医保协");
    schemes.seed("jining", "济宁市医疗保障事业中心", "济医保协");
  }
}
