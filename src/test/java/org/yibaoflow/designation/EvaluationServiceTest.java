package org.yibaoflow.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/** The evaluation rules (R-DES-2) and the bar after a failed re-evaluation (R-DES-1), without a database. */
class EvaluationServiceTest {

  static final String NO = "DA-2026-huaibei-000001";
  /** Tuesday 2026-09-22, 10:00 Asia/Shanghai. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-22T02:00:00Z"), WorkingDayCalendar.ZONE);
  static final Deadlines DEADLINES = Deadlines.withShippedArrangements(CLOCK);

  final DesignationMapper mapper = mock(DesignationMapper.class);
  final RegionSettingsService settings = mock(RegionSettingsService.class);
  final AuditService audit = mock(AuditService.class);
  final RuntimeService runtimeService = mock(RuntimeService.class);
  final RegionAccess regionAccess = mock(RegionAccess.class);
  final EvaluationService service = new EvaluationService(mapper, settings, audit, DEADLINES, runtimeService,
      mock(EngineAsApplication.class), regionAccess, CLOCK);

  @Test
  void theEvaluationClockRunsTheRegionsMonthsWithTheAlertLeadWorkingDaysBefore() {
    // 3 months from 2026-09-22 = Tuesday 2026-12-22; 10 working days before it: the end of Tuesday 2026-12-08
    var c = EvaluationService.evaluationClock(DEADLINES, 1, LocalDate.of(2026, 9, 22), 3, 10);
    assertThat(c.deadline()).isEqualTo(LocalDate.of(2026, 12, 22));
    assertThat(c.deadlineAt()).isEqualTo(Date.from(Instant.parse("2026-12-22T16:00:00Z")));
    assertThat(c.warningOn()).isEqualTo(LocalDate.of(2026, 12, 8));
    assertThat(c.warningAt()).isEqualTo(Date.from(Instant.parse("2026-12-08T16:00:00Z")));
  }

  @Test
  void theAlertSkipsHolidaysWhenCountingBack() {
    // 1 month from 2026-09-08 ends around the National Day holidays: counting back skips the days off, and at
    // the end of the alert day exactly 3 working days remain before the deadline (the next day would leave fewer)
    var c = EvaluationService.evaluationClock(DEADLINES, 1, LocalDate.of(2026, 9, 8), 1, 3);
    assertThat(DEADLINES.workingDays(c.warningOn(), 3)).isEqualTo(c.deadlineAt());
    assertThat(DEADLINES.workingDays(c.warningOn().plusDays(1), 3)).isAfter(c.deadlineAt());
  }

  @Test
  void startingARoundRecordsItsDeadlineOnceAndARetryReturnsTheSameClock() {
    when(settings.value("huaibei", RegionSetting.EVALUATION_TIME_LIMIT)).thenReturn(3);
    when(settings.value("huaibei", RegionSetting.EVALUATION_ESCALATION_LEAD)).thenReturn(10);
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_ACCEPTED, 0, null));
    when(mapper.startEvaluation(eq(NO), any(), eq(1), eq(LocalDate.of(2026, 12, 22)), any())).thenReturn(1);

    assertThat(service.startEvaluation(NO).round()).isEqualTo(1);
    verify(mapper).startEvaluation(eq(NO), any(), eq(1), eq(LocalDate.of(2026, 12, 22)), any());

    // the retried job finds the round already running
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_UNDER_EVALUATION, 1,
        LocalDate.of(2026, 12, 22)));
    assertThat(service.startEvaluation(NO).deadline()).isEqualTo(LocalDate.of(2026, 12, 22));
    verify(mapper).startEvaluation(eq(NO), any(), anyInt(), any(), any());
  }

  @Test
  void aFailureIsToldWithAllReasonsAndOpensReEvaluationAfterTheRectificationPeriod() {
    when(settings.value("huaibei", RegionSetting.RE_EVALUATION_RECTIFICATION_PERIOD)).thenReturn(3);
    when(settings.value("huaibei", RegionSetting.RE_EVALUATION_REQUEST_WINDOW)).thenReturn(3);
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_EVALUATION_FAILED, 1, null));
    when(mapper.inquiries(NO, 1)).thenReturn(List.of(new DesignationRecords.Inquiry(1L, NO, 1, "MARKET", "有虚假宣传处罚",
        true, null, null)));

    var f = service.notifyFailure(NO, "FAIL", "制度不健全", false, " ");

    assertThat(f.reason()).isEqualTo("评估未通过（第 1 轮）：专家评估不通过：制度不健全；医保信息系统核查发现问题（禁止申请情形、证照或严重行政处罚）；"
        + "市场监督管理部门复函反映问题：有虚假宣传处罚");
    assertThat(f.rectificationAdvice()).isEqualTo("请针对上述不通过理由逐项整改");
    // rectification: 3 months to Tuesday 2026-12-22; re-evaluation from the next day, window 3 months on
    assertThat(f.reEvaluationFrom()).isEqualTo(LocalDate.of(2026, 12, 23));
    assertThat(f.reEvaluationUntil()).isEqualTo(LocalDate.of(2027, 3, 23));
    verify(mapper).recordFailure(eq(NO), eq(f.reason()), eq("请针对上述不通过理由逐项整改"),
        eq(LocalDate.of(2026, 12, 23)), eq(LocalDate.of(2027, 3, 23)), any());
  }

  @Test
  void reEvaluationIsRefusedBeforeTheRectificationPeriodEnds() {
    when(regionAccess.canSee("huaibei")).thenReturn(true);
    DesignationApplication failed = new DesignationApplication(1L, NO, "huaibei", "某医院", "HOSPITAL", "X", "pi",
        DesignationApplication.STATUS_EVALUATION_FAILED, null, null, null, null, null, null, 1, null, "r", "a",
        LocalDate.of(2026, 12, 23), LocalDate.of(2027, 3, 23), null);
    when(mapper.findByApplicationNo(NO)).thenReturn(failed);

    assertThatThrownBy(() -> service.requestReEvaluation(NO)).isInstanceOf(DomainRuleException.class)
        .extracting("rule").isEqualTo("R-DES-2");
    verifyNoInteractions(runtimeService);
  }

  @Test
  void anotherRegionsApplicationIsNotDisclosed() {
    when(regionAccess.canSee("huaibei")).thenReturn(false);
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_EVALUATION_FAILED, 1, null));

    assertThatThrownBy(() -> service.requestReEvaluation(NO)).isInstanceOf(DomainRuleException.class)
        .extracting("status").hasToString("404 NOT_FOUND");
  }

  @Test
  void theBarRunsTheRegionsYearsAndIsRecordedOnce() {
    when(settings.value("huaibei", RegionSetting.FAILED_RE_EVALUATION_BAR)).thenReturn(1);
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_EVALUATION_FAILED, 2, null));
    when(mapper.transition(eq(NO), any(), eq(DesignationApplication.STATUS_BARRED), any())).thenReturn(1);

    service.bar(NO);
    verify(mapper).insertBar(new DesignationRecords.Bar(null, NO, "huaibei", "X", LocalDate.of(2026, 9, 22),
        LocalDate.of(2027, 9, 22), "R-DES-1"));

    // a retried job finds the bar
    when(mapper.barOf(NO)).thenReturn(new DesignationRecords.Bar(5L, NO, "huaibei", "X", LocalDate.of(2026, 9, 22),
        LocalDate.of(2027, 9, 22), "R-DES-1"));
    assertThat(service.bar(NO).id()).isEqualTo(5L);
    verify(mapper).insertBar(any());
  }

  @Test
  void anInquiryReplyIsRecordedOncePerDepartmentAndRound() {
    when(mapper.findByApplicationNo(NO)).thenReturn(app(DesignationApplication.STATUS_UNDER_EVALUATION, 1, null));
    assertThatThrownBy(() -> service.recordInquiryReply(NO, 1, "HEALTH", " ", false, null))
        .isInstanceOf(DomainRuleException.class).extracting("field").isEqualTo("inquiryReply");
    when(mapper.findInquiry(NO, 1, "HEALTH")).thenReturn(new DesignationRecords.Inquiry(3L, NO, 1, "HEALTH", "无",
        false, null, null));
    service.recordInquiryReply(NO, 1, "HEALTH", "无", false, null);
    verify(mapper, never()).insertInquiry(any());
    verifyNoInteractions(audit);
  }

  private static DesignationApplication app(String status, int round, LocalDate deadline) {
    return new DesignationApplication(1L, NO, "huaibei", "某医院", "HOSPITAL", "X", "pi", status, null, null, null,
        null, null, null, round, deadline, null, null, null, null, null);
  }

}
