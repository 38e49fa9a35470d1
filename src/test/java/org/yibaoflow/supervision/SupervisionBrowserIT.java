package org.yibaoflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.support.ChineseOnly;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.TestClock;

/**
 * The supervision page in Chromium, as people use it: 陈敏 (淮北) logs in once, sees the region's deadlines with an
 * overdue investigation and a document deadline (R-VIO-7), opens the case file from the list and retries a failed
 * job; 赵磊 (济宁) sees his region's case and nothing of 淮北's. Screenshots in target/screenshots.
 */
@IntegrationTest
class SupervisionBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  WorkingDayCalendar calendar;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** No English word, no raw code (status, reason, region or user id) on the page: CaseworkerBrowserIT's check. */
  static void assertChineseOnly(SupervisionBrowser b, String where) {
    List<String>[] found = ChineseOnly.onPage(b.driver);
    assertThat(found[0]).as(where + ": English words or ids").isEmpty();
    assertThat(found[1]).as(where + ": raw codes").isEmpty();
  }

  @Test
  void theSupervisorsMorning() {
    SupervisionFixtures fixtures = new SupervisionFixtures(port, institutions, agreements, runtimeService, taskService,
        managementService, clock);
    SupervisionFixtures.OpenedCase late = fixtures.investigating("huaibei", "淮北逾期调查医院");
    SupervisionFixtures.OpenedCase documents = fixtures.awaitingDocuments("huaibei", "淮北待交资料医院");
    SupervisionFixtures.OpenedCase jining = fixtures.investigating("jining", "济宁调查医院");
    Job timer = fixtures.documentTimer(documents);
    managementService.setJobRetries(timer.getId(), 0);
    Incident incident = runtimeService.createIncidentQuery().configuration(timer.getId()).singleResult();
    // the investigation's 10 working days (R-TIME-1) are over by an hour, and with them the 7-day deadline (R-VIO-7)
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    Instant investigationDue = calendar.addWorkingDays(today, 10).expiresAt();
    clock.set(investigationDue.plusSeconds(3600));

    try (SupervisionBrowser chenmin = new SupervisionBrowser(port)) {
      chenmin.openAs("/supervision", "chenmin");
      assertThat(chenmin.driver.getCurrentUrl()).endsWith("/supervision");
      WebElement lateRow = chenmin.driver.findElement(By.cssSelector("tr.deadline[data-case='" + late.caseNo() + "']"));
      assertThat(lateRow.getDomAttribute("class")).contains("overdue");
      assertThat(lateRow.getText()).contains("已逾期", "调查取证", late.institution().name(), "待认领（经办人员）");
      // the case awaiting documents has two deadlines: the 7-day timer (R-VIO-7) and the arrival task in Tasklist
      List<String> documentRows = chenmin.driver.findElements(
          By.cssSelector("tr.deadline[data-case='" + documents.caseNo() + "']")).stream().map(WebElement::getText)
          .toList();
      assertThat(documentRows).as("the document deadline of the case").anySatisfy(row -> assertThat(row)
          .contains("资料提供期限", "R-VIO-7", documents.institution().name()));
      assertThat(documentRows).as("the arrival task of the case").anySatisfy(row -> assertThat(row)
          .contains("登记收到的资料", documents.institution().name()));
      assertThat(chenmin.driver.getPageSource()).doesNotContain(jining.caseNo());
      assertThat(chenmin.driver.findElement(By.id("regions")).getText()).isEqualTo("淮北市");
      assertThat(chenmin.driver.findElement(By.id("user")).getText()).isEqualTo("陈敏");
      // Beijing time as people write it (R-TIME-1: a period ends at 24:00 of its last day), no offset, no ISO
      assertThat(lateRow.getText()).contains(DeadlineService.beijing(investigationDue)).doesNotContain("+08", "T0");
      assertChineseOnly(chenmin, "the supervision page");
      chenmin.screenshot("supervision-chenmin");

      // the case file, from the deadline list
      lateRow.findElement(By.linkText(late.caseNo())).click();
      chenmin.loaded();
      assertThat(chenmin.driver.getCurrentUrl()).endsWith("/cases/" + late.caseNo());
      assertThat(chenmin.driver.findElement(By.id("party")).getText()).isEqualTo(late.institution().name());
      assertThat(chenmin.driver.findElement(By.id("open")).getText()).contains("调查取证", "已逾期");
      assertThat(chenmin.driver.findElement(By.id("documents")).getText()).contains("暂无文书");
      assertThat(chenmin.driver.findElement(By.id("case-status")).getText()).isEqualTo("调查取证中");
      assertThat(chenmin.driver.findElement(By.id("case-kind")).getText()).isEqualTo("违约案件 · 淮北市");
      assertThat(chenmin.driver.findElement(By.id("summary")).getText()).contains("智能监控", "张静");
      assertChineseOnly(chenmin, "the case file");
      chenmin.screenshot("case-file-chenmin");

      // the incident, retried
      chenmin.open("/supervision");
      WebElement retry = chenmin.driver.findElement(
          By.cssSelector("button.retry[data-incident='" + incident.getId() + "']"));
      assertThat(retry.findElement(By.xpath("./ancestor::tr")).getText()).contains(documents.caseNo(), "自动执行失败");
      retry.click();
      chenmin.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          "tr[data-incident='" + incident.getId() + "'] .retried")));
      chenmin.screenshot("incident-retried-chenmin");
      assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
      assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isEqualTo(1);
    }

    try (SupervisionBrowser zhaolei = new SupervisionBrowser(port)) {
      zhaolei.openAs("/supervision", "zhaolei");
      String page = zhaolei.driver.getPageSource();
      assertThat(page).contains(jining.caseNo());
      assertThat(page).doesNotContain(late.caseNo(), documents.caseNo(), late.institution().name(),
          documents.institution().name());
      assertThat(zhaolei.driver.findElement(By.id("regions")).getText()).isEqualTo("济宁市");
      assertChineseOnly(zhaolei, "济宁's supervision page");
      zhaolei.screenshot("supervision-zhaolei");
      zhaolei.open("/cases/" + late.caseNo());
      assertThat(zhaolei.driver.findElement(By.id("not-found")).getText()).contains("不存在");
    }
  }
}
