package org.yibaoflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibaoflow.tasklist.CaseworkerBrowserIT.assertChineseOnly;
import static org.yibaoflow.tasklist.CaseworkerBrowserIT.check;
import static org.yibaoflow.tasklist.CaseworkerBrowserIT.claim;
import static org.yibaoflow.tasklist.CaseworkerBrowserIT.clickButton;
import static org.yibaoflow.tasklist.CaseworkerBrowserIT.field;
import static org.yibaoflow.tasklist.CaseworkerBrowserIT.openCard;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.support.Browser;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;

/**
 * 受理审查 in Tasklist as 张静 sees it (issue 15): the facts it decides on (R-DES-1: the licence handed in and its
 * validity today, the penalties declared) shown read-only from the application's records, the related departments
 * (R-DES-2) offered by name from data; accepted with two inquiries. Screenshots:
 * target/screenshots/DesignationAcceptanceBrowserIT/.
 */
@IntegrationTest
class DesignationAcceptanceBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  Clock clock;

  @Test
  void theAcceptanceReviewShowsTheLicencesAndOffersTheDepartmentsByName() {
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    String name = "淮北市受理测试医院" + System.nanoTime() % 10000;
    Http.Response filed = Http.demo(port, "zhangjing").post("/api/designation-applications", "{\"institutionName\":\""
        + name + "\",\"institutionType\":\"HOSPITAL\",\"creditCode\":\"" + RegistryFixtures.creditCode("340600")
        + "\",\"licences\":[{\"kind\":\"PRACTICE\",\"number\":\"WS-2025-0815\",\"validFrom\":\"" + today.minusYears(1)
        + "\",\"validUntil\":\"" + today.plusYears(4) + "\"}]}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String no = filed.json().get("applicationNo").asText();
    Jobs.drain(managementService, filed.json().get("processInstanceId").asText(), 20);

    try (Browser b = Browser.start("http://localhost:" + port, "DesignationAcceptanceBrowserIT")) {
      b.login("tasklist", "zhangjing", "demo");
      b.waitForText("经办待办");
      openCard(b, "经办待办", no, name, "受理审查");
      claim(b);
      b.waitUntil(d -> field(b, "Field_LicenceFacts").getAttribute("value").contains("医疗机构执业许可证 编号 WS-2025-0815")
          ? Boolean.TRUE : null);
      assertThat(field(b, "Field_LicenceFacts").getAttribute("value")).contains("有效期 " + today.minusYears(1),
          "（今日有效）");
      assertThat(field(b, "Field_PenaltyFacts").getAttribute("value")).isEqualTo("申请时声明未受过相关行政处罚");
      assertThat(field(b, "Field_ApplicationFacts").getAttribute("value")).contains("机构类型：定点医疗机构");
      b.screenshot("acceptance-with-facts");
      assertChineseOnly(b, "the acceptance review");
      check(b, "材料齐全，予以受理");
      b.waitForText("药品监督管理部门"); // the checklist (shown once complete) offers the departments by name
      check(b, "卫生健康部门");
      check(b, "市场监督管理部门");
      b.screenshot("acceptance-filled");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitUntil(d -> taskService.createTaskQuery().processInstanceBusinessKey(no)
          .taskDefinitionKey("Task_ReviewCompleteness").count() == 0 ? Boolean.TRUE : null);
    }
  }
}
