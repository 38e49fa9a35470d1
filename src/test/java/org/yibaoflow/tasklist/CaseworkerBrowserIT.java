package org.yibaoflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Browser;
import org.yibaoflow.support.ChineseOnly;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Issue 15, done when: the demo caseworker 张静 opens a violation case from Tasklist's start form (a wrong
 * institution code is a Chinese message in the form, nothing starts) and works it — the investigation with the
 * catalogue as a searchable multi-select (a wrong entry answered in the form, the task stays open), the documents
 * the hospital brings recorded in Tasklist and reviewed — up to the legal review; 孙丽 (legal) and 陈敏
 * (supervisor) take it to the notice. Every card passed shows the case number and the institution; no page shows
 * English UI text or a raw code. Screenshots: target/screenshots/CaseworkerBrowserIT/.
 */
@IntegrationTest
class CaseworkerBrowserIT {

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
  Clock clock;

  @Test
  void aCaseworkerWorksAViolationCaseFromTasklistToTheNotice() {
    Institution hospital = hospital();
    try (Browser b = Browser.start("http://localhost:" + port, "CaseworkerBrowserIT")) {
      // ---------------------------------------------------------------- 张静 opens the case
      b.login("tasklist", "zhangjing", "demo");
      b.waitForText("经办待办");
      b.screenshot("zhangjing-tasklist");
      assertChineseOnly(b, "Tasklist after login");
      assertThat(b.all(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
          .as("no Camunda 8 migration banner").isTrue();

      openStartForm(b, "违约处理");
      b.screenshot("intake-form");
      assertChineseOnly(b, "the intake start form");
      choose(b, "Field_Source", "举报投诉");
      type(b, "Field_InstitutionCode", "H00NOSUCH");
      tag(b, "Field_SuspectedViolations", "保管财务账目");
      type(b, "Field_SuspectedAmount", "5000");
      type(b, "Field_Summary", "群众举报：病历、费用明细缺失");
      b.screenshot("intake-filled-wrong-code");
      long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("violation-case").count();
      clickButton(b, ".modal-footer", "启动");
      b.waitForText("本统筹地区没有编码为 H00NOSUCH 的定点医药机构");
      b.screenshot("intake-wrong-code-message");
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("violation-case").count())
          .as("nothing started").isEqualTo(before);
      assertChineseOnly(b, "the start form with its message");

      dismissNotifications(b);
      type(b, "Field_InstitutionCode", hospital.code());
      clickButton(b, ".modal-footer", "启动");
      b.waitUntil(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
      ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("violation-case")
          .variableValueEquals("institutionCode", hospital.code()).singleResult();
      assertThat(pi).as("the case started from Tasklist").isNotNull();
      Jobs.drain(managementService, pi.getId(), 10);
      String caseNo = runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
          .getBusinessKey();
      assertThat(caseNo).matches("VC-\\d{4}-huaibei-\\d{6}");

      // ---------------------------------------------------------------- investigation
      openCard(b, "经办待办", caseNo, hospital.name(), "调查取证");
      claim(b);
      b.screenshot("investigation-form");
      assertChineseOnly(b, "the investigation form");
      // the case file of the case, from its form (issue 16): zh-forms.js puts the link beside 案件编号
      b.waitUntil(d -> b.all(By.cssSelector("a.yibao-case-file")).isEmpty() ? null : Boolean.TRUE);
      assertThat(b.all(By.cssSelector("a.yibao-case-file")).get(0).getDomAttribute("href"))
          .isEqualTo("/cases/" + caseNo);
      tag(b, "Field_FindingCodes", "保管财务账目");
      type(b, "Field_SampleAmount", "800");
      type(b, "Field_InvestigationNote", "现场检查：住院病历、费用明细未按规定保管");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitForText("抽查比例须大于 0"); // the server's message, not the field label
      b.screenshot("investigation-wrong-entry-message");
      Task investigation = task(pi, "Task_Investigate");
      assertThat(investigation).as("the task stays open").isNotNull();
      assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
      dismissNotifications(b);
      type(b, "Field_SamplingRatio", "0.05");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitUntil(d -> task(pi, "Task_Investigate") == null ? Boolean.TRUE : null);
      drive(pi);

      // ---------------------------------------------------------------- documents received, in Tasklist
      openCard(b, "经办待办", caseNo, hospital.name(), "登记收到的资料");
      claim(b);
      b.screenshot("documents-arrival-form");
      check(b, "病历");
      check(b, "费用明细");
      // a received date tomorrow: the server's check of the form (FormSchemaCheck) keeps it in the form
      pickDay(b, "Field_ReceivedOn", ".flatpickr-day.today + .flatpickr-day");
      type(b, "Field_ArrivalNote", "医院送来纸质住院病历 12 份、费用明细 1 册");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitForText("「收到日期」不能晚于今天");
      b.screenshot("documents-arrival-future-date-message");
      assertThat(subTask(pi, "Task_RecordDocuments")).as("the task stays open").isNotNull();
      assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
      dismissNotifications(b);
      pickToday(b, "Field_ReceivedOn");
      b.screenshot("documents-arrival-filled");
      assertChineseOnly(b, "the documents form");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitUntil(d -> subTask(pi, "Task_ReviewDocuments") != null ? Boolean.TRUE : null);

      openCard(b, "经办待办", caseNo, hospital.name(), "资料充分性审核");
      claim(b);
      // what was received is shown to the reviewer (a read-only textarea: its value, not page text)
      b.waitUntil(d -> field(b, "Field_ArrivalNote").getAttribute("value").contains("医院送来纸质住院病历 12 份")
          ? Boolean.TRUE : null);
      radio(b, "资料充分，恢复结算");
      type(b, "Field_DocumentReviewNote", "病历、费用明细齐全");
      b.screenshot("documents-review");
      assertChineseOnly(b, "the documents review");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitUntil(d -> subTask(pi, "Task_ReviewDocuments") == null ? Boolean.TRUE : null);
      drive(pi);
      assertThat(task(pi, "Task_LegalReview")).as("up to the legal review").isNotNull();
      b.logout();

      // ---------------------------------------------------------------- 孙丽, legal review
      b.login("tasklist", "sunli", "demo");
      openCard(b, "法制审核待办", caseNo, hospital.name(), "法制审核");
      claim(b);
      b.waitUntil(d -> d.findElements(By.xpath("//*[@cam-tasklist-task]//*[contains(@class,'tenant-id')]"
          + "[normalize-space(.)='淮北']")).isEmpty() ? null : Boolean.TRUE); // the region's name, not "huaibei"
      b.screenshot("legal-review");
      assertChineseOnly(b, "the legal review");
      radio(b, "通过");
      type(b, "Field_LegalOpinion", "事实清楚，依据充分，程序合法");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitUntil(d -> task(pi, "Task_LegalReview") == null ? Boolean.TRUE : null);
      drive(pi);
      b.logout();

      // ---------------------------------------------------------------- 陈敏, approval and notice
      b.login("tasklist", "chenmin", "demo");
      openCard(b, "负责人审批待办", caseNo, hospital.name(), "科室负责人审批");
      claim(b);
      b.screenshot("supervisor-approval");
      assertChineseOnly(b, "the approval");
      radio(b, "同意");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitUntil(d -> task(pi, "Task_SupervisorApproval") == null ? Boolean.TRUE : null);
      drive(pi);
      b.logout();

      // ---------------------------------------------------------------- 张静 serves the decision (issue 17)
      b.login("tasklist", "zhangjing", "demo");
      openCard(b, "经办待办", caseNo, hospital.name(), "送达处理决定书");
      claim(b);
      b.waitForText("淮医保协〔"); // the link to the generated 处理决定书, with its number
      pickToday(b, "Field_ServedOn");
      choose(b, "Field_ServiceMethod", "直接送达");
      b.screenshot("serve-notice");
      assertChineseOnly(b, "the service of the decision");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitUntil(d -> task(pi, "Task_ServeNotice") == null ? Boolean.TRUE : null);
      drive(pi);
      assertThat(runtimeService.getVariable(pi.getId(), "noticeServedOn")).as("the notice is served").isNotNull();
      b.screenshot("after-notice");

      // ------------------------------------- 张静 records an objection received on paper (issue 15 item 6, R-PERS-12)
      // the called objection process's card names the violation case and the institution, not the objection number
      b.waitUntil(d -> inTree(pi, "Task_RecordObjection") != null ? Boolean.TRUE : null);
      openCard(b, "经办待办", caseNo, hospital.name(), "登记异议");
      claim(b);
      b.waitForText("异议期截止");
      pickToday(b, "Field_ReceivedOn");
      type(b, "Field_Reasons", "对违约事实认定有异议：相关病历已按规定留存，请求复核。");
      b.screenshot("objection-filing");
      assertChineseOnly(b, "the paper objection");
      clickButton(b, ".task-form, [cam-tasklist-task]", "完成");
      b.waitUntil(d -> inTree(pi, "Task_RecordObjection") == null ? Boolean.TRUE : null);
      drive(pi);
      assertThat(inTree(pi, "Task_ReviewObjection")).as("the objection recorded on paper goes to 异议复核").isNotNull();
    }
  }

  /** The open task of that key anywhere in the case's tree (called processes included). */
  Task inTree(ProcessInstance pi, String key) {
    List<String> ids = new ArrayList<>();
    runtimeService.createProcessInstanceQuery().rootProcessInstanceId(pi.getId()).list().forEach(p -> ids.add(p.getId()));
    return taskService.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).taskDefinitionKey(key)
        .list().stream().findFirst().orElse(null);
  }

  // ------------------------------------------------------------------ page checks

  /**
   * No English word and no raw code on the page. zh-forms.js translates what form-js and Tasklist render a moment
   * after they render it (a MutationObserver, at most every 150 ms) and Tasklist re-renders its list now and then:
   * the page is given time to settle (an explicit wait, not a sleep), then what it shows is asserted.
   */
  static void assertChineseOnly(Browser b, String where) {
    try {
      new WebDriverWait(b.driver(), Duration.ofSeconds(15)).until(d -> {
        List<String>[] found = notChinese(b);
        return found[0].isEmpty() && found[1].isEmpty();
      });
    } catch (TimeoutException stillEnglish) {
      // asserted below, with what the page shows
    }
    List<String>[] found = notChinese(b);
    assertThat(found[0]).as(where + ": English UI text").isEmpty();
    assertThat(found[1]).as(where + ": raw codes").isEmpty();
  }

  /** The English words and the raw codes the page shows, in its text and its placeholders and titles. */
  static List<String>[] notChinese(Browser b) {
    return ChineseOnly.onPage(b.driver());
  }

  // ------------------------------------------------------------------ Tasklist steps

  static void openStartForm(Browser b, String processName) {
    b.click(By.xpath("//a[contains(normalize-space(.), '启动流程')]"));
    b.waitFor(By.cssSelector(".modal-dialog"));
    b.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)='" + processName + "']"));
    b.waitFor(By.cssSelector(".modal-dialog .fjs-container"));
  }

  /** Opens the filter, checks that the case's card names the case and institution, opens the card. */
  static void openCard(Browser b, String filter, String caseNo, String institution, String taskName) {
    b.click(By.xpath("//div[contains(@class,'task-filter')]//h4[@uib-tooltip='" + filter + "']/a"));
    By card = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
        + "[.//*[contains(normalize-space(.),'" + caseNo + "')]][.//h4[normalize-space(.)='" + taskName + "']]");
    int[] polls = {0};
    WebElement c = b.waitUntil(d -> {
      List<WebElement> found = d.findElements(card);
      if (found.isEmpty() && ++polls[0] % 10 == 0) {
        d.navigate().refresh(); // the list refreshes itself only now and then
      }
      return found.isEmpty() ? null : found.get(0);
    });
    assertThat(c).isNotNull();
    b.screenshot("card-" + taskName);
    assertChineseOnly(b, filter);
    for (int attempt = 0; ; attempt++) {
      try { // Tasklist re-renders the list now and then: read and click a fresh card
        WebElement fresh = b.all(card).get(0);
        assertThat(fresh.getText()).as("the card names the case and institution").contains(caseNo, institution,
            "案件编号", "机构名称");
        for (WebElement any : b.all(By.cssSelector("ol.tasks-list > li.task"))) {
          assertThat(any.getText()).as("every card shows a case number").contains("案件编号");
        }
        b.click(fresh.findElement(By.cssSelector("h4 a")));
        break;
      } catch (org.openqa.selenium.StaleElementReferenceException | IndexOutOfBoundsException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
    b.waitFor(By.cssSelector("[cam-tasklist-task] .fjs-container"));
  }

  static void claim(Browser b) {
    List<WebElement> claim = b.all(By.xpath("//button[normalize-space(.)='认领']"));
    if (!claim.isEmpty() && shown(claim.get(0))) {
      b.click(claim.get(0));
      b.waitUntil(d -> d.findElements(By.xpath("//button[normalize-space(.)='认领']")).stream()
          .noneMatch(CaseworkerBrowserIT::shown) ? Boolean.TRUE : null);
    }
    b.waitFor(By.cssSelector("[cam-tasklist-task] .fjs-container"));
  }

  /** Displayed and still on the page (Angular re-renders the task header after a claim). */
  static boolean shown(WebElement e) {
    try {
      return e.isDisplayed();
    } catch (org.openqa.selenium.StaleElementReferenceException gone) {
      return false;
    }
  }

  static WebElement field(Browser b, String id) {
    return b.waitFor(By.cssSelector("[id$='" + id + "']"));
  }

  static void type(Browser b, String id, String value) {
    for (int attempt = 1; ; attempt++) {
      WebElement e = field(b, id);
      b.click(e);
      e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      e.sendKeys(value);
      e.sendKeys(Keys.TAB);
      // the typed text must be in the form: once on a loaded machine the note was gone again (the form rendered
      // anew), its required field empty and 完成 disabled (screenshot 07-timeout of that run)
      if (value.equals(field(b, id).getDomProperty("value")) || attempt == 3) {
        return;
      }
    }
  }

  /** A form-js select: opens it and chooses the option by its label. */
  static void choose(Browser b, String id, String label) {
    b.click(field(b, id + "-display"));
    b.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + label + "']"));
  }

  /** A form-js taglist (searchable multi-select): types a keyword and takes the first match. */
  static void tag(Browser b, String id, String keyword) {
    WebElement input = field(b, id);
    b.click(input);
    input.sendKeys(keyword);
    b.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),'" + keyword + "')]"));
  }

  /** A checklist option or a radio button of a form-js form, by its label. */
  static void check(Browser b, String label) {
    b.click(By.xpath("//div[contains(@class,'fjs-form-field-checklist') or contains(@class,'fjs-form-field-radio')]"
        + "//label[normalize-space(.)='" + label + "']"));
  }

  static void radio(Browser b, String label) {
    check(b, label);
  }

  static void pickToday(Browser b, String id) {
    pickDay(b, id, ".flatpickr-day.today");
  }

  /** Opens the date picker of a form-js datetime field and clicks the day the selector names. */
  static void pickDay(Browser b, String id, String day) {
    // form-js gives the date input of a datetime field its own id suffix
    WebElement input = b.waitFor(By.cssSelector("input[id*='" + id + "']"));
    b.click(input);
    b.waitFor(By.cssSelector(".flatpickr-calendar.open"));
    b.screenshot("date-picker");
    assertChineseOnly(b, "the date picker");
    b.click(By.cssSelector(".flatpickr-calendar.open " + day));
  }

  static void clickButton(Browser b, String scope, String text) {
    b.click(By.xpath("//button[normalize-space(.)='" + text + "'][not(@disabled)]"));
  }

  /** Closes the notifications (a message from the previous step would still lie over the page). */
  static void dismissNotifications(Browser b) {
    b.script("document.querySelectorAll('.notifications .close, .page-notifications .close')"
        + ".forEach(c => c.click());");
  }

  // ------------------------------------------------------------------ engine side

  Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  Task subTask(ProcessInstance pi, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(
        runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
        .taskDefinitionKey(key).list();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  void drive(ProcessInstance pi) {
    for (int round = 0; round < 20; round++) {
      List<String> ids = new ArrayList<>();
      runtimeService.createProcessInstanceQuery().rootProcessInstanceId(pi.getId()).list().forEach(p -> ids.add(p.getId()));
      long due = ids.stream().mapToLong(id -> managementService.createJobQuery().processInstanceId(id).executable()
          .count()).sum();
      if (due == 0) {
        return;
      }
      Jobs.executeDue(managementService, ids.toArray(String[]::new));
    }
  }

  Institution hospital() {
    Institution i = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode("HOSPITAL"),
        "淮北市浏览器测试医院" + (System.nanoTime() % 10000), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级",
        List.of(), List.of(), "浏览器测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    agreements.sign(i.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "浏览器测试", null);
    return i;
  }
}
